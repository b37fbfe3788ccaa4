using Iro.Rules.Calendars;

namespace Iro.Rules.Tests.Calendars;

/// <summary>CAL-2 examples: the built-in calendars, year by year, against dates written out by hand from GOV.UK, the Act and the proclamations.</summary>
public partial class BankHolidayCalendarTests
{
    private static string[] Days(UkJurisdiction j, int year) =>
        BankHolidayCalendar.For(j).InYear(year).Select(h => h.Date.ToString("uuuu-MM-dd", null)).ToArray();

    private static string[] Names(UkJurisdiction j, int year) =>
        BankHolidayCalendar.For(j).InYear(year).Select(h => h.Name).ToArray();

    [Fact]
    public void InYear_EnglandAndWales2025_ListsTheEightDaysInOrder()
    {
        Assert.Equal(
            new[] { "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26" },
            Days(UkJurisdiction.EnglandAndWales, 2025));
        Assert.Equal(
            new[] { "New Year’s Day", "Good Friday", "Easter Monday", "Early May bank holiday", "Spring bank holiday", "Summer bank holiday", "Christmas Day", "Boxing Day" },
            Names(UkJurisdiction.EnglandAndWales, 2025));
    }

    [Fact]
    public void InYear_Scotland2025_HasSecondJanuaryFirstMondayInAugustAndStAndrewsSubstitute_NoEasterMonday()
    {
        Assert.Equal(
            new[] { "2025-01-01", "2025-01-02", "2025-04-18", "2025-05-05", "2025-05-26", "2025-08-04", "2025-12-01", "2025-12-25", "2025-12-26" },
            Days(UkJurisdiction.Scotland, 2025));
        Assert.Equal("St Andrew’s Day (substitute day)", BankHolidayCalendar.Scotland.Find(new LocalDate(2025, 12, 1))!.Name);
    }

