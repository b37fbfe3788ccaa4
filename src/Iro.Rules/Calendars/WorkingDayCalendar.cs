using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using NodaTime;

namespace Iro.Rules.Calendars;

/// <summary>Working-day arithmetic for statutory timescales: every day except Saturdays, Sundays and the calendar's holidays.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. Rule CAL-1 (what a working day is) and CAL-3 (counting "within N working days of" an
/// event). Citation: Care Planning, Placement and Case Review (England) Regulations 2010 reg 2(1), "working day":
/// not a Saturday, Sunday, Christmas Day, Good Friday or a bank holiday under the Banking and Financial Dealings Act
/// 1971. The default for those Regulations is <see cref="EnglandAndWales"/> (docs/rules.md CAL-1a).</para>
/// <para>O(1) by construction: each calendar holds a table of cumulative working-day counts by day and a table from
/// working-day ordinal to date, over 1971-01-01 to 2100-12-31. <see cref="IsWorkingDay"/>, <see cref="AddWorkingDays"/>
/// and <see cref="WorkingDaysBetween"/> are table look-ups that allocate nothing; dates or results outside the range
/// throw <see cref="ArgumentOutOfRangeException"/>.</para>
/// </remarks>
public sealed class WorkingDayCalendar
{
    private static readonly int MinDayNumber = BankHolidayCalendar.MinDate.ToDateOnly().DayNumber;
    private static readonly int DayCount = BankHolidayCalendar.MaxDate.ToDateOnly().DayNumber - MinDayNumber + 1;

    private static readonly Lazy<WorkingDayCalendar>[] BuiltIn =
    [
        new(static () => From(BankHolidayCalendar.For(UkJurisdiction.EnglandAndWales))),
        new(static () => From(BankHolidayCalendar.For(UkJurisdiction.Scotland))),
        new(static () => From(BankHolidayCalendar.For(UkJurisdiction.NorthernIreland))),
    ];

    private static readonly Lazy<WorkingDayCalendar> AnyPart = new(static () => From(BankHolidayCalendar.AnyUkPart));

    // cumulative[i] = number of working days strictly before day index i; cumulative[DayCount] = total.
    private readonly int[] cumulative;

    // workingDates[k] = the (k+1)-th working day of the range.
    private readonly LocalDate[] workingDates;

    // Weekday non-working days (holidays and closure days), in date order, for explanations.
    private readonly BankHoliday[] nonWorkingWeekdays;

    private WorkingDayCalendar(BankHolidayCalendar bankHolidays, IReadOnlyList<LocalDate> closureDays)
    {
        BankHolidays = bankHolidays;
        ClosureDays = closureDays;

        var closures = closureDays
            .Where(d => IsWeekday(d) && !bankHolidays.IsBankHoliday(d))
            .Select(static d => new BankHoliday(d, HolidayNames.LocalClosureDay, BankHolidaySource.LocalClosureDay));
        nonWorkingWeekdays = bankHolidays.All
            .Where(static h => IsWeekday(h.Date))
            .Concat(closures)
            .OrderBy(static h => h.Date)
            .ToArray();

        var closed = new bool[DayCount];
        foreach (BankHoliday day in nonWorkingWeekdays)
        {
            closed[Index(day.Date)] = true;
        }

        cumulative = new int[DayCount + 1];
        var dates = new List<LocalDate>(DayCount * 5 / 7);
        LocalDate date = BankHolidayCalendar.MinDate;
        for (int i = 0; i < DayCount; i++, date = date.PlusDays(1))
        {
            bool working = IsWeekday(date) && !closed[i];
            cumulative[i + 1] = cumulative[i] + (working ? 1 : 0);
            if (working)
            {
                dates.Add(date);
            }
        }

        workingDates = dates.ToArray();
    }

    /// <summary>The first date the calendar supports: 1 January 1971.</summary>
    public static LocalDate MinDate => BankHolidayCalendar.MinDate;

    /// <summary>The last date the calendar supports: 31 December 2100.</summary>
    public static LocalDate MaxDate => BankHolidayCalendar.MaxDate;

    /// <summary>Working days in England and Wales: the default for the Care Planning, Placement and Case Review (England) Regulations 2010.</summary>
    public static WorkingDayCalendar EnglandAndWales => For(UkJurisdiction.EnglandAndWales);

    /// <summary>Working days in Scotland.</summary>
    public static WorkingDayCalendar Scotland => For(UkJurisdiction.Scotland);

