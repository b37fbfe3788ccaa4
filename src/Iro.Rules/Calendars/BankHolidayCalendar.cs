using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using Iro.Rules.Internal;
using NodaTime;

namespace Iro.Rules.Calendars;

/// <summary>The bank holidays of one part of the UK (or a union of parts, or a caller's own list) for 1971-2100.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. Rule CAL-2; citation: Banking and Financial Dealings Act 1971 s1 and Schedule 1,
/// St Andrew's Day Bank Holiday (Scotland) Act 2007 s1, and the royal proclamations made under s1(2) and s1(3).</para>
/// <para>The built-in calendar (<see cref="For"/>) takes each year from the best source available: the GOV.UK feed
/// embedded in the library for 2012-2028 (the archive for 2012-2018 and the current feed, which has Scotland's
/// 15 June 2026, for 2019-2028); the rules for 1971-2011 (Schedule 1, the yearly proclamation practice, the
/// Gregorian computus and every one-off proclamation); and the rules, marked <see cref="BankHolidaySource.Projected"/>,
/// for 2029-2100. <see cref="FromGovUkJson"/> overlays a newer GOV.UK file.</para>
/// <para>Listing convention: only weekdays actually taken off, in date order, as GOV.UK lists them. A holiday that
/// falls at a weekend appears only as its weekday substitute. Christmas Day and Good Friday are listed in every
/// jurisdiction. Names follow GOV.UK (see <see cref="BankHoliday"/>).</para>
/// </remarks>
public sealed class BankHolidayCalendar
{
    /// <summary>The first year any calendar covers.</summary>
    public const int MinYear = BankHolidayRules.FirstYear;

    /// <summary>The last year any calendar covers.</summary>
    public const int MaxYear = BankHolidayRules.LastYear;

    private const string EmbeddedCurrentFeed = "Iro.Rules.Data.govuk-bank-holidays.json";
    private const string EmbeddedArchiveFeed = "Iro.Rules.Data.govuk-bank-holidays-archive-2012-2028.json";

    private static readonly Lazy<BankHolidayCalendar>[] BuiltIn = CreateLazy(static j => Build(j, useEmbeddedFeed: true, overlay: null));
    private static readonly Lazy<BankHolidayCalendar>[] RulesOnly = CreateLazy(static j => Build(j, useEmbeddedFeed: false, overlay: null));
    private static readonly Lazy<BankHolidayCalendar> AnyPart = new(static () =>
        Union("Any UK part", For(UkJurisdiction.EnglandAndWales), For(UkJurisdiction.Scotland), For(UkJurisdiction.NorthernIreland)));

    private readonly BankHoliday[] holidays;
    private readonly int[] yearStart;
    private readonly ReadOnlyCollection<BankHoliday>[] byYear;

    private BankHolidayCalendar(string name, UkJurisdiction? jurisdiction, IEnumerable<BankHoliday> days)
    {
        Name = name;
        Jurisdiction = jurisdiction;
        holidays = days.OrderBy(static d => d.Date).ToArray();
        for (int i = 1; i < holidays.Length; i++)
        {
            if (holidays[i].Date == holidays[i - 1].Date)
            {
                throw new ArgumentException($"The date {DateFormat.Iso(holidays[i].Date)} is listed twice (CAL-2).", "holidays");
            }
        }

        int years = MaxYear - MinYear + 1;
        yearStart = new int[years + 1];
        byYear = new ReadOnlyCollection<BankHoliday>[years];
        int index = 0;
        for (int y = 0; y < years; y++)
        {
            yearStart[y] = index;
            while (index < holidays.Length && holidays[index].Date.Year == MinYear + y)
            {
                index++;
            }

            byYear[y] = new ReadOnlyCollection<BankHoliday>(holidays[yearStart[y]..index]);
        }

        yearStart[years] = index;
        All = new ReadOnlyCollection<BankHoliday>(holidays);
    }

    /// <summary>The first day any calendar covers: 1 January 1971.</summary>
    public static LocalDate MinDate { get; } = new(MinYear, 1, 1);

    /// <summary>The last day any calendar covers: 31 December 2100.</summary>
    public static LocalDate MaxDate { get; } = new(MaxYear, 12, 31);

    /// <summary>The built-in England and Wales calendar.</summary>
    public static BankHolidayCalendar EnglandAndWales => For(UkJurisdiction.EnglandAndWales);

    /// <summary>The built-in Scotland calendar.</summary>
    public static BankHolidayCalendar Scotland => For(UkJurisdiction.Scotland);

    /// <summary>The built-in Northern Ireland calendar.</summary>
    public static BankHolidayCalendar NorthernIreland => For(UkJurisdiction.NorthernIreland);