    [Fact]
    public void InYear_NorthernIreland2025_HasStPatricksAndBoyne()
    {
        Assert.Equal(
            new[] { "2025-01-01", "2025-03-17", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-07-14", "2025-08-25", "2025-12-25", "2025-12-26" },
            Days(UkJurisdiction.NorthernIreland, 2025));
    }

    // CAL-2 worked examples: the Christmas period in England and Wales.
    [Theory]
    [InlineData(2025, new[] { "2025-12-25", "2025-12-26" })] // Thu, Fri
    [InlineData(2026, new[] { "2026-12-25", "2026-12-28" })] // Fri; Sat 26th -> Mon 28th by proclamation
    [InlineData(2027, new[] { "2027-12-27", "2027-12-28" })] // Sat, Sun -> Mon 27 (Schedule), Tue 28 (proclamation)
    public void InYear_ChristmasPeriod_MatchesRulesWorkedExamples(int year, string[] expected) =>
        Assert.Equal(expected, Days(UkJurisdiction.EnglandAndWales, year).Where(d => d.EndsWith("-12-25") || d.EndsWith("-12-26") || d.EndsWith("-12-27") || d.EndsWith("-12-28")).ToArray());

    [Fact]
    public void InYear_2022NewYearOnSaturday_MondayThirdIsTheHoliday()
    {
        var ew = BankHolidayCalendar.EnglandAndWales;
        Assert.False(ew.IsBankHoliday(new LocalDate(2022, 1, 1)));
        Assert.True(ew.IsBankHoliday(new LocalDate(2022, 1, 3)));
        Assert.Equal("New Year’s Day (substitute day)", ew.Find(new LocalDate(2022, 1, 3))!.Name);
    }

    // Every Christmas / Boxing Day pattern: 25 December on each day of the week, in every jurisdiction.
    // Years 2029-2039 are projected by rule; 2018-2027 come from the GOV.UK feed.
    [Theory]
    [InlineData(2023, "2023-12-25", "2023-12-26", "Christmas Day", "Boxing Day")] // Monday
    [InlineData(2029, "2029-12-25", "2029-12-26", "Christmas Day", "Boxing Day")] // Tuesday
    [InlineData(2030, "2030-12-25", "2030-12-26", "Christmas Day", "Boxing Day")] // Wednesday
    [InlineData(2025, "2025-12-25", "2025-12-26", "Christmas Day", "Boxing Day")] // Thursday
    [InlineData(2026, "2026-12-25", "2026-12-28", "Christmas Day", "Boxing Day (substitute day)")] // Friday
    [InlineData(2021, "2021-12-27", "2021-12-28", "Christmas Day (substitute day)", "Boxing Day (substitute day)")] // Saturday
    [InlineData(2032, "2032-12-27", "2032-12-28", "Christmas Day (substitute day)", "Boxing Day (substitute day)")] // Saturday, projected
    [InlineData(2022, "2022-12-26", "2022-12-27", "Boxing Day", "Christmas Day (substitute day)")] // Sunday
    [InlineData(2033, "2033-12-26", "2033-12-27", "Boxing Day", "Christmas Day (substitute day)")] // Sunday, projected
    public void InYear_ChristmasOnEachWeekday_GivesTheTwoWeekdaysOff_InEveryJurisdiction(int year, string first, string second, string firstName, string secondName)
    {
        foreach (UkJurisdiction j in Enum.GetValues<UkJurisdiction>())
        {
            var december = BankHolidayCalendar.For(j).InYear(year).Where(h => h.Date.Month == 12 && h.Date.Day >= 24).ToList();
            Assert.Equal(new[] { first, second }, december.Select(h => h.Date.ToString("uuuu-MM-dd", null)));
            Assert.Equal(new[] { firstName, secondName }, december.Select(h => h.Name));
        }
    }

    // Every Scottish New Year pattern: 1 January on each day of the week.
    [Theory]
    [InlineData(2024, "2024-01-01", "2024-01-02", "New Year’s Day", "2nd January")] // Monday
    [InlineData(2030, "2030-01-01", "2030-01-02", "New Year’s Day", "2nd January")] // Tuesday, projected
    [InlineData(2025, "2025-01-01", "2025-01-02", "New Year’s Day", "2nd January")] // Wednesday
    [InlineData(2026, "2026-01-01", "2026-01-02", "New Year’s Day", "2nd January")] // Thursday
    [InlineData(2027, "2027-01-01", "2027-01-04", "New Year’s Day", "2nd January (substitute day)")] // Friday: 2nd is Saturday
    [InlineData(2021, "2021-01-01", "2021-01-04", "New Year’s Day", "2nd January (substitute day)")] // Friday
    [InlineData(2022, "2022-01-03", "2022-01-04", "New Year’s Day (substitute day)", "2nd January (substitute day)")] // Saturday
    [InlineData(2033, "2033-01-03", "2033-01-04", "New Year’s Day (substitute day)", "2nd January (substitute day)")] // Saturday, projected
    [InlineData(2023, "2023-01-02", "2023-01-03", "New Year’s Day (substitute day)", "2nd January (substitute day)")] // Sunday
    [InlineData(2034, "2034-01-02", "2034-01-03", "New Year’s Day (substitute day)", "2nd January (substitute day)")] // Sunday, projected
    public void InYear_ScottishNewYear_OnEachWeekday(int year, string first, string second, string firstName, string secondName)
    {
        var january = BankHolidayCalendar.Scotland.InYear(year).Where(h => h.Date.Month == 1).ToList();
        Assert.Equal(new[] { first, second }, january.Select(h => h.Date.ToString("uuuu-MM-dd", null)));
        Assert.Equal(new[] { firstName, secondName }, january.Select(h => h.Name));
    }

    [Theory]
    [InlineData(2027, "2027-01-01")] // Friday
    [InlineData(2028, "2028-01-03")] // Saturday -> Monday 3rd
    [InlineData(2023, "2023-01-02")] // Sunday -> Monday 2nd
    [InlineData(2034, "2034-01-02")] // Sunday, projected
    public void InYear_NewYearOutsideScotland_IsOneDayWithMondaySubstitute(int year, string expected)
    {
        foreach (var j in new[] { UkJurisdiction.EnglandAndWales, UkJurisdiction.NorthernIreland })
        {
            Assert.Equal(new[] { expected }, Days(j, year).Where(d => d.Contains("-01-")).ToArray());
        }
    }

    [Theory]
    [InlineData(2006, null)] // Thursday: before the 2007 Act
    [InlineData(2007, "2007-11-30")] // Friday: the first St Andrew's Day bank holiday
    [InlineData(2008, "2008-12-01")] // Sunday -> Monday
    [InlineData(2013, "2013-12-02")] // Saturday -> Monday
    [InlineData(2025, "2025-12-01")] // Sunday -> Monday
    [InlineData(2026, "2026-11-30")] // Monday
    [InlineData(2030, "2030-12-02")] // Saturday -> Monday, projected
    public void StAndrewsDay_From2007_WithMondaySubstitute(int year, string? expected)
    {
        var days = BankHolidayCalendar.Scotland.InYear(year).Where(h => h.Name.StartsWith("St Andrew", StringComparison.Ordinal)).Select(h => h.Date.ToString("uuuu-MM-dd", null));
        Assert.Equal(expected is null ? Array.Empty<string>() : new[] { expected }, days);
        Assert.False(BankHolidayCalendar.EnglandAndWales.IsBankHoliday(new LocalDate(year, 11, 30)));
    }

    [Fact]
    public void StAndrewsDay_2006_IsNotAHoliday_2007_Is()
    {
        Assert.False(BankHolidayCalendar.Scotland.IsBankHoliday(new LocalDate(2006, 11, 30)));
        Assert.True(BankHolidayCalendar.Scotland.IsBankHoliday(new LocalDate(2007, 11, 30)));
    }

    [Theory]
    [InlineData(2013, "2013-03-18")] // Sunday -> 18 March (Schedule 1)
    [InlineData(2018, "2018-03-19")] // Saturday -> Monday 19 March (proclamation)
    [InlineData(2024, "2024-03-18")] // Sunday
    [InlineData(2025, "2025-03-17")] // Monday
    [InlineData(2029, "2029-03-19")] // Saturday, projected
    [InlineData(2030, "2030-03-18")] // Sunday, projected
    public void StPatricksDay_NorthernIreland_WeekendMovesToMonday(int year, string expected)
    {
        var day = BankHolidayCalendar.NorthernIreland.InYear(year).Single(h => h.Name.StartsWith("St Patrick", StringComparison.Ordinal));
        Assert.Equal(expected, day.Date.ToString("uuuu-MM-dd", null));
        Assert.Equal(day.Date.Day != 17, day.IsSubstitute);
        Assert.False(BankHolidayCalendar.EnglandAndWales.IsBankHoliday(new LocalDate(year, 3, 17)));
    }

    [Theory]
    [InlineData(2014, "2014-07-14")] // Saturday -> Monday 14th
    [InlineData(2015, "2015-07-13")] // Sunday -> Monday 13th
    [InlineData(2025, "2025-07-14")] // Saturday
    [InlineData(2026, "2026-07-13")] // Sunday
    [InlineData(2027, "2027-07-12")] // Monday
    [InlineData(2031, "2031-07-14")] // Saturday, projected
    [InlineData(2032, "2032-07-12")] // Monday, projected
    public void BattleOfTheBoyne_NorthernIreland_WeekendMovesToMonday(int year, string expected)
    {
        var day = BankHolidayCalendar.NorthernIreland.InYear(year).Single(h => h.Name.StartsWith("Battle of the Boyne", StringComparison.Ordinal));
        Assert.Equal(expected, day.Date.ToString("uuuu-MM-dd", null));
        Assert.False(BankHolidayCalendar.Scotland.IsBankHoliday(day.Date));
    }

    [Fact]
    public void InYear_ListsOnlyWeekdays_InDateOrder_ForEveryYearAndJurisdiction()
    {
        foreach (UkJurisdiction j in Enum.GetValues<UkJurisdiction>())
        {
            for (int year = BankHolidayCalendar.MinYear; year <= BankHolidayCalendar.MaxYear; year++)
            {
                var days = BankHolidayCalendar.For(j).InYear(year);
                Assert.All(days, d => Assert.True(d.Date.DayOfWeek < IsoDayOfWeek.Saturday, $"{j} {d} is at a weekend"));
                Assert.All(days, d => Assert.Equal(year, d.Date.Year));
                Assert.Equal(days.OrderBy(d => d.Date).Select(d => d.Date), days.Select(d => d.Date));
                Assert.Contains(days, d => d.Name.StartsWith("Good Friday", StringComparison.Ordinal));
                Assert.Contains(days, d => d.Name.StartsWith("Christmas Day", StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData(1990, UkJurisdiction.EnglandAndWales, BankHolidaySource.CommonLaw)] // Good Friday
    [InlineData(2025, UkJurisdiction.EnglandAndWales, BankHolidaySource.GovUkFeed)]
    [InlineData(2015, UkJurisdiction.Scotland, BankHolidaySource.GovUkFeed)]
    [InlineData(2029, UkJurisdiction.NorthernIreland, BankHolidaySource.Projected)]
    [InlineData(2100, UkJurisdiction.Scotland, BankHolidaySource.Projected)]
    public void Source_SaysWhereTheYearComesFrom(int year, UkJurisdiction j, BankHolidaySource expected)
    {
        var goodFriday = BankHolidayCalendar.For(j).InYear(year).Single(h => h.Name == "Good Friday");
        Assert.Equal(expected, goodFriday.Source);
    }

    [Fact]
    public void Source_Statute_ProclamationPractice_AndOneOff_AreDistinguishedBeforeTheFeed()
    {
        var ew = BankHolidayCalendar.EnglandAndWales;
        Assert.Equal(BankHolidaySource.Statute, ew.Find(new LocalDate(2005, 3, 28))!.Source); // Easter Monday
        Assert.Equal(BankHolidaySource.ProclamationPractice, ew.Find(new LocalDate(2005, 5, 2))!.Source); // Early May
        Assert.Equal(BankHolidaySource.OneOffProclamation, ew.Find(new LocalDate(2011, 4, 29))!.Source); // royal wedding
        Assert.Equal(BankHolidaySource.Statute, BankHolidayCalendar.Scotland.Find(new LocalDate(2010, 11, 30))!.Source); // St Andrew's Day
    }

    [Theory]
    [InlineData(1970)]
    [InlineData(2101)]
    [InlineData(int.MinValue)]
    public void InYear_OutOfRange_ThrowsNamingYearAndRange(int year)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BankHolidayCalendar.EnglandAndWales.InYear(year));
        Assert.Equal("year", e.ParamName);
        Assert.Contains("1971 to 2100", e.Message, StringComparison.Ordinal);
        Assert.Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsBankHoliday_OutOfRange_ThrowsNamingDateAndRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BankHolidayCalendar.Scotland.IsBankHoliday(new LocalDate(1970, 12, 31)));
        Assert.Equal("date", e.ParamName);
        Assert.Contains("1970-12-31", e.Message, StringComparison.Ordinal);
        Assert.Contains("1971-01-01 to 2100-12-31", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_UndefinedJurisdiction_ThrowsNamingParameterAndAllowedValues()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BankHolidayCalendar.For((UkJurisdiction)7));
        Assert.Equal("jurisdiction", e.ParamName);
        Assert.Contains("EnglandAndWales, Scotland, NorthernIreland", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyUkPart_IsTheUnion_AndNamesThePartsOfRegionalDays()
    {
        var any = BankHolidayCalendar.AnyUkPart;
        Assert.Equal("St Patrick’s Day (Northern Ireland)", any.Find(new LocalDate(2025, 3, 17))!.Name);
        Assert.Equal("2nd January (Scotland)", any.Find(new LocalDate(2025, 1, 2))!.Name);
        Assert.Equal("Easter Monday (England and Wales, Northern Ireland)", any.Find(new LocalDate(2025, 4, 21))!.Name);
        Assert.Equal("Good Friday", any.Find(new LocalDate(2025, 4, 18))!.Name);
        Assert.Equal(13, any.InYear(2025).Count); // 8 E&W + 2 Jan, 17 Mar, 14 Jul, 4 Aug, 1 Dec
    }

    [Fact]
    public void FromDates_CallersList_IsUsedAsGiven()
    {
        var calendar = BankHolidayCalendar.FromDates(new[] { new LocalDate(2025, 6, 2), new LocalDate(2025, 6, 2), new LocalDate(2025, 12, 24) }, "Council HR");
        Assert.Equal(2, calendar.InYear(2025).Count);
        Assert.True(calendar.IsBankHoliday(new LocalDate(2025, 12, 24)));
        Assert.False(calendar.IsBankHoliday(new LocalDate(2025, 12, 25)));
        Assert.Equal(BankHolidaySource.CallerSupplied, calendar.InYear(2025)[0].Source);
    }

    [Fact]
    public void FromDates_DateOutOfRange_ThrowsNamingTheValue()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BankHolidayCalendar.FromDates(new[] { new LocalDate(2101, 1, 1) }, "x"));
        Assert.Contains("2101-01-01", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromHolidays_DuplicateDate_ThrowsNamingHolidays()
    {
        var day = new BankHoliday(new LocalDate(2025, 6, 2), "A", BankHolidaySource.CallerSupplied);
        var e = Assert.Throws<ArgumentException>(() => BankHolidayCalendar.FromHolidays(new[] { day, day with { } }, "x"));
        Assert.Equal("holidays", e.ParamName);
        Assert.Contains("2025-06-02", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Between_ReturnsHolidaysAfterStartThroughEnd()
    {
        var days = BankHolidayCalendar.EnglandAndWales.Between(new LocalDate(2024, 12, 25), new LocalDate(2025, 1, 1));
        Assert.Equal(new[] { new LocalDate(2024, 12, 26), new LocalDate(2025, 1, 1) }, days.Select(d => d.Date));
    }
}
