using Iro.Rules.Calendars;
using Iro.Rules.Explanations;
using Iro.Rules.Reviews;
using Iro.Rules.Timescales;

namespace Iro.Rules.Tests.Reviews;

/// <summary>REV-1 to REV-4 worked examples from RULES.md, and the boundaries around them.</summary>
public class ReviewScheduleTests
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    private static ReviewTimeline Eval(string start, string asOf, params string[] reviews) =>
        ReviewSchedule.Evaluate(D(start), reviews.Select(D).ToList(), D(asOf));

    // REV-1 worked examples.
    [Fact]
    public void Rev1_HeldOnTheLastDay_IsOnTime()
    {
        var t = Eval("2025-01-06", "2025-03-01", "2025-02-03");
        var r = Assert.Single(t.Reviews);
        Assert.Equal((1, D("2025-02-03"), D("2025-02-03"), true), (r.Number, r.HeldOn, r.DueBy, r.OnTime));
        Assert.Equal(RuleId.FirstReview, r.Finding.Rule);
        Assert.Equal(Outcome.Met, r.Finding.Outcome);
    }

    [Fact]
    public void Rev1_HeldTheDayAfter_IsOneWorkingDayLate_AndSaysSo()
    {
        var r = Eval("2025-01-06", "2025-03-01", "2025-02-04").Reviews[0];
        Assert.False(r.OnTime);
        Assert.Equal(1, r.Deadline.WorkingDaysLate);
        Assert.Equal(
            "Review 1 was due by 2025-02-03, 20 working days after the child became looked after on 2025-01-06 (CPPCR 2010 reg 33(1)); it was held on 2025-02-04, 1 working day late.",
            r.Finding.Summary);
        Assert.Equal(Outcome.NotMet, r.Finding.Outcome);
    }

    [Fact]
    public void Rev1_HeldTheDayBefore_IsOnTime() => Assert.True(Eval("2025-01-06", "2025-03-01", "2025-01-31").Reviews[0].OnTime);

    [Fact]
    public void Rev1_AcrossChristmas_DueOn15January()
    {
        var r = Eval("2024-12-13", "2025-02-01", "2025-01-14").Reviews[0];
        Assert.Equal(D("2025-01-15"), r.DueBy);
        Assert.True(r.OnTime);
    }

    [Fact]
    public void Rev1_NoReviewYet_OverdueTheDayAfterDue()
    {
        var t = Eval("2025-04-17", "2025-05-21");
        Assert.Equal(D("2025-05-20"), t.NextDueBy);
        Assert.True(t.IsOverdue);
        Assert.Equal(1, t.NextNumber);
        Assert.Equal(
            "Review 1 is due by 2025-05-20, 20 working days after the child became looked after on 2025-04-17 (CPPCR 2010 reg 33(1)); overdue by 1 working day as of 2025-05-21.",
            t.NextFinding.Summary);
        Assert.False(Eval("2025-04-17", "2025-05-20").IsOverdue);
    }

    [Theory]
    [InlineData("2025-02-01", "2025-02-28")] // Saturday start
    [InlineData("2025-04-18", "2025-05-20")] // Good Friday start: counting starts on the next working day
    [InlineData("2026-12-18", "2027-01-20")] // across Christmas and New Year
    [InlineData("2011-04-01", "2011-05-05")] // the first day of CPPCR 2010: Easter, royal wedding and Early May skipped
    public void Rev1_FirstReviewDue(string start, string due) =>
        Assert.Equal(D(due), Eval(start, start).NextDueBy);

    [Fact]
    public void Rev1_PeriodStartingBefore1April2011_Uses1991FourWeekRule()
    {
        var t = Eval("2011-03-31", "2011-03-31");
        Assert.Equal(D("2011-04-28"), t.NextDueBy);
        Assert.Equal("RCCR 1991 reg 3", t.NextFinding.Citation.ShortForm);
        Assert.Contains("4 weeks after", t.NextFinding.Summary, StringComparison.Ordinal);
        Assert.Equal(new LocalDate(2011, 3, 31), t.NextFinding.Citation.InForceTo);

        var later = Eval("2011-04-01", "2011-04-01");
        Assert.Equal("CPPCR 2010 reg 33(1)", later.NextFinding.Citation.ShortForm);
    }

    // REV-2 worked examples.
    [Theory]
    [InlineData("2025-01-06", "2025-01-31", "2025-04-30", "2025-04-30", true)]
    [InlineData("2024-11-04", "2024-11-30", "2025-03-01", "2025-02-28", false)]
    [InlineData("2023-11-06", "2023-11-30", "2024-02-29", "2024-02-29", true)]
    public void Rev2_ThreeMonthsAfterTheFirstAsHeld(string start, string first, string second, string due, bool onTime)
    {
        var r = Eval(start, "2025-12-31", first, second).Reviews[1];
        Assert.Equal(2, r.Number);
        Assert.Equal(D(due), r.DueBy);
        Assert.Equal(onTime, r.OnTime);
        Assert.Equal(RuleId.SecondReview, r.Finding.Rule);
        Assert.Equal("CPPCR 2010 reg 33(2)", r.Finding.Citation.ShortForm);
    }

    [Fact]
    public void Rev2_LateFirstReview_SecondRunsFromTheActualDate()
    {
        // First review due 2025-02-03 but held 2025-02-14: the second is due 3 months after 2025-02-14.
        var t = Eval("2025-01-06", "2025-03-01", "2025-02-14");
        Assert.Equal(D("2025-05-14"), t.NextDueBy);
        Assert.Equal(
            "Review 2 is due by 2025-05-14, 3 months after review 1 on 2025-02-14 (CPPCR 2010 reg 33(2)); not yet due as of 2025-03-01.",
            t.NextFinding.Summary);
    }

    // REV-3 worked examples.
    [Fact]
    public void Rev3_SixMonthsAfterThePrevious_MonthEnd()
    {
        var t = Eval("2024-05-03", "2025-03-31", "2024-05-31", "2024-08-31", "2025-02-28");
        Assert.Equal(new[] { D("2024-06-04"), D("2024-08-31"), D("2025-02-28") }, t.Reviews.Select(r => r.DueBy));
        Assert.All(t.Reviews, r => Assert.True(r.OnTime));
        Assert.Equal(RuleId.SubsequentReview, t.Reviews[2].Finding.Rule);
        Assert.Equal(D("2025-08-28"), t.NextDueBy);
    }

    [Theory]
    [InlineData("2025-06-14", "2025-12-14", "2025-12-15", false)] // due on a Sunday: no roll-forward
    [InlineData("2024-02-29", "2024-08-29", "2024-08-30", false)]
    [InlineData("2024-02-29", "2024-08-29", "2024-08-29", true)]
    [InlineData("2024-08-31", "2025-02-28", "2025-02-28", true)]
    public void Rev3_Examples(string previous, string due, string next, bool onTime)
    {
        Assert.Equal(D(due), ReviewSchedule.NextReviewDue(D(previous)));
        // As review 3, after a first and second review (the second on `previous`).
        LocalDate second = D(previous);
        LocalDate first = second.PlusMonths(-2);
        LocalDate start = first.PlusDays(-14);
        var t = ReviewSchedule.Evaluate(start, new[] { first, second, D(next) }, D(next));
        Assert.Equal(D(due), t.Reviews[2].DueBy);
        Assert.Equal(onTime, t.Reviews[2].OnTime);
    }

    [Fact]
    public void Rev3_DueOnSunday_HeldMonday_IsOneDayLate()
    {
        // Reviews: 1 on 2024-12-13 (start 2024-11-18), 2 on 2025-03-13? use a chain ending in a 2025-06-14 review.
        var t = Eval("2024-11-18", "2026-01-31", "2024-12-13", "2025-03-13", "2025-06-14", "2025-12-15");
        var r = t.Reviews[3];
        Assert.Equal(D("2025-12-14"), r.DueBy);
        Assert.False(r.OnTime);
        Assert.Equal(1, r.Deadline.DaysLate);
        Assert.Null(r.Deadline.WorkingDaysLate); // month rules count calendar days
        Assert.EndsWith("it was held on 2025-12-15, 1 day late.", r.Finding.Summary, StringComparison.Ordinal);
    }

    // REV-4 worked examples.
    [Fact]
    public void Rev4_EarlyReviewIsReviewTwo_AndResetsTheSchedule()
    {
        var t = Eval("2025-02-10", "2025-05-01", "2025-03-10", "2025-04-15");
        Assert.Equal(2, t.Reviews[1].Number);
        Assert.True(t.Reviews[1].OnTime);
        Assert.Equal(56, t.Reviews[1].HeldEarlyByDays); // due 2025-06-10
        Assert.Equal(3, t.NextNumber);
        Assert.Equal(D("2025-10-15"), t.NextDueBy); // not 2025-12-10
    }

    [Fact]
    public void Rev4_BroughtForwardReview_NextDueSixMonthsAfterIt()
    {
        var t = Eval("2024-07-15", "2025-09-01", "2024-08-12", "2024-11-11", "2025-05-10", "2025-08-01");
        Assert.All(t.Reviews, r => Assert.True(r.OnTime));
        Assert.Equal(5, t.NextNumber);
        Assert.Equal(D("2026-02-01"), t.NextDueBy);
    }

    [Fact]
    public void Rev4_EarlyFirstReview_SecondDueThreeMonthsAfterIt()
    {
        var t = Eval("2025-01-06", "2025-05-01", "2025-01-20", "2025-04-22");
        Assert.True(t.Reviews[0].OnTime);
        Assert.Equal(D("2025-04-20"), t.Reviews[1].DueBy);
        Assert.False(t.Reviews[1].OnTime);
        Assert.Equal(2, t.Reviews[1].Deadline.DaysLate);
    }

    [Fact]
    public void Rev4_LegacyFixedAnniversary_IsLabelledNonStatutory()
    {
        var policy = LocalPolicy.Default with { ResetScheduleOnEveryReview = false };
        var period = new CarePeriod(D("2025-02-10"), new[] { D("2025-03-10"), D("2025-04-15") });
        var t = ReviewSchedule.Evaluate(period, D("2025-05-01"), policy, WorkingDayCalendar.EnglandAndWales);
        Assert.Equal(D("2025-12-10"), t.NextDueBy); // 6 months after review 2's due date 2025-06-10
        Assert.Contains("non-statutory", t.NextFinding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OrderOfReviewDates_DoesNotMatter()
    {
        var a = Eval("2024-07-15", "2025-09-01", "2024-08-12", "2024-11-11", "2025-05-10", "2025-08-01");
        var b = Eval("2024-07-15", "2025-09-01", "2025-08-01", "2024-08-12", "2025-05-10", "2024-11-11");
        Assert.Equal(a.Reviews.Select(r => (r.Number, r.HeldOn, r.DueBy, r.OnTime)), b.Reviews.Select(r => (r.Number, r.HeldOn, r.DueBy, r.OnTime)));
    }

    // Period end and new periods.
    [Fact]
    public void PeriodEndingBeforeTheDueDate_IsNotOverdue()
    {
        var period = new CarePeriod(D("2025-04-17"), Array.Empty<LocalDate>()) { End = D("2025-05-10") };
        var t = ReviewSchedule.Evaluate(period, D("2025-06-01"));
        Assert.False(t.IsOverdue);
        Assert.Equal(Timeliness.NotRequired, t.Next.Timeliness);
        Assert.Equal(Outcome.NotApplicable, t.NextFinding.Outcome);
        Assert.Contains("the period of care ended on 2025-05-10", t.NextFinding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void PeriodEndingOnTheDueDate_IsNotOverdue()
    {
        var period = new CarePeriod(D("2025-04-17"), Array.Empty<LocalDate>()) { End = D("2025-05-20") };
        Assert.False(ReviewSchedule.Evaluate(period, D("2025-06-01")).IsOverdue);
    }

    [Fact]
    public void PeriodEndingAfterTheDueDate_WithoutAReview_WasOverdue()
    {
        var period = new CarePeriod(D("2025-04-17"), Array.Empty<LocalDate>()) { End = D("2025-05-25") };
        var t = ReviewSchedule.Evaluate(period, D("2025-06-01"));
        Assert.True(t.IsOverdue);
        Assert.Equal(5, t.Next.DaysLate);
    }

    [Fact]
    public void NewPeriodOfCare_StartsTheTimetableAfresh()
    {
        var second = Eval("2025-09-01", "2025-09-02");
        Assert.Equal(1, second.NextNumber);
        Assert.Equal(D("2025-09-29"), second.NextDueBy);
    }

    // Bad input.
    [Fact]
    public void ReviewBeforePeriodStart_Throws_NamingParameterValueAndRule()
    {
        var e = Assert.Throws<ArgumentException>(() => Eval("2025-01-06", "2025-03-01", "2025-01-05"));
        Assert.Equal("reviewDates", e.ParamName);
        Assert.Contains("2025-01-05", e.Message, StringComparison.Ordinal);
        Assert.Contains("REV-1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewAfterAsOf_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Eval("2025-01-06", "2025-03-01", "2025-03-02"));
        Assert.Equal("reviewDates", e.ParamName);
        Assert.Contains("2025-03-02", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateReviewDate_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Eval("2025-01-06", "2025-03-01", "2025-02-03", "2025-02-03"));
        Assert.Contains("two reviews on 2025-02-03", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PeriodEndBeforeStart_Throws()
    {
        var period = new CarePeriod(D("2025-04-17"), Array.Empty<LocalDate>()) { End = D("2025-04-16") };
        var e = Assert.Throws<ArgumentException>(() => ReviewSchedule.Evaluate(period, D("2025-06-01")));
        Assert.Equal("period.End", e.ParamName);
        Assert.Contains("2025-04-16", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AsOfBeforeStart_Throws() =>
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => Eval("2025-04-17", "2025-04-16")).ParamName);

    [Theory]
    [InlineData("1991-10-13")] // before the 1991 Regulations came into force
    [InlineData("1985-06-01")]
    public void PeriodBeforeTheEarliestRegime_ThrowsNamingPeriodStart(string start)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Eval(start, "1992-01-01"));
        Assert.Equal("periodStart", e.ParamName);
        Assert.Contains("1991-10-14", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PeriodOnTheDayThe1991RegulationsBegan_IsModelled() =>
        Assert.Equal(D("1991-11-11"), Eval("1991-10-14", "1991-10-14").NextDueBy);

    [Fact]
    public void DeadlineBeyondTheSupportedRange_ThrowsNamingPeriodStart()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Eval("2100-12-20", "2100-12-21"));
        Assert.Equal("periodStart", e.ParamName);
        Assert.Contains("2100-12-31", e.Message, StringComparison.Ordinal);
        Assert.Contains("REV-1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AsOfAfterTheSupportedRange_Throws() =>
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => Eval("2025-01-06", "2101-01-01")).ParamName);

    [Fact]
    public void NullReviewDates_Throws() =>
        Assert.Equal("reviewDates", Assert.Throws<ArgumentNullException>(() => ReviewSchedule.Evaluate(D("2025-01-01"), null!, D("2025-02-01"))).ParamName);
}