    /// <summary>Working days in Northern Ireland.</summary>
    public static WorkingDayCalendar NorthernIreland => For(UkJurisdiction.NorthernIreland);

    /// <summary>Working days that are not a bank holiday in any part of the UK (docs/rules.md CAL-1a <c>AnyUkPart</c>, the Freedom of Information Act 2000 s10(6) reading).</summary>
    public static WorkingDayCalendar AnyUkPart => AnyPart.Value;

    /// <summary>The bank holidays this calendar skips (besides weekends and <see cref="ClosureDays"/>).</summary>
    public BankHolidayCalendar BankHolidays { get; }

    /// <summary>A council's own closure days added with <see cref="WithClosureDays"/>; empty for a statutory calendar.</summary>
    public IReadOnlyList<LocalDate> ClosureDays { get; }

    /// <summary>Whether the calendar treats as non-working any day the statutory definition counts as a working day (a closure day).</summary>
    public bool DepartsFromStatute => nonWorkingWeekdays.Any(static d => d.Source == BankHolidaySource.LocalClosureDay);

    /// <summary>A name for the calendar, for example "England and Wales" or "England and Wales + 2 closure days".</summary>
    public string Name => ClosureDays.Count == 0
        ? BankHolidays.Name
        : $"{BankHolidays.Name} + {ClosureDays.Count.ToString(CultureInfo.InvariantCulture)} closure day{(ClosureDays.Count == 1 ? string.Empty : "s")}";

    /// <summary>The built-in working-day calendar for a part of the UK.</summary>
    /// <param name="jurisdiction">The part of the UK.</param>
    /// <returns>The shared, immutable calendar.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="jurisdiction"/> is not a defined value.</exception>
    public static WorkingDayCalendar For(UkJurisdiction jurisdiction)
    {
        Preconditions.CheckDefined(jurisdiction, nameof(jurisdiction));
        return BuiltIn[(int)jurisdiction].Value;
    }

    /// <summary>A working-day calendar that skips the holidays of <paramref name="bankHolidays"/>, for example one loaded with <see cref="BankHolidayCalendar.FromGovUkJson"/>.</summary>
    /// <param name="bankHolidays">The holidays to skip.</param>
    /// <returns>A new calendar (building one takes about a millisecond: keep and share it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bankHolidays"/> is null.</exception>
    public static WorkingDayCalendar From(BankHolidayCalendar bankHolidays)
    {
        Preconditions.CheckNotNull(bankHolidays, nameof(bankHolidays));
        return new WorkingDayCalendar(bankHolidays, Array.Empty<LocalDate>());
    }

    /// <summary>A working-day calendar from a caller's own list of holiday dates (a council's source of record).</summary>
    /// <param name="holidays">The non-working dates besides weekends; each in 1971-2100.</param>
    /// <param name="name">A name for the calendar, used in explanations.</param>
    /// <returns>A new calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside 1971-01-01 to 2100-12-31.</exception>
    public static WorkingDayCalendar FromDates(IEnumerable<LocalDate> holidays, string name) =>
        From(BankHolidayCalendar.FromDates(holidays, name));

    /// <summary>This calendar with a council's own closure days added as non-working days.</summary>
    /// <remarks>
    /// docs/rules.md CAL-1: Christmas Eve, New Year's Eve and local closure days are working days under the Regulations. A
    /// calendar with closure days departs from statute: <see cref="DepartsFromStatute"/> is then true and every
    /// explanation that skips a closure day names it "Council closure day (not a bank holiday)".
    /// </remarks>
    /// <param name="closureDays">The closure days; each in 1971-2100. Weekends and bank holidays among them change nothing.</param>
    /// <returns>A new calendar; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="closureDays"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside 1971-01-01 to 2100-12-31.</exception>
    public WorkingDayCalendar WithClosureDays(IEnumerable<LocalDate> closureDays)
    {
        Preconditions.CheckNotNull(closureDays, nameof(closureDays));
        var all = new SortedSet<LocalDate>(ClosureDays);
        foreach (LocalDate day in closureDays)
        {
            Preconditions.CheckIsoCalendar(day, nameof(closureDays));
            Preconditions.CheckDateRange(day, MinDate, MaxDate, nameof(closureDays));
            all.Add(day);
        }

        return new WorkingDayCalendar(BankHolidays, new ReadOnlyCollection<LocalDate>(all.ToArray()));
    }