    /// <summary>The union of the three built-in calendars: a day that is a bank holiday in any part of the UK (docs/rules.md CAL-1a <c>AnyUkPart</c>).</summary>
    /// <remarks>A day that is not a holiday in every part has the parts it belongs to in its name, for example "St Patrick’s Day (Northern Ireland)".</remarks>
    public static BankHolidayCalendar AnyUkPart => AnyPart.Value;

    /// <summary>A name for the calendar, for example "England and Wales".</summary>
    public string Name { get; }

    /// <summary>The jurisdiction, for a calendar of one part of the UK; <see langword="null"/> for a union or a caller's list.</summary>
    public UkJurisdiction? Jurisdiction { get; }

    /// <summary>Every holiday in the calendar, 1971-2100, in date order.</summary>
    public IReadOnlyList<BankHoliday> All { get; }

    /// <summary>The built-in calendar for a part of the UK: right for every year 1971-2100 as far as proclamations are known.</summary>
    /// <param name="jurisdiction">The part of the UK.</param>
    /// <returns>The shared, immutable calendar.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="jurisdiction"/> is not a defined value.</exception>
    /// <example>
    /// <code>
    /// var ew = BankHolidayCalendar.For(UkJurisdiction.EnglandAndWales);
    /// ew.IsBankHoliday(new LocalDate(2026, 12, 28)); // true: Boxing Day (substitute day)
    /// </code>
    /// </example>
    public static BankHolidayCalendar For(UkJurisdiction jurisdiction)
    {
        Preconditions.CheckDefined(jurisdiction, nameof(jurisdiction));
        return BuiltIn[(int)jurisdiction].Value;
    }

    /// <summary>A calendar computed from the rules alone, for every year 1971-2100, ignoring the embedded GOV.UK feed.</summary>
    /// <remarks>
    /// Useful to cross-check a feed. For 2012-2028 it agrees with the embedded feed date for date (the library's tests
    /// show this). Days after 2028 are marked <see cref="BankHolidaySource.Projected"/>.
    /// </remarks>
    /// <param name="jurisdiction">The part of the UK.</param>
    /// <returns>The shared, immutable calendar.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="jurisdiction"/> is not a defined value.</exception>
    public static BankHolidayCalendar FromRules(UkJurisdiction jurisdiction)
    {
        Preconditions.CheckDefined(jurisdiction, nameof(jurisdiction));
        return RulesOnly[(int)jurisdiction].Value;
    }

