using Iro.Rules.Calendars;
using Iro.Rules.Timescales;

namespace Iro.Rules.Tests.Timescales;

/// <summary>CAL-4, CAL-5 and AGE-1 worked examples from RULES.md, with their boundaries.</summary>
public class TimescalesTests
{
    // CAL-4 worked examples.
    [Theory]
    [InlineData("2025-01-31", 3, "2025-04-30")] // no 31 April
    [InlineData("2024-11-30", 3, "2025-02-28")] // no 30 February 2025
    [InlineData("2023-11-30", 3, "2024-02-29")] // leap year
    [InlineData("2024-08-31", 6, "2025-02-28")]
    [InlineData("2024-02-29", 6, "2024-08-29")] // corresponding date exists
    [InlineData("2025-03-15", 3, "2025-06-15")]
    [InlineData("2024-02-29", 12, "2025-02-28")] // year end and leap day
    [InlineData("2025-12-31", 2, "2026-02-28")]
    [InlineData("2025-10-31", 1, "2025-11-30")] // 31st to a 30-day month
    [InlineData("2025-05-10", 0, "2025-05-10")]
    public void CalendarMonths_Add_CorrespondingDateWithMonthEnd(string anchor, int months, string expected) =>
        Assert.Equal(Dates.Parse(expected), CalendarMonths.Add(Dates.Parse(anchor), months));

    [Theory]
    [InlineData("2025-04-29", false)] // the day before the deadline
    [InlineData("2025-04-30", false)] // the deadline itself: not yet "over"
    [InlineData("2025-05-01", true)] // the day after
    public void CalendarMonths_IsOver_StrictlyAfterTheDeadline(string asOf, bool expected) =>
        Assert.Equal(expected, CalendarMonths.IsOver(new LocalDate(2025, 1, 31), 3, Dates.Parse(asOf)));