    /// <summary>Whether <paramref name="date"/> is a working day: not a Saturday, Sunday, holiday or closure day.</summary>
    /// <remarks>Rule CAL-1. 2025-04-18 (Good Friday) is not; 2025-12-24 (Christmas Eve) is; 2026-12-28 (Boxing Day substitute) is not.</remarks>
    /// <param name="date">A date in 1971-2100.</param>
    /// <returns><see langword="true"/> for a working day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside 1971-01-01 to 2100-12-31.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public bool IsWorkingDay(LocalDate date)
    {
        int i = CheckedIndex(date, nameof(date));
        return cumulative[i + 1] != cumulative[i];
    }

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (before it, for a negative count).</summary>
    /// <remarks>
    /// <para>Rule CAL-3: <paramref name="start"/> is day 0 and is not counted; day 1 is the first working day after it.
    /// A start on a non-working day loses and gains nothing. A count of 0 returns <paramref name="start"/> unchanged.</para>
    /// <para>2025-04-17 + 20 is 2025-05-20 (skipping Good Friday, Easter Monday and the Early May bank holiday);
    /// 2026-12-18 + 20 is 2027-01-20 (skipping 25 and 28 December 2026 and 1 January 2027).</para>
    /// </remarks>
    /// <param name="start">The event day (day 0), in 1971-2100.</param>
    /// <param name="workingDays">The number of working days to move; negative moves back.</param>
    /// <returns>A working day, unless <paramref name="workingDays"/> is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is outside 1971-01-01 to 2100-12-31, or the result would be.</exception>
    /// <exception cref="ArgumentException"><paramref name="start"/> is not in the ISO calendar.</exception>
    public LocalDate AddWorkingDays(LocalDate start, int workingDays)
    {
        int i = CheckedIndex(start, nameof(start));
        if (workingDays == 0)
        {
            return start;
        }

        if (!TryMove(i, workingDays, out LocalDate result))
        {
            ThrowResultOutOfRange(start, workingDays);
        }

        return result;
    }

    /// <summary>Like <see cref="AddWorkingDays"/>, but returns <see langword="false"/> instead of throwing when <paramref name="start"/> or the result is outside 1971-2100.</summary>
    /// <param name="start">The event day (day 0).</param>
    /// <param name="workingDays">The number of working days to move; negative moves back.</param>
    /// <param name="result">The working day reached, when in range.</param>
    /// <returns><see langword="true"/> if both <paramref name="start"/> and the result are in range.</returns>
    /// <exception cref="ArgumentException"><paramref name="start"/> is not in the ISO calendar.</exception>
    public bool TryAddWorkingDays(LocalDate start, int workingDays, out LocalDate result)
    {
        Preconditions.CheckIsoCalendar(start, nameof(start));
        int i = Index(start);
        result = start;
        if ((uint)i >= (uint)DayCount)
        {
            return false;
        }

        return workingDays == 0 || TryMove(i, workingDays, out result);
    }

    /// <summary>The number of working days <c>w</c> with <paramref name="start"/> &lt; w &lt;= <paramref name="end"/>; negative when <paramref name="end"/> is before <paramref name="start"/>.</summary>
    /// <remarks>
    /// <para>Rule CAL-3. The inverse of <see cref="AddWorkingDays"/>: when <paramref name="end"/> is a working day after
    /// <paramref name="start"/>, <c>AddWorkingDays(start, WorkingDaysBetween(start, end)) == end</c>. When
    /// <paramref name="end"/> is before <paramref name="start"/> the result is minus the count of working days
    /// <c>w</c> with end &lt; w &lt;= start, so that swapping the arguments negates it.</para>
    /// <para>From 2025-04-17 to 2025-05-20 there are 20 working days.</para>
    /// </remarks>
    /// <param name="start">The exclusive start, in 1971-2100.</param>
    /// <param name="end">The inclusive end, in 1971-2100.</param>
    /// <returns>The signed count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside 1971-01-01 to 2100-12-31.</exception>
    /// <exception cref="ArgumentException">A date is not in the ISO calendar.</exception>
    public int WorkingDaysBetween(LocalDate start, LocalDate end)
    {
        int s = CheckedIndex(start, nameof(start));
        int e = CheckedIndex(end, nameof(end));
        return cumulative[e + 1] - cumulative[s + 1];
    }

