using Iro.Rules.Calendars;

namespace Iro.Rules.Tests.Calendars;

/// <summary>CAL-2: every one-off proclamation since 1971, and the normal day it displaced.</summary>
public partial class BankHolidayCalendarTests
{
    public static readonly TheoryData<UkJurisdiction, string, string?> Moves = new()
    {
        // (jurisdiction, moved-to date, displaced normal date or null for an extra day)
        { UkJurisdiction.EnglandAndWales, "1977-06-06", "1977-05-30" },
        { UkJurisdiction.NorthernIreland, "1977-06-06", "1977-05-30" },
        { UkJurisdiction.EnglandAndWales, "1977-06-07", null },
        { UkJurisdiction.EnglandAndWales, "1981-07-29", null },
        { UkJurisdiction.Scotland, "1981-07-29", null },
        { UkJurisdiction.EnglandAndWales, "1995-05-08", "1995-05-01" },
        { UkJurisdiction.Scotland, "1995-05-08", "1995-05-01" },
        { UkJurisdiction.NorthernIreland, "1995-05-08", "1995-05-01" },
        { UkJurisdiction.EnglandAndWales, "1999-12-31", null },
        { UkJurisdiction.Scotland, "1999-12-31", null },
        { UkJurisdiction.NorthernIreland, "1999-12-31", null },
        { UkJurisdiction.EnglandAndWales, "2002-06-03", null },
        { UkJurisdiction.EnglandAndWales, "2002-06-04", "2002-05-27" },
        { UkJurisdiction.Scotland, "2002-06-04", "2002-05-27" },
        { UkJurisdiction.NorthernIreland, "2002-06-04", "2002-05-27" },
        { UkJurisdiction.EnglandAndWales, "2011-04-29", null },
        { UkJurisdiction.Scotland, "2011-04-29", null },
        { UkJurisdiction.EnglandAndWales, "2012-06-04", "2012-05-28" },
        { UkJurisdiction.EnglandAndWales, "2012-06-05", null },
        { UkJurisdiction.EnglandAndWales, "2020-05-08", "2020-05-04" },
        { UkJurisdiction.Scotland, "2020-05-08", "2020-05-04" },
        { UkJurisdiction.EnglandAndWales, "2022-06-02", "2022-05-30" },
        { UkJurisdiction.NorthernIreland, "2022-06-02", "2022-05-30" },
        { UkJurisdiction.EnglandAndWales, "2022-06-03", null },
        { UkJurisdiction.EnglandAndWales, "2022-09-19", null },
        { UkJurisdiction.NorthernIreland, "2022-09-19", null },
        { UkJurisdiction.EnglandAndWales, "2023-05-08", null },
        { UkJurisdiction.Scotland, "2023-05-08", null },
        { UkJurisdiction.Scotland, "2026-06-15", null },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void OneOff_IsAHoliday_AndTheDisplacedNormalDayIsNot(UkJurisdiction j, string date, string? displaced)
    {
        var calendar = BankHolidayCalendar.For(j);
        Assert.True(calendar.IsBankHoliday(Dates.Parse(date)), $"{j} {date} should be a bank holiday");
        if (displaced is not null)
        {
            Assert.False(calendar.IsBankHoliday(Dates.Parse(displaced)), $"{j} {displaced} should not be a bank holiday (moved to {date})");
        }
    }

    [Fact]
    public void WorldCup2026_IsScotlandOnly()
    {
        var day = new LocalDate(2026, 6, 15);
        Assert.Equal("World Cup bank holiday", BankHolidayCalendar.Scotland.Find(day)!.Name);
        Assert.False(BankHolidayCalendar.EnglandAndWales.IsBankHoliday(day));
        Assert.False(BankHolidayCalendar.NorthernIreland.IsBankHoliday(day));
        Assert.True(BankHolidayCalendar.FromRules(UkJurisdiction.Scotland).IsBankHoliday(day));
    }

    [Fact]
    public void SilverJubilee1977_NotInScotland_WhichHadNoSpringHolidayBefore1978()
    {
        Assert.False(BankHolidayCalendar.Scotland.IsBankHoliday(new LocalDate(1977, 6, 7)));
        Assert.False(BankHolidayCalendar.Scotland.IsBankHoliday(new LocalDate(1977, 5, 30)));
        Assert.True(BankHolidayCalendar.Scotland.IsBankHoliday(new LocalDate(1978, 5, 29)));
        Assert.True(BankHolidayCalendar.Scotland.IsBankHoliday(new LocalDate(1977, 5, 2))); // first Monday in May: Schedule 1 since 1971
    }

    [Theory]
    [InlineData(1973, false)]
    [InlineData(1974, true)]
    public void NewYearsDay_EnglandAndWales_From1974(int year, bool expected)
    {
        // 1 January 1973 was a Monday, 1974 a Tuesday.
        Assert.Equal(expected, BankHolidayCalendar.EnglandAndWales.IsBankHoliday(new LocalDate(year, 1, 1)));
        Assert.Equal(expected, BankHolidayCalendar.NorthernIreland.IsBankHoliday(new LocalDate(year, 1, 1)));
        Assert.True(BankHolidayCalendar.Scotland.IsBankHoliday(new LocalDate(year, 1, 1)));
    }

    [Theory]
    [InlineData("1977-05-02", false)]
    [InlineData("1978-05-01", true)]
    public void EarlyMay_EnglandAndWales_From1978(string date, bool expected) =>
        Assert.Equal(expected, BankHolidayCalendar.EnglandAndWales.IsBankHoliday(Dates.Parse(date)));

    [Theory]
    [InlineData("1973-12-26", false)] // Wednesday
    [InlineData("1974-12-26", true)] // Thursday
    public void BoxingDay_Scotland_From1974(string date, bool expected)
    {
        Assert.Equal(expected, BankHolidayCalendar.Scotland.IsBankHoliday(Dates.Parse(date)));
        Assert.True(BankHolidayCalendar.EnglandAndWales.IsBankHoliday(Dates.Parse(date)));
    }

    [Fact]
    public void Millennium_NoExtraDayInJanuary2000_OnlyTheUsualSubstitutes()
    {
        Assert.Equal(new[] { "2000-01-03" }, Days(UkJurisdiction.EnglandAndWales, 2000).Where(d => d.StartsWith("2000-01", StringComparison.Ordinal)).ToArray());
        Assert.Equal(new[] { "2000-01-03", "2000-01-04" }, Days(UkJurisdiction.Scotland, 2000).Where(d => d.StartsWith("2000-01", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public void InYear_Counts_ForSampleYears()
    {
        Assert.Equal(8, BankHolidayCalendar.EnglandAndWales.InYear(2019).Count);
        Assert.Equal(10, BankHolidayCalendar.EnglandAndWales.InYear(2022).Count); // + Platinum Jubilee, state funeral
        Assert.Equal(9, BankHolidayCalendar.EnglandAndWales.InYear(2023).Count); // + coronation
        Assert.Equal(10, BankHolidayCalendar.Scotland.InYear(2026).Count); // 9 + World Cup
        Assert.Equal(6, BankHolidayCalendar.EnglandAndWales.InYear(1971).Count); // no New Year's Day, no Early May
    }
}