    [Fact]
    public void CalendarMonths_Add_Negative_ThrowsNamingMonths()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CalendarMonths.Add(new LocalDate(2025, 1, 1), -1));
        Assert.Equal("months", e.ParamName);
        Assert.Contains("-1", e.Message, StringComparison.Ordinal);
        Assert.Contains("CAL-4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CalendarMonths_SuggestedLatestWorkingDay_NeverMovesTheDeadlineLater()
    {
        // 2025-12-14 is a Sunday: suggest Friday 12th. 2025-12-26 (Boxing Day) suggests Wednesday 24th.
        Assert.Equal(new LocalDate(2025, 12, 12), CalendarMonths.SuggestedLatestWorkingDay(new LocalDate(2025, 12, 14), WorkingDayCalendar.EnglandAndWales));
        Assert.Equal(new LocalDate(2025, 12, 24), CalendarMonths.SuggestedLatestWorkingDay(new LocalDate(2025, 12, 26), WorkingDayCalendar.EnglandAndWales));
        Assert.Equal(new LocalDate(2025, 12, 15), CalendarMonths.SuggestedLatestWorkingDay(new LocalDate(2025, 12, 15), WorkingDayCalendar.EnglandAndWales));
    }

    // CAL-5 worked examples.
    [Fact]
    public void Weeks_WorkedExamples()
    {
        Assert.Equal(new LocalDate(2025, 5, 12), Weeks.After(new LocalDate(2025, 3, 3), 10));
        Assert.False(Weeks.IsOver(new LocalDate(2025, 3, 3), 10, new LocalDate(2025, 5, 12)));
        Assert.True(Weeks.IsOver(new LocalDate(2025, 3, 3), 10, new LocalDate(2025, 5, 13)));
        Assert.Equal(new DateInterval(new LocalDate(2025, 5, 9), new LocalDate(2025, 6, 20)), Weeks.WindowBefore(new LocalDate(2025, 6, 20), 42));
        Assert.Equal(new LocalDate(2024, 4, 15), Weeks.After(new LocalDate(2024, 1, 15), 13));
    }

    [Fact]
    public void Weeks_Negative_Throws() =>
        Assert.Equal("weeks", Assert.Throws<ArgumentOutOfRangeException>(() => Weeks.After(new LocalDate(2025, 1, 1), -2)).ParamName);

    // AGE-1 worked examples (default March1).
    [Theory]
    [InlineData("2008-05-10", "2024-05-09", 15)]
    [InlineData("2008-05-10", "2024-05-10", 16)] // the birthday itself
    [InlineData("2008-05-10", "2024-05-11", 16)]
    [InlineData("2008-03-01", "2026-02-28", 17)]
    [InlineData("2008-02-29", "2024-02-29", 16)] // leap year: exact
    [InlineData("2008-02-29", "2026-02-28", 17)] // March1: not yet 18
    [InlineData("2008-02-29", "2026-03-01", 18)]
    [InlineData("2008-12-31", "2026-12-31", 18)] // year end
    [InlineData("2008-12-31", "2026-12-30", 17)]
    [InlineData("2025-01-01", "2025-01-01", 0)]
    public void Age_YearsOn_DefaultMarch1(string dob, string date, int expected) =>
        Assert.Equal(expected, Age.YearsOn(Dates.Parse(dob), Dates.Parse(date)));

    [Theory]
    [InlineData("2026-02-27", 17)]
    [InlineData("2026-02-28", 18)] // February28: attained on 28 February
    [InlineData("2026-03-01", 18)]
    public void Age_YearsOn_February28Option(string date, int expected) =>
        Assert.Equal(expected, Age.YearsOn(new LocalDate(2008, 2, 29), Dates.Parse(date), LeapDayBirthday.February28));

    [Theory]
    [InlineData(LeapDayBirthday.March1, 16, "2024-02-29")]
    [InlineData(LeapDayBirthday.March1, 18, "2026-03-01")]
    [InlineData(LeapDayBirthday.February28, 18, "2026-02-28")]
    [InlineData(LeapDayBirthday.February28, 16, "2024-02-29")]
    public void Age_Anniversary_LeapDayBirthday(LeapDayBirthday rule, int years, string expected) =>
        Assert.Equal(Dates.Parse(expected), Age.Anniversary(new LocalDate(2008, 2, 29), years, rule));

    [Fact]
    public void Age_Anniversary_DefaultIsMarch1() =>
        Assert.Equal(new LocalDate(2026, 3, 1), Age.Anniversary(new LocalDate(2008, 2, 29), 18));

    [Fact]
    public void Age_YearsOn_DateBeforeBirth_ThrowsNamingDateAndRule()
    {
        var e = Assert.Throws<ArgumentException>(() => Age.YearsOn(new LocalDate(2025, 6, 1), new LocalDate(2025, 5, 31)));
        Assert.Equal("date", e.ParamName);
        Assert.Contains("2025-05-31", e.Message, StringComparison.Ordinal);
        Assert.Contains("AGE-1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Age_Anniversary_NegativeYears_Throws() =>
        Assert.Equal("years", Assert.Throws<ArgumentOutOfRangeException>(() => Age.Anniversary(new LocalDate(2008, 1, 1), -1)).ParamName);

    [Fact]
    public void Age_UndefinedRule_Throws() =>
        Assert.Equal("rule", Assert.Throws<ArgumentOutOfRangeException>(() => Age.YearsOn(new LocalDate(2008, 1, 1), new LocalDate(2020, 1, 1), (LeapDayBirthday)5)).ParamName);

    [Fact]
    public void Age_NonIsoDate_ThrowsNamingTheParameter() =>
        Assert.Equal("dateOfBirth", Assert.Throws<ArgumentException>(() => Age.YearsOn(new LocalDate(2008, 1, 1, CalendarSystem.Julian), new LocalDate(2020, 1, 1))).ParamName);

    [Fact]
    public void Age_AnniversaryBeyondYear9999_ThrowsNamingYears() =>
        Assert.Equal("years", Assert.Throws<ArgumentOutOfRangeException>(() => Age.Anniversary(new LocalDate(9990, 1, 1), 20)).ParamName);

    // The shared deadline value.
    [Theory]
    [InlineData("2025-02-03", "2025-02-03", Timeliness.OnTime, 0)]
    [InlineData("2025-02-03", "2025-02-04", Timeliness.Late, 1)]
    [InlineData("2025-02-03", "2025-02-02", Timeliness.OnTime, 0)]
    public void Deadline_Assess_ActedOn(string due, string acted, Timeliness expected, int daysLate)
    {
        var d = Deadline.Assess(Dates.Parse(due), Dates.Parse(acted), new LocalDate(2025, 12, 31));
        Assert.Equal(expected, d.Timeliness);
        Assert.Equal(daysLate, d.DaysLate);
        Assert.Null(d.WorkingDaysLate);
    }

    [Fact]
    public void Deadline_Assess_NotActed_OverdueFromTheDayAfter()
    {
        var due = new LocalDate(2025, 5, 20);
        Assert.Equal(Timeliness.NotYetDue, Deadline.Assess(due, null, due).Timeliness);
        var overdue = Deadline.Assess(due, null, new LocalDate(2025, 5, 21), WorkingDayCalendar.EnglandAndWales);
        Assert.Equal(Timeliness.Overdue, overdue.Timeliness);
        Assert.Equal(1, overdue.DaysLate);
        Assert.Equal(1, overdue.WorkingDaysLate);
    }

    [Fact]
    public void Deadline_WorkingDaysLate_SkipsHolidays()
    {
        // Due Thursday 2025-04-17; held Tuesday 2025-04-22: 5 days, but 1 working day, late.
        var d = Deadline.Assess(new LocalDate(2025, 4, 17), new LocalDate(2025, 4, 22), new LocalDate(2025, 5, 1), WorkingDayCalendar.EnglandAndWales);
        Assert.Equal(5, d.DaysLate);
        Assert.Equal(1, d.WorkingDaysLate);
        Assert.Equal("1 working day late", d.ToString());
    }
}