    /// <summary>The built-in calendar overlaid with a GOV.UK <c>bank-holidays.json</c> file: for each year the file covers, the file is the truth.</summary>
    /// <remarks>
    /// <para>Use this to pick up a new proclamation without a new release of the library: download
    /// https://www.gov.uk/bank-holidays.json and pass it here. The years covered are those from the first to the last
    /// event of the division, inclusive; every other year comes from the built-in calendar.</para>
    /// <para>A date is a holiday if the file lists it; <c>title</c> gives the name and <c>notes</c> = "Substitute day"
    /// adds " (substitute day)". The load is all or nothing: on any error nothing is applied, and the built-in
    /// calendars never change.</para>
    /// <para>A file cannot change a year silently: every year it covers must look like a year of UK bank holidays for
    /// the division, or the file is refused naming the division and the year. That is, each year from the first event
    /// to the last has events (none is missing), lists Good Friday, the first weekday of January (New Year's Day or
    /// its substitute; outside Scotland from 1974) and the first weekday on or after 25 December (Christmas Day or its
    /// substitute), and has at least as many events as the division's regular days that year and at most four more
    /// (today 8-12 for England and Wales, 9-13 for Scotland, 10-14 for Northern Ireland). So a lone stray event
    /// (2014-01-01 typed for 2024-01-01) makes its year incomplete, and so does a year with a day deleted; both are
    /// refused. A division with no events changes nothing.</para>
    /// <para>The whole file must be UTF-8 (a byte order mark is allowed) and JSON with no key twice in one object and
    /// no unpaired UTF-16 surrogate escape such as <c>\ud800</c>, anywhere in the file; a byte position in a message
    /// counts from 0 at the start of the file.</para>
    /// </remarks>
    /// <param name="json">The file's content, UTF-8 JSON in GOV.UK's format. The stream is read to its end and not closed.</param>
    /// <param name="jurisdiction">The division to read.</param>
    /// <returns>A new calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="jurisdiction"/> is not a defined value.</exception>
    /// <exception cref="InvalidDataException">The file is not UTF-8 or not valid JSON, has a key twice in one object or
    /// an unpaired surrogate escape, lacks the division, has an event with a missing or bad date or title, a date
    /// outside 1971-2100, a Saturday or Sunday, or a date listed twice, or covers a year that is not a complete year of
    /// bank holidays. The message names the division and the event, the year or the byte position; the inner
    /// exception, if any, is kept. No other exception comes from the file's content.</exception>
    public static BankHolidayCalendar FromGovUkJson(Stream json, UkJurisdiction jurisdiction)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        Preconditions.CheckDefined(jurisdiction, nameof(jurisdiction));
        GovUkFeed.Division overlay = GovUkFeed.Parse(json, jurisdiction);
        return Build(jurisdiction, useEmbeddedFeed: true, overlay);
    }

    /// <summary>A calendar from a caller's own list of non-working dates (a council's source of record).</summary>
    /// <remarks>Duplicates are merged. Each day is named "Non-working day (caller's list)" and marked <see cref="BankHolidaySource.CallerSupplied"/>.</remarks>
    /// <param name="dates">The dates; each in 1971-2100 and in the ISO calendar.</param>
    /// <param name="name">A name for the calendar, used in explanations.</param>
    /// <returns>A new calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside 1971-01-01 to 2100-12-31.</exception>
    public static BankHolidayCalendar FromDates(IEnumerable<LocalDate> dates, string name)
    {
        Preconditions.CheckNotNull(dates, nameof(dates));
        Preconditions.CheckNotNull(name, nameof(name));
        return FromHolidays(
            dates.Distinct().Select(static d => new BankHoliday(d, HolidayNames.CallerSupplied, BankHolidaySource.CallerSupplied)),
            name);
    }

    /// <summary>A calendar from a caller's own list of named holidays.</summary>
    /// <param name="holidays">The holidays; each in 1971-2100, no date twice.</param>
    /// <param name="name">A name for the calendar, used in explanations.</param>
    /// <returns>A new calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/>, an item of it, or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside 1971-01-01 to 2100-12-31.</exception>
    /// <exception cref="ArgumentException">A date is listed twice.</exception>
    public static BankHolidayCalendar FromHolidays(IEnumerable<BankHoliday> holidays, string name)
    {
        Preconditions.CheckNotNull(holidays, nameof(holidays));
        Preconditions.CheckNotNull(name, nameof(name));
        var list = new List<BankHoliday>();
        foreach (BankHoliday? holiday in holidays)
        {
            Preconditions.CheckNotNull(holiday, nameof(holidays));
            Preconditions.CheckDateRange(holiday.Date, MinDate, MaxDate, nameof(holidays));
            list.Add(holiday);
        }

        return new BankHolidayCalendar(name, null, list);
    }

    /// <summary>The union of calendars: a day is a holiday if it is one in any of them.</summary>
    /// <remarks>A day not in every calendar has the names of the calendars it is in appended, for example "2nd January (Scotland)".</remarks>
    /// <param name="name">A name for the union.</param>
    /// <param name="calendars">At least one calendar.</param>
    /// <returns>A new calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="calendars"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="calendars"/> is empty.</exception>
    public static BankHolidayCalendar Union(string name, params BankHolidayCalendar[] calendars)
    {
        Preconditions.CheckNotNull(name, nameof(name));
        Preconditions.CheckNotNull(calendars, nameof(calendars));
        if (calendars.Length == 0)
        {
            throw new ArgumentException("At least one calendar is needed for a union.", nameof(calendars));
        }

        foreach (BankHolidayCalendar? calendar in calendars)
        {
            Preconditions.CheckNotNull(calendar, nameof(calendars));
        }

        var merged = calendars
            .SelectMany(static c => c.holidays.Select(h => (Holiday: h, Calendar: c)))
            .GroupBy(static x => x.Holiday.Date)
            .Select(g =>
            {
                var members = g.ToList();
                BankHoliday first = members[0].Holiday;
                if (members.Count == calendars.Length)
                {
                    return first;
                }

                string parts = string.Join(", ", members.Select(static m => m.Calendar.Name));
                return new BankHoliday(first.Date, $"{first.Name} ({parts})", first.Source, first.IsSubstitute);
            });
        return new BankHolidayCalendar(name, null, merged);
    }

    /// <summary>Whether <paramref name="date"/> is a holiday in this calendar.</summary>
    /// <param name="date">A date in 1971-2100.</param>
    /// <returns><see langword="true"/> if the calendar lists the date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside 1971-01-01 to 2100-12-31.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public bool IsBankHoliday(LocalDate date) => Find(date) is not null;

    /// <summary>The holiday on <paramref name="date"/>, or <see langword="null"/> if the date is not one.</summary>
    /// <param name="date">A date in 1971-2100.</param>
    /// <returns>The holiday, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside 1971-01-01 to 2100-12-31.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public BankHoliday? Find(LocalDate date)
    {
        Preconditions.CheckIsoCalendar(date, nameof(date));
        Preconditions.CheckDateRange(date, MinDate, MaxDate, nameof(date));
        int y = date.Year - MinYear;
        for (int i = yearStart[y]; i < yearStart[y + 1]; i++)
        {
            if (holidays[i].Date == date)
            {
                return holidays[i];
            }
        }

        return null;
    }

    /// <summary>The holidays of <paramref name="year"/>, in date order: the weekdays taken off, as GOV.UK lists them.</summary>
    /// <param name="year">A year in 1971-2100.</param>
    /// <returns>A read-only list, shared between callers (no allocation per call).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1971-2100.</exception>
    /// <example><c>BankHolidayCalendar.For(UkJurisdiction.Scotland).InYear(2026)</c> includes "World Cup bank holiday" on 2026-06-15.</example>
    public IReadOnlyList<BankHoliday> InYear(int year)
    {
        Preconditions.CheckRange(year, MinYear, MaxYear, nameof(year), "CAL-2");
        return byYear[year - MinYear];
    }

    /// <summary>The holidays <c>h</c> with <paramref name="after"/> &lt; h.Date &lt;= <paramref name="through"/>, in date order.</summary>
    /// <param name="after">The exclusive start.</param>
    /// <param name="through">The inclusive end.</param>
    /// <returns>A new list; empty when <paramref name="through"/> is not after <paramref name="after"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside 1971-01-01 to 2100-12-31.</exception>
    public IReadOnlyList<BankHoliday> Between(LocalDate after, LocalDate through)
    {
        Preconditions.CheckIsoCalendar(after, nameof(after));
        Preconditions.CheckIsoCalendar(through, nameof(through));
        Preconditions.CheckDateRange(after, MinDate, MaxDate, nameof(after));
        Preconditions.CheckDateRange(through, MinDate, MaxDate, nameof(through));
        var result = new List<BankHoliday>();
        if (through <= after)
        {
            return result;
        }

        for (int i = yearStart[after.Year - MinYear]; i < yearStart[through.Year - MinYear + 1]; i++)
        {
            LocalDate d = holidays[i].Date;
            if (d > after && d <= through)
            {
                result.Add(holidays[i]);
            }
        }

        return result;
    }

    /// <summary>Returns the calendar's name.</summary>
    /// <returns>The name, for example "England and Wales".</returns>
    public override string ToString() => Name;

    internal static string NameOf(UkJurisdiction jurisdiction) => jurisdiction switch
    {
        UkJurisdiction.EnglandAndWales => "England and Wales",
        UkJurisdiction.Scotland => "Scotland",
        UkJurisdiction.NorthernIreland => "Northern Ireland",
        _ => throw new ArgumentOutOfRangeException(nameof(jurisdiction), jurisdiction, null),
    };

    private static Lazy<BankHolidayCalendar>[] CreateLazy(Func<UkJurisdiction, BankHolidayCalendar> factory) =>
    [
        new(() => factory(UkJurisdiction.EnglandAndWales)),
        new(() => factory(UkJurisdiction.Scotland)),
        new(() => factory(UkJurisdiction.NorthernIreland)),
    ];

    private static BankHolidayCalendar Build(UkJurisdiction jurisdiction, bool useEmbeddedFeed, GovUkFeed.Division? overlay)
    {
        var years = new List<BankHoliday>[MaxYear - MinYear + 1];
        for (int year = MinYear; year <= MaxYear; year++)
        {
            years[year - MinYear] = BankHolidayRules.Compute(year, jurisdiction, includeOneOffs: true);
        }

        if (useEmbeddedFeed)
        {
            Apply(years, EmbeddedFeed(EmbeddedArchiveFeed, jurisdiction));
            Apply(years, EmbeddedFeed(EmbeddedCurrentFeed, jurisdiction));
        }

        if (overlay is not null)
        {
            Apply(years, overlay);
        }

        string name = NameOf(jurisdiction);
        return new BankHolidayCalendar(overlay is null ? name : name + " (with GOV.UK file)", jurisdiction, years.SelectMany(static y => y));
    }

    private static void Apply(List<BankHoliday>[] years, GovUkFeed.Division feed)
    {
        for (int year = Math.Max(feed.FirstYear, MinYear); year <= Math.Min(feed.LastYear, MaxYear); year++)
        {
            years[year - MinYear] = feed.Events.Where(e => e.Date.Year == year).ToList();
        }
    }

    private static GovUkFeed.Division EmbeddedFeed(string resource, UkJurisdiction jurisdiction)
    {
        using Stream stream = typeof(BankHolidayCalendar).GetTypeInfo().Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing from the Iro.Rules assembly.");
        return GovUkFeed.Parse(stream, jurisdiction);
    }
}
