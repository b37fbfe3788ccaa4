using Iro.Rules.Calendars;
using Iro.Rules.Explanations;

namespace Iro.Rules.Tests.Calendars;

/// <summary>CAL-1 and CAL-3 examples: RULES.md's worked examples and the boundaries around them.</summary>
public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Ew = WorkingDayCalendar.EnglandAndWales;

    // CAL-1 worked examples (England and Wales).
    [Theory]
    [InlineData("2025-04-18", false)] // Good Friday
    [InlineData("2025-04-17", true)] // the day before
    [InlineData("2025-04-22", true)] // the day after Easter Monday
    [InlineData("2025-12-24", true)] // Christmas Eve
    [InlineData("2025-12-31", true)] // New Year's Eve
    [InlineData("2026-12-28", false)] // substitute for Boxing Day on Saturday 26th
    [InlineData("2025-03-17", true)] // St Patrick's Day: not in England and Wales
    [InlineData("2025-03-15", false)] // Saturday
    [InlineData("2025-03-16", false)] // Sunday
    [InlineData("2024-02-29", true)] // leap day, a Thursday
    [InlineData("2022-05-30", true)] // the normal Spring bank holiday, moved in 2022
    [InlineData("2022-06-02", false)]
    public void IsWorkingDay_EnglandAndWales(string date, bool expected) => Assert.Equal(expected, Ew.IsWorkingDay(Dates.Parse(date)));

    [Fact]
    public void IsWorkingDay_AnyUkPart_ExcludesRegionalDays()
    {
        Assert.False(WorkingDayCalendar.AnyUkPart.IsWorkingDay(new LocalDate(2025, 3, 17)));
        Assert.False(WorkingDayCalendar.AnyUkPart.IsWorkingDay(new LocalDate(2025, 1, 2)));
        Assert.False(WorkingDayCalendar.AnyUkPart.IsWorkingDay(new LocalDate(2025, 8, 4)));
        Assert.True(WorkingDayCalendar.AnyUkPart.IsWorkingDay(new LocalDate(2025, 12, 24)));
    }

    [Theory]
    [InlineData(UkJurisdiction.EnglandAndWales, "2025-01-02", true)]
    [InlineData(UkJurisdiction.Scotland, "2025-01-02", false)]
    [InlineData(UkJurisdiction.Scotland, "2025-04-21", true)] // no Easter Monday in Scotland
    [InlineData(UkJurisdiction.NorthernIreland, "2025-07-14", false)]
    [InlineData(UkJurisdiction.Scotland, "2026-06-15", false)]
    public void IsWorkingDay_ByJurisdiction(UkJurisdiction j, string date, bool expected) =>
        Assert.Equal(expected, WorkingDayCalendar.For(j).IsWorkingDay(Dates.Parse(date)));

    // CAL-3 worked examples (N = 20, England and Wales).
    [Theory]
    [InlineData("2025-01-06", 20, "2025-02-03")] // Monday
    [InlineData("2024-12-13", 20, "2025-01-15")] // crosses 25, 26 Dec 2024 and 1 Jan 2025
    [InlineData("2025-04-17", 20, "2025-05-20")] // crosses Good Friday, Easter Monday and 5 May
    [InlineData("2025-02-01", 20, "2025-02-28")] // Saturday start: counting begins Monday
    [InlineData("2026-12-18", 20, "2027-01-20")] // crosses 25 Dec, 28 Dec 2026 and 1 Jan 2027
    [InlineData("2024-03-27", 20, "2024-04-26")] // Easter 2024: skips 29 Mar and 1 Apr
    [InlineData("2024-02-28", 1, "2024-02-29")] // leap day
    [InlineData("2024-02-29", 1, "2024-03-01")]
    [InlineData("2025-12-31", 1, "2026-01-02")] // year end: skips New Year's Day
    [InlineData("2025-12-24", 1, "2025-12-29")] // skips Christmas, Boxing Day and the weekend
    [InlineData("2025-04-17", 1, "2025-04-22")] // Thursday before Easter -> Tuesday after
    [InlineData("2025-04-18", 0, "2025-04-18")] // zero returns the start, even on a holiday
    [InlineData("2025-05-20", -20, "2025-04-17")] // backwards
    [InlineData("2025-04-22", -1, "2025-04-17")]
    [InlineData("2025-04-19", -1, "2025-04-17")] // from a Saturday in the Easter weekend
    public void AddWorkingDays_EnglandAndWales(string start, int n, string expected) =>
        Assert.Equal(Dates.Parse(expected), Ew.AddWorkingDays(Dates.Parse(start), n));

    [Theory]
    [InlineData("2025-04-17", "2025-05-20", 20)]
    [InlineData("2025-05-20", "2025-04-17", -20)]
    [InlineData("2025-04-17", "2025-04-17", 0)]
    [InlineData("2025-04-17", "2025-04-21", 0)] // Good Friday, weekend and Easter Monday are not counted
    [InlineData("2025-04-17", "2025-04-22", 1)]
    [InlineData("2025-02-01", "2025-02-03", 1)] // Saturday to Monday
    [InlineData("2024-12-31", "2025-12-31", 253)] // 2025: 261 weekdays less 8 bank holidays = working days in England and Wales
    public void WorkingDaysBetween_EnglandAndWales(string start, string end, int expected) =>
        Assert.Equal(expected, Ew.WorkingDaysBetween(Dates.Parse(start), Dates.Parse(end)));

    [Fact]
    public void Explain_EasterExample_NamesTheSkippedHolidays()
    {
        var explanation = Ew.Explain(new LocalDate(2025, 4, 17), 20);
        Assert.Equal(
            "2025-05-20 is 20 working days after 2025-04-17, skipping Good Friday 2025-04-18, Easter Monday 2025-04-21 and Early May bank holiday 2025-05-05",
            explanation.Summary);
        Assert.Equal(new LocalDate(2025, 5, 20), explanation.Result);
        Assert.Equal(RuleId.WorkingDayCount, explanation.Finding.Rule);
        Assert.Equal("CAL-3", explanation.Finding.Rule.Value);
        Assert.Contains("Zoan v Rouamba", explanation.Finding.Citation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ChristmasExample_NamesTheSubstituteDay()
    {
        Assert.Equal(
            "2027-01-20 is 20 working days after 2026-12-18, skipping Christmas Day 2026-12-25, Boxing Day (substitute day) 2026-12-28 and New Year’s Day 2027-01-01",
            Ew.Explain(new LocalDate(2026, 12, 18), 20).Summary);
    }

    [Fact]
    public void Explain_NoHolidays_SaysSo()
    {
        Assert.Equal("2025-02-03 is 20 working days after 2025-01-06, with no bank holidays in between", Ew.Explain(new LocalDate(2025, 1, 6), 20).Summary);
        Assert.Equal("2025-01-07 is 1 working day after 2025-01-06, with no bank holidays in between", Ew.Explain(new LocalDate(2025, 1, 6), 1).Summary);
    }

    [Fact]
    public void Explain_Backwards_SaysBefore()
    {
        Assert.Equal("2025-04-17 is 1 working day before 2025-04-22, skipping Good Friday 2025-04-18 and Easter Monday 2025-04-21", Ew.Explain(new LocalDate(2025, 4, 22), -1).Summary);
    }

    [Fact]
    public void Explain_Scotland_SkipsWorldCupDay()
    {
        Assert.Equal(
            "2026-06-16 is 1 working day after 2026-06-12, skipping World Cup bank holiday 2026-06-15",
            WorkingDayCalendar.Scotland.Explain(new LocalDate(2026, 6, 12), 1).Summary);
    }

    [Fact]
    public void WithClosureDays_ClosesTheDays_AndSaysItDepartsFromStatute()
    {
        var council = Ew.WithClosureDays(new[] { new LocalDate(2025, 12, 24), new LocalDate(2025, 12, 27), new LocalDate(2025, 12, 25) });
        Assert.False(council.IsWorkingDay(new LocalDate(2025, 12, 24)));
        Assert.True(Ew.IsWorkingDay(new LocalDate(2025, 12, 24))); // the statutory calendar is unchanged
        Assert.True(council.DepartsFromStatute);
        Assert.False(Ew.DepartsFromStatute);
        Assert.Equal(3, council.ClosureDays.Count);
        Assert.Equal(new LocalDate(2025, 12, 29), council.AddWorkingDays(new LocalDate(2025, 12, 23), 1));
        string summary = council.Explain(new LocalDate(2025, 12, 23), 1).Summary;
        Assert.Equal(
            "2025-12-29 is 1 working day after 2025-12-23, skipping Council closure day (not a bank holiday) 2025-12-24, Christmas Day 2025-12-25 and Boxing Day 2025-12-26 (council closure days are a departure from the statutory definition of a working day)",
            summary);
    }

    [Fact]
    public void FromDates_UsesTheCallersList()
    {
        var calendar = WorkingDayCalendar.FromDates(new[] { new LocalDate(2025, 1, 7) }, "Own list");
        Assert.True(calendar.IsWorkingDay(new LocalDate(2025, 1, 1))); // New Year's Day is not on the caller's list
        Assert.False(calendar.IsWorkingDay(new LocalDate(2025, 1, 7)));
        Assert.Equal(new LocalDate(2025, 1, 8), calendar.AddWorkingDays(new LocalDate(2025, 1, 6), 1));
    }

    [Fact]
    public void From_ALoadedCalendar_UsesItsDays()
    {
        using var stream = GovUkJsonTests.Embedded("govuk-bank-holidays-archive-2012-2028.json");
        var calendar = WorkingDayCalendar.From(BankHolidayCalendar.FromGovUkJson(stream, UkJurisdiction.Scotland));
        Assert.True(calendar.IsWorkingDay(new LocalDate(2026, 6, 15)));
        Assert.False(WorkingDayCalendar.Scotland.IsWorkingDay(new LocalDate(2026, 6, 15)));
    }

    [Theory]
    [InlineData("1970-12-31")]
    [InlineData("2101-01-01")]
    public void AddWorkingDays_StartOutOfRange_ThrowsNamingStartValueAndRange(string start)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Ew.AddWorkingDays(Dates.Parse(start), 1));
        Assert.Equal("start", e.ParamName);
        Assert.Contains(start, e.Message, StringComparison.Ordinal);
        Assert.Contains("1971-01-01 to 2100-12-31", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2100-12-30", 2)]
    [InlineData("1971-01-01", -1)]
    [InlineData("2000-01-01", int.MaxValue)]
    [InlineData("2000-01-01", int.MinValue)]
    public void AddWorkingDays_ResultOutOfRange_ThrowsNamingWorkingDays(string start, int n)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Ew.AddWorkingDays(Dates.Parse(start), n));
        Assert.Equal("workingDays", e.ParamName);
        Assert.Contains("1971-01-01 to 2100-12-31", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkingDays_AtTheEdgesOfTheRange()
    {
        Assert.Equal(new LocalDate(1971, 1, 1), Ew.AddWorkingDays(new LocalDate(1971, 1, 4), -1)); // 1 Jan 1971 was a working day
        Assert.Equal(new LocalDate(2100, 12, 31), Ew.AddWorkingDays(new LocalDate(2100, 12, 30), 1));
    }

    [Fact]
    public void WorkingDaysBetween_EndOutOfRange_ThrowsNamingEnd()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Ew.WorkingDaysBetween(new LocalDate(2025, 1, 1), new LocalDate(2101, 1, 1)));
        Assert.Equal("end", e.ParamName);
    }

    [Fact]
    public void IsWorkingDay_NonIsoDate_ThrowsNamingDate()
    {
        var julian = new LocalDate(2025, 1, 1, CalendarSystem.Julian);
        var e = Assert.Throws<ArgumentException>(() => Ew.IsWorkingDay(julian));
        Assert.Equal("date", e.ParamName);
    }

    [Fact]
    public void For_UndefinedJurisdiction_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDayCalendar.For((UkJurisdiction)3));
        Assert.Equal("jurisdiction", e.ParamName);
    }
}
