using FsCheck;
using FsCheck.Fluent;
using Iro.Rules.Calendars;

namespace Iro.Rules.Tests.Calendars;

/// <summary>A date anywhere in the supported range 1971-2100.</summary>
public readonly record struct AnySupportedDate(LocalDate Value);

/// <summary>A date in 1975-2096, far enough from the range's ends that a count of up to ±1000 working days stays inside it.</summary>
public readonly record struct MidRangeDate(LocalDate Value);

/// <summary>A working-day count in -1000..1000.</summary>
public readonly record struct WorkingDayCount(int Value);

/// <summary>FsCheck generators for the calendar properties.</summary>
public static class CalendarArbitraries
{
    private static readonly int RangeDays = Period.DaysBetween(BankHolidayCalendar.MinDate, BankHolidayCalendar.MaxDate);

    public static Arbitrary<AnySupportedDate> AnySupportedDate() =>
        Gen.Choose(0, RangeDays).Select(i => new AnySupportedDate(BankHolidayCalendar.MinDate.PlusDays(i))).ToArbitrary();

    public static Arbitrary<MidRangeDate> MidRangeDate() =>
        Gen.Choose(0, Period.DaysBetween(new LocalDate(1975, 1, 1), new LocalDate(2096, 12, 31)))
            .Select(i => new MidRangeDate(new LocalDate(1975, 1, 1).PlusDays(i)))
            .ToArbitrary();

    public static Arbitrary<WorkingDayCount> WorkingDayCount() =>
        Gen.Frequency(
                (3, Gen.Choose(-30, 30)),
                (2, Gen.Choose(-300, 300)),
                (1, Gen.Choose(-1000, 1000)))
            .Select(n => new WorkingDayCount(n))
            .ToArbitrary();

    public static Arbitrary<UkJurisdiction> Jurisdiction() =>
        Gen.Elements(UkJurisdiction.EnglandAndWales, UkJurisdiction.Scotland, UkJurisdiction.NorthernIreland).ToArbitrary();
}