    /// <summary>The weekday holidays and closure days strictly between two dates, in date order: the days a count between them skips besides weekends.</summary>
    /// <param name="start">One end (excluded).</param>
    /// <param name="end">The other end (excluded); may be before <paramref name="start"/>.</param>
    /// <returns>A new list.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside 1971-01-01 to 2100-12-31.</exception>
    public IReadOnlyList<BankHoliday> NonWorkingWeekdaysBetween(LocalDate start, LocalDate end)
    {
        CheckedIndex(start, nameof(start));
        CheckedIndex(end, nameof(end));
        (LocalDate low, LocalDate high) = start <= end ? (start, end) : (end, start);
        int from = LowerBound(low.PlusDays(1));
        var result = new List<BankHoliday>();
        for (int k = from; k < nonWorkingWeekdays.Length && nonWorkingWeekdays[k].Date < high; k++)
        {
            result.Add(nonWorkingWeekdays[k]);
        }

        return result;
    }

    /// <summary>Adds working days and explains the result: which holidays (and closure days) it skipped.</summary>
    /// <remarks>
    /// Rule CAL-3. For example: "2025-05-20 is 20 working days after 2025-04-17, skipping Good Friday 2025-04-18,
    /// Easter Monday 2025-04-21 and Early May bank holiday 2025-05-05".
    /// </remarks>
    /// <param name="start">The event day (day 0), in 1971-2100.</param>
    /// <param name="workingDays">The number of working days; negative counts back.</param>
    /// <returns>The result with its explanation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> or the result is outside 1971-01-01 to 2100-12-31.</exception>
    public WorkingDayExplanation Explain(LocalDate start, int workingDays)
    {
        LocalDate result = AddWorkingDays(start, workingDays);
        IReadOnlyList<BankHoliday> skipped = NonWorkingWeekdaysBetween(start, result);
        int magnitude = Math.Abs(workingDays);
        var summary = new StringBuilder()
            .Append(DateFormat.Iso(result))
            .Append(" is ")
            .Append(magnitude.ToString(CultureInfo.InvariantCulture))
            .Append(magnitude == 1 ? " working day " : " working days ")
            .Append(workingDays < 0 ? "before " : "after ")
            .Append(DateFormat.Iso(start));
        if (skipped.Count == 0)
        {
            summary.Append(workingDays == 0 ? string.Empty : ", with no bank holidays in between");
        }
        else
        {
            summary.Append(", skipping ").Append(JoinWithAnd(skipped.Select(static h => h.ToString())));
        }

        if (skipped.Any(static h => h.Source == BankHolidaySource.LocalClosureDay))
        {
            summary.Append(" (council closure days are a departure from the statutory definition of a working day)");
        }

        var finding = new Finding(RuleId.WorkingDayCount, Outcome.Information, Citations.WorkingDayCount, summary.ToString());
        return new WorkingDayExplanation(start, workingDays, result, skipped, this, finding);
    }

    /// <summary>Returns the calendar's name.</summary>
    /// <returns>The name, for example "England and Wales".</returns>
    public override string ToString() => Name;

    internal static string JoinWithAnd(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }

    /// <summary>The table look-up behind both AddWorkingDays forms: the target's ordinal among the range's working days.</summary>
    private bool TryMove(int index, int workingDays, out LocalDate result)
    {
        long ordinal = workingDays > 0
            ? (long)cumulative[index + 1] + workingDays
            : (long)cumulative[index] + workingDays + 1;
        if (ordinal < 1 || ordinal > workingDates.Length)
        {
            result = default;
            return false;
        }

        result = workingDates[ordinal - 1];
        return true;
    }

    private static bool IsWeekday(LocalDate date) => date.DayOfWeek < IsoDayOfWeek.Saturday;

    private static int Index(LocalDate date) => date.ToDateOnly().DayNumber - MinDayNumber;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CheckedIndex(LocalDate date, string paramName)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            Preconditions.CheckIsoCalendar(date, paramName);
        }

        int i = Index(date);
        if ((uint)i >= (uint)DayCount)
        {
            Preconditions.CheckDateRange(date, MinDate, MaxDate, paramName);
        }

        return i;
    }

    private int LowerBound(LocalDate date)
    {
        int lo = 0, hi = nonWorkingWeekdays.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (nonWorkingWeekdays[mid].Date < date)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static void ThrowResultOutOfRange(LocalDate start, int workingDays) =>
        throw new ArgumentOutOfRangeException(
            nameof(workingDays),
            workingDays,
            $"workingDays was {workingDays.ToString(CultureInfo.InvariantCulture)}: counting from {DateFormat.Iso(start)} would leave the supported range {DateFormat.Iso(MinDate)} to {DateFormat.Iso(MaxDate)}.");
}
