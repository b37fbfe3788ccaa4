using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Calendars;

namespace Iro.Rules.Tests.Calendars;

/// <summary>CAL-2 invariants of the built-in calendars for any year 1971-2100.</summary>
public class BankHolidayCalendarProperties
{
    public static class Years
    {
        public static Arbitrary<int> Year() => Gen.Choose(BankHolidayCalendar.MinYear, BankHolidayCalendar.MaxYear).ToArbitrary();

        public static Arbitrary<UkJurisdiction> Jurisdiction() => CalendarArbitraries.Jurisdiction();
    }

    [Property(Arbitrary = new[] { typeof(Years) }, MaxTest = 200)]
    public bool InYear_EasterDays_AreAFridayAndAMonday_InMarchOrApril(UkJurisdiction j, int year)
    {
        var days = BankHolidayCalendar.For(j).InYear(year);
        var goodFriday = days.Single(d => d.Name == "Good Friday").Date;
        var easterMonday = days.SingleOrDefault(d => d.Name == "Easter Monday")?.Date;
        return goodFriday.DayOfWeek == IsoDayOfWeek.Friday
            && goodFriday.Month is 3 or 4
            && (j == UkJurisdiction.Scotland ? easterMonday is null : easterMonday == goodFriday.PlusDays(3));
    }

    [Property(Arbitrary = new[] { typeof(Years) }, MaxTest = 200)]
    public bool InYear_HasTwoWeekdaysOffAtChristmas_AfterTheFirstYearsInScotland(UkJurisdiction j, int year)
    {
        int christmas = BankHolidayCalendar.For(j).InYear(year).Count(d => d.Date.Month == 12 && d.Date.Day is >= 25 and <= 28); // 31 Dec 1999 was an extra day
        return christmas == (j == UkJurisdiction.Scotland && year < 1974 ? 1 : 2);
    }

    [Property(Arbitrary = new[] { typeof(Years) }, MaxTest = 200)]
    public bool FromRules_AgreesWithBuiltIn_OutsideTheFeedYears(UkJurisdiction j, int year) =>
        year is >= 2012 and <= 2028
        || BankHolidayCalendar.FromRules(j).InYear(year).Select(d => (d.Date, d.Name)).SequenceEqual(BankHolidayCalendar.For(j).InYear(year).Select(d => (d.Date, d.Name)));
}

/// <summary>Known Easter Sundays (Gregorian), written out by hand.</summary>
public class EasterTests
{
    [Theory]
    [InlineData(1971, 4, 11)]
    [InlineData(1981, 4, 19)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)] // earliest in a century
    [InlineData(2011, 4, 24)]
    [InlineData(2027, 3, 28)]
    [InlineData(2035, 3, 25)]
    [InlineData(2038, 4, 25)] // latest possible
    [InlineData(2049, 4, 18)]
    [InlineData(2057, 4, 22)]
    [InlineData(2095, 4, 24)]
    [InlineData(2100, 3, 28)]
    public void Sunday_MatchesPublishedDates(int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), Easter.Sunday(year));
}
