using System;
using System.Collections.Generic;
using NodaTime;

namespace Iro.Rules.Calendars;

/// <summary>
/// The UK bank holidays of one year and one jurisdiction, computed from the Banking and Financial Dealings Act 1971
/// Schedule 1, the pattern the yearly proclamations follow, the Gregorian computus, and the one-off proclamations.
/// </summary>
/// <remarks>
/// Rule CAL-2. Only weekdays actually taken off are listed: a holiday falling at a weekend appears as its weekday
/// substitute. Christmas Day and Good Friday are listed in every jurisdiction.
/// </remarks>
internal static class BankHolidayRules
{
    /// <summary>The first year the library supports: the first full year of the 1971 Act.</summary>
    internal const int FirstYear = 1971;

    /// <summary>The last year the library supports.</summary>
    internal const int LastYear = 2100;

    /// <summary>The last year the embedded GOV.UK feed covers; rule-computed days after it are <see cref="BankHolidaySource.Projected"/>.</summary>
    internal const int LastPublishedYear = 2028;

    /// <summary>First year New Year's Day was appointed a bank holiday outside Scotland (proclamation from 1974).</summary>
    internal const int NewYearFromYear = 1974;

    /// <summary>First year of the Early May (first Monday in May) bank holiday outside Scotland (proclamation from 1978).</summary>
    internal const int EarlyMayFromYear = 1978;

    /// <summary>First year Boxing Day was appointed a bank holiday in Scotland (proclamation from 1974).</summary>
    internal const int ScottishBoxingDayFromYear = 1974;

    /// <summary>First year of the Spring bank holiday (last Monday in May) in Scotland (proclamation from 1978).</summary>
    internal const int ScottishSpringFromYear = 1978;

    /// <summary>First year of St Andrew's Day as a bank holiday (St Andrew's Day Bank Holiday (Scotland) Act 2007).</summary>
    internal const int StAndrewsDayFromYear = 2007;

    /// <summary>Computes the days taken off in <paramref name="year"/>, in date order.</summary>
    /// <param name="year">A year in <see cref="FirstYear"/>..<see cref="LastYear"/>.</param>
    /// <param name="jurisdiction">The part of the UK.</param>
    /// <param name="includeOneOffs">Whether to apply the one-off proclamations in <see cref="OneOffProclamations"/>.</param>
    internal static List<BankHoliday> Compute(int year, UkJurisdiction jurisdiction, bool includeOneOffs)
    {
        var days = new List<BankHoliday>(14);
        bool projected = year > LastPublishedYear;

        void Add(LocalDate date, string name, BankHolidaySource source, bool substitute = false) =>
            days.Add(new BankHoliday(
                date,
                substitute ? name + BankHoliday.SubstituteSuffix : name,
                projected ? BankHolidaySource.Projected : source,
                substitute));

        bool scotland = jurisdiction == UkJurisdiction.Scotland;
        bool northernIreland = jurisdiction == UkJurisdiction.NorthernIreland;

        // New Year.
        var newYear = new LocalDate(year, 1, 1);
        if (scotland)
        {
            // Schedule 1: New Year's Day and 2 January, each "if it be a Sunday, 3rd January";
            // proclamations give a Monday or Tuesday for a Saturday.
            switch (newYear.DayOfWeek)
            {
                case IsoDayOfWeek.Friday:
                    Add(newYear, HolidayNames.NewYearsDay, BankHolidaySource.Statute);
                    Add(newYear.PlusDays(3), HolidayNames.SecondJanuary, BankHolidaySource.ProclamationPractice, substitute: true);
                    break;
                case IsoDayOfWeek.Saturday:
                    Add(newYear.PlusDays(2), HolidayNames.NewYearsDay, BankHolidaySource.Statute, substitute: true);
                    Add(newYear.PlusDays(3), HolidayNames.SecondJanuary, BankHolidaySource.ProclamationPractice, substitute: true);
                    break;
                case IsoDayOfWeek.Sunday:
                    // Both days are Schedule 1 days (2 January, and 3 January for a Sunday New Year's Day). GOV.UK names
                    // them "New Year's Day" and "2nd January", both substitutes, from 2023 (it named them the other
                    // way round in 2012 and 2017); the rules use the current naming for every year.
                    Add(newYear.PlusDays(1), HolidayNames.NewYearsDay, BankHolidaySource.Statute, substitute: true);
                    Add(newYear.PlusDays(2), HolidayNames.SecondJanuary, BankHolidaySource.Statute, substitute: true);
                    break;
                default:
                    Add(newYear, HolidayNames.NewYearsDay, BankHolidaySource.Statute);
                    Add(newYear.PlusDays(1), HolidayNames.SecondJanuary, BankHolidaySource.Statute);
                    break;
            }
        }
        else if (year >= NewYearFromYear)
        {
            AddWithMondaySubstitute(newYear, HolidayNames.NewYearsDay, BankHolidaySource.ProclamationPractice, BankHolidaySource.ProclamationPractice);
        }

        // St Patrick's Day: Schedule 1 (Northern Ireland) gives 18 March for a Sunday; proclamations give the Monday for a Saturday.
        if (northernIreland)
        {
            AddWithMondaySubstitute(new LocalDate(year, 3, 17), HolidayNames.StPatricksDay, BankHolidaySource.Statute, BankHolidaySource.ProclamationPractice);
        }

        // Easter.
        LocalDate easterSunday = Easter.Sunday(year);
        Add(easterSunday.PlusDays(-2), HolidayNames.GoodFriday, scotland ? BankHolidaySource.Statute : BankHolidaySource.CommonLaw);
        if (!scotland)
        {
            Add(easterSunday.PlusDays(1), HolidayNames.EasterMonday, BankHolidaySource.Statute);
        }

        // Early May: Schedule 1 in Scotland; by proclamation elsewhere from 1978.
        if (scotland || year >= EarlyMayFromYear)
        {
            Add(FirstMonday(year, 5), HolidayNames.EarlyMay, scotland ? BankHolidaySource.Statute : BankHolidaySource.ProclamationPractice);
        }

        // Spring: last Monday in May. Schedule 1 in England and Wales and Northern Ireland; by proclamation in Scotland from 1978.
        if (!scotland || year >= ScottishSpringFromYear)
        {
            Add(LastMonday(year, 5), HolidayNames.Spring, scotland ? BankHolidaySource.ProclamationPractice : BankHolidaySource.Statute);
        }

        // Battle of the Boyne: by proclamation every year, the Monday after when 12 July falls at a weekend.
        if (northernIreland)
        {
            AddWithMondaySubstitute(new LocalDate(year, 7, 12), HolidayNames.BattleOfTheBoyne, BankHolidaySource.ProclamationPractice, BankHolidaySource.ProclamationPractice);
        }

        // Summer: first Monday in August in Scotland, last Monday in August elsewhere; Schedule 1 in both.
        Add(scotland ? FirstMonday(year, 8) : LastMonday(year, 8), HolidayNames.Summer, BankHolidaySource.Statute);

        // St Andrew's Day: 2007 Act, "if it is a Saturday or Sunday, the following Monday".
        if (scotland && year >= StAndrewsDayFromYear)
        {
            AddWithMondaySubstitute(new LocalDate(year, 11, 30), HolidayNames.StAndrewsDay, BankHolidaySource.Statute, BankHolidaySource.Statute);
        }

        AddChristmas(year, scotland, Add);

        if (includeOneOffs)
        {
            OneOffProclamations.Apply(year, jurisdiction, days, projected);
        }

        days.Sort(static (x, y) => x.Date.CompareTo(y.Date));
        return days;

        void AddWithMondaySubstitute(LocalDate date, string name, BankHolidaySource source, BankHolidaySource substituteSource)
        {
            switch (date.DayOfWeek)
            {
                case IsoDayOfWeek.Saturday:
                    Add(date.PlusDays(2), name, substituteSource, substitute: true);
                    break;
                case IsoDayOfWeek.Sunday:
                    Add(date.PlusDays(1), name, source, substitute: true);
                    break;
                default:
                    Add(date, name, source);
                    break;
            }
        }
    }

