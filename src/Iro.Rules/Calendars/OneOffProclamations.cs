using System;
using System.Collections.Generic;
using NodaTime;

namespace Iro.Rules.Calendars;

/// <summary>
/// The one-off royal proclamations since 1971 that moved a bank holiday or added an extra one (Banking and Financial
/// Dealings Act 1971 s1(2) and s1(3)).
/// </summary>
/// <remarks>Rule CAL-2. Each entry is listed, with its basis, in the library's README and CHANGELOG.</remarks>
internal static class OneOffProclamations
{
    private const Parts All = Parts.EnglandAndWales | Parts.Scotland | Parts.NorthernIreland;

    /// <summary>Every one-off, in date order.</summary>
    internal static IReadOnlyList<OneOff> Entries { get; } =
    [
        // Silver Jubilee: Spring bank holiday moved from Monday 30 May to Monday 6 June, and Tuesday 7 June added, in
        // England and Wales and Northern Ireland (Hansard, 19 January 1977). Scotland had no Spring bank holiday before
        // 1978 and its jubilee holiday was fixed locally, so the rules add nothing there.
        OneOff.Move(new LocalDate(1977, 5, 30), new LocalDate(1977, 6, 6), HolidayNames.Spring, Parts.EnglandAndWales | Parts.NorthernIreland),
        OneOff.Extra(new LocalDate(1977, 6, 7), "Silver Jubilee bank holiday", Parts.EnglandAndWales | Parts.NorthernIreland),

        // Wedding of the Prince of Wales and Lady Diana Spencer.
        OneOff.Extra(new LocalDate(1981, 7, 29), "Royal wedding bank holiday", All),

        // 50th anniversary of VE Day: Early May bank holiday moved from Monday 1 May to Monday 8 May.
        OneOff.Move(new LocalDate(1995, 5, 1), new LocalDate(1995, 5, 8), "Early May bank holiday (VE day)", All),

        // Millennium.
        OneOff.Extra(new LocalDate(1999, 12, 31), "Millennium bank holiday", All),

        // Golden Jubilee: Spring bank holiday moved from Monday 27 May to Tuesday 4 June, and Monday 3 June added.
        OneOff.Extra(new LocalDate(2002, 6, 3), "Golden Jubilee bank holiday", All),
        OneOff.Move(new LocalDate(2002, 5, 27), new LocalDate(2002, 6, 4), HolidayNames.Spring, All),

        // Wedding of Prince William and Catherine Middleton.
        OneOff.Extra(new LocalDate(2011, 4, 29), "Royal wedding bank holiday", All),

        // Diamond Jubilee: Spring bank holiday moved from Monday 28 May to Monday 4 June, and Tuesday 5 June added.
        OneOff.Move(new LocalDate(2012, 5, 28), new LocalDate(2012, 6, 4), HolidayNames.Spring, All),
        OneOff.Extra(new LocalDate(2012, 6, 5), "Queen\u2019s Diamond Jubilee", All),

        // 75th anniversary of VE Day: Early May bank holiday moved from Monday 4 May to Friday 8 May.
        OneOff.Move(new LocalDate(2020, 5, 4), new LocalDate(2020, 5, 8), "Early May bank holiday (VE day)", All),

        // Platinum Jubilee: Spring bank holiday moved from Monday 30 May to Thursday 2 June, and Friday 3 June added.
        OneOff.Move(new LocalDate(2022, 5, 30), new LocalDate(2022, 6, 2), HolidayNames.Spring, All),
        OneOff.Extra(new LocalDate(2022, 6, 3), "Platinum Jubilee bank holiday", All),

        // State funeral of Queen Elizabeth II.
        OneOff.Extra(new LocalDate(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II", All),

        // Coronation of King Charles III.
        OneOff.Extra(new LocalDate(2023, 5, 8), "Bank holiday for the coronation of King Charles III", All),

        // Scotland only: FIFA World Cup bank holiday, proclaimed February 2026.
        OneOff.Extra(new LocalDate(2026, 6, 15), "World Cup bank holiday", Parts.Scotland),
    ];

    /// <summary>Applies the year's one-offs for <paramref name="jurisdiction"/> to <paramref name="days"/>.</summary>
    internal static void Apply(int year, UkJurisdiction jurisdiction, List<BankHoliday> days, bool projected)
    {
        Parts part = ToPart(jurisdiction);
        foreach (OneOff oneOff in Entries)
        {
            if (oneOff.Date.Year != year || (oneOff.AppliesTo & part) == 0)
            {
                continue;
            }

            if (oneOff.Replaces is LocalDate replaced)
            {
                int removed = days.RemoveAll(d => d.Date == replaced);
                if (removed != 1)
                {
                    throw new InvalidOperationException($"One-off proclamation table error: {replaced} is not a {jurisdiction} bank holiday by rule.");
                }
            }

            days.Add(new BankHoliday(oneOff.Date, oneOff.Name, projected ? BankHolidaySource.Projected : BankHolidaySource.OneOffProclamation));
        }
    }

    /// <summary>The dates a jurisdiction's one-offs touch in a year: each added day and each normal day it replaced.</summary>
    internal static IEnumerable<LocalDate> DatesTouched(int year, UkJurisdiction jurisdiction)
    {
        Parts part = ToPart(jurisdiction);
        foreach (OneOff oneOff in Entries)
        {
            if (oneOff.Date.Year == year && (oneOff.AppliesTo & part) != 0)
            {
                yield return oneOff.Date;
                if (oneOff.Replaces is LocalDate replaced)
                {
                    yield return replaced;
                }
            }
        }
    }

    private static Parts ToPart(UkJurisdiction jurisdiction) => jurisdiction switch
    {
        UkJurisdiction.EnglandAndWales => Parts.EnglandAndWales,
        UkJurisdiction.Scotland => Parts.Scotland,
        UkJurisdiction.NorthernIreland => Parts.NorthernIreland,
        _ => throw new ArgumentOutOfRangeException(nameof(jurisdiction), jurisdiction, null),
    };

    [Flags]
    internal enum Parts
    {
        None = 0,
        EnglandAndWales = 1,
        Scotland = 2,
        NorthernIreland = 4,
    }

    /// <summary>One proclamation: an extra day, or a normal day moved to another date.</summary>
    internal sealed record OneOff(LocalDate Date, string Name, Parts AppliesTo, LocalDate? Replaces)
    {
        internal static OneOff Extra(LocalDate date, string name, Parts parts) => new(date, name, parts, null);

        internal static OneOff Move(LocalDate from, LocalDate to, string name, Parts parts) => new(to, name, parts, from);
    }
}