    private static void AddChristmas(int year, bool scotland, Action<LocalDate, string, BankHolidaySource, bool> add)
    {
        var christmas = new LocalDate(year, 12, 25);
        BankHolidaySource christmasSource = scotland ? BankHolidaySource.Statute : BankHolidaySource.CommonLaw;
        bool boxingDay = !scotland || year >= ScottishBoxingDayFromYear;
        BankHolidaySource boxingSource = scotland ? BankHolidaySource.ProclamationPractice : BankHolidaySource.Statute;

        if (!boxingDay)
        {
            // Scotland before 1974: Christmas Day only; Schedule 1 gives 26 December for a Sunday.
            switch (christmas.DayOfWeek)
            {
                case IsoDayOfWeek.Saturday:
                    add(christmas.PlusDays(2), HolidayNames.ChristmasDay, BankHolidaySource.ProclamationPractice, true);
                    break;
                case IsoDayOfWeek.Sunday:
                    add(christmas.PlusDays(1), HolidayNames.ChristmasDay, BankHolidaySource.Statute, true);
                    break;
                default:
                    add(christmas, HolidayNames.ChristmasDay, christmasSource, false);
                    break;
            }

            return;
        }

        switch (christmas.DayOfWeek)
        {
            case IsoDayOfWeek.Friday:
                // 26th is a Saturday: Monday 28th by proclamation.
                add(christmas, HolidayNames.ChristmasDay, christmasSource, false);
                add(christmas.PlusDays(3), HolidayNames.BoxingDay, BankHolidaySource.ProclamationPractice, true);
                break;
            case IsoDayOfWeek.Saturday:
                // 26th is a Sunday: the Schedule gives 27th; proclamation gives 28th. GOV.UK names 27th for Christmas Day.
                add(christmas.PlusDays(2), HolidayNames.ChristmasDay, BankHolidaySource.Statute, true);
                add(christmas.PlusDays(3), HolidayNames.BoxingDay, BankHolidaySource.ProclamationPractice, true);
                break;
            case IsoDayOfWeek.Sunday:
                // 25th is a Sunday: Boxing Day on Monday 26th, and the Schedule gives Tuesday 27th.
                add(christmas.PlusDays(1), HolidayNames.BoxingDay, boxingSource, false);
                add(christmas.PlusDays(2), HolidayNames.ChristmasDay, BankHolidaySource.Statute, true);
                break;
            default:
                add(christmas, HolidayNames.ChristmasDay, christmasSource, false);
                add(christmas.PlusDays(1), HolidayNames.BoxingDay, boxingSource, false);
                break;
        }
    }

    internal static LocalDate FirstMonday(int year, int month) =>
        new LocalDate(year, month, 1).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Monday));

    internal static LocalDate LastMonday(int year, int month) =>
        new LocalDate(year, month, 1).With(DateAdjusters.EndOfMonth).With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
}
