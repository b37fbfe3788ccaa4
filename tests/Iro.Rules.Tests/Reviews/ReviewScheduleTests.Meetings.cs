using Iro.Rules.Calendars;
using Iro.Rules.Explanations;
using Iro.Rules.Reviews;
using Iro.Rules.Timescales;

namespace Iro.Rules.Tests.Reviews;

/// <summary>REV-5 (series of meetings, adjournment), REV-6 (record), REV-7, REV-9 and REV-10 worked examples.</summary>
public class ReviewScheduleMeetingsTests
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    private static Review R(string date) => new(D(date));

    private static ReviewTimeline Evaluate(CarePeriod period, string asOf, LocalPolicy? policy = null) =>
        ReviewSchedule.Evaluate(period, D(asOf), policy ?? LocalPolicy.Default, WorkingDayCalendar.EnglandAndWales);

    // REV-5: a review in two parts; previous review 2024-11-05, so due 2025-05-05.
    private static CarePeriod TwoParts() => new(D("2024-07-08"), new[]
    {
        R("2024-08-05"),
        R("2024-11-05"),
        new Review(new[] { new ReviewPart(D("2025-05-01"), ReviewPartKind.ChildSession), new ReviewPart(D("2025-05-06")) }),
    });

    [Fact]
    public void Rev5_SeriesOfMeetings_LastPartBasis_LateByOneDay()
    {
        var r = Evaluate(TwoParts(), "2025-06-01").Reviews[2];
        Assert.Equal(D("2025-05-05"), r.DueBy);
        Assert.Equal(D("2025-05-06"), r.HeldOn);
        Assert.Equal(D("2025-05-01"), r.FirstPartOn);
        Assert.False(r.OnTime);
        Assert.Equal(1, r.Deadline.DaysLate);
        Assert.Contains("held in 2 parts from 2025-05-01 to 2025-05-06 (last part counted, REV-5)", r.Finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Rev5_SeriesOfMeetings_FirstPartBasis_OnTime()
    {
        var t = Evaluate(TwoParts(), "2025-06-01", LocalPolicy.Default with { ReviewDateBasis = ReviewDateBasis.FirstPart });
        Assert.True(t.Reviews[2].OnTime);
        Assert.Equal(D("2025-05-01"), t.Reviews[2].HeldOn);
        Assert.Equal(D("2025-11-01"), t.NextDueBy); // the next interval runs from the basis date
    }

    private static CarePeriod Adjourned(string adjourned, string reconvened) => new(D("2025-01-06"), new[]
    {
        R("2025-01-31"),
        new Review(new[] { new ReviewPart(D(adjourned), ReviewPartKind.Adjourned), new ReviewPart(D(reconvened), ReviewPartKind.Reconvened) }),
    });

    [Fact]
    public void Rev5_AdjournedTwentyWorkingDays_IsLawful_NextDueFromCompletion()
    {
        var t = Evaluate(Adjourned("2025-03-03", "2025-03-31"), "2025-04-15");
        var r = t.Reviews[1];
        Assert.NotNull(r.Adjournment);
        Assert.Equal(Outcome.Met, r.Adjournment.Outcome);
        Assert.Equal(D("2025-03-31"), r.HeldOn);
        Assert.Equal(D("2025-09-30"), t.NextDueBy);
    }

    [Fact]
    public void Rev5_AdjournedTwentyOneWorkingDays_BreachesTheLimit()
    {
        var r = Evaluate(Adjourned("2025-03-03", "2025-04-01"), "2025-04-15").Reviews[1];
        Assert.Equal(Outcome.NotMet, r.Adjournment!.Outcome);
        Assert.Contains("21 working days later", r.Adjournment.Summary, StringComparison.Ordinal);
        Assert.Equal(ReasonCodes.AdjournmentLimit, r.Adjournment.Reason);
        Assert.Contains("REV-5 adjournment limit", r.Adjournment.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Rev5_ReconvenedMeetingIsThePartMarkedReconvened_NotAnEarlierSession()
    {
        var period = new CarePeriod(D("2025-01-06"), new[]
        {
            new Review(new[]
            {
                new ReviewPart(D("2025-01-30"), ReviewPartKind.Adjourned),
                new ReviewPart(D("2025-02-03"), ReviewPartKind.ChildSession),
                new ReviewPart(D("2025-03-20"), ReviewPartKind.Reconvened),
            }),
        });
        var adjournment = Evaluate(period, "2025-04-01").Reviews[0].Adjournment!;
        Assert.Equal(Outcome.NotMet, adjournment.Outcome);
        Assert.Contains("reconvened on 2025-03-20, 35 working days later", adjournment.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-02-20", Outcome.Pending, ReasonCodes.AwaitingReconvening)]
    [InlineData("2025-03-01", Outcome.NotMet, ReasonCodes.AdjournmentLimit)]
    public void Rev5_AdjournedAndNotReconvened_IsNotCountedAsHeld(string asOf, Outcome expected, string reason)
    {
        var period = new CarePeriod(D("2025-01-06"), new[] { new Review(new[] { new ReviewPart(D("2025-01-30"), ReviewPartKind.Adjourned) }) });
        var t = Evaluate(period, asOf);
        Assert.Empty(t.Reviews);
        Assert.Equal(D("2025-02-03"), t.NextDueBy); // review 1 is still due, and overdue once 2025-02-03 passes
        var finding = Assert.Single(t.Findings, f => f.Rule == RuleId.ReviewMeetings);
        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(reason, finding.Reason);
        Assert.Contains("limit", finding.Summary.Replace("must reconvene by", "limit", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Rev5_AdjournedTwice_BreachesTheLimit()
    {
        var period = new CarePeriod(D("2025-01-06"), new[]
        {
            new Review(new[]
            {
                new ReviewPart(D("2025-01-20"), ReviewPartKind.Adjourned),
                new ReviewPart(D("2025-01-27"), ReviewPartKind.Adjourned),
                new ReviewPart(D("2025-01-31"), ReviewPartKind.Reconvened),
            }),
        });
        Assert.Equal(Outcome.NotMet, Evaluate(period, "2025-03-01").Reviews[0].Adjournment!.Outcome);
    }

    [Fact]
    public void Rev5b_LawfulAdjournmentPastTheDueDate_IsLateWithReason_OrOnTimeByOption()
    {
        // Review 2 due 2025-04-30; first part 2025-04-22 adjourned, reconvened 2025-05-06 (10 working days).
        var period = Adjourned("2025-04-22", "2025-05-06");
        var late = Evaluate(period, "2025-06-01").Reviews[1];
        Assert.False(late.OnTime);
        Assert.True(late.AdjournedUnderReg36);
        Assert.Contains("adjourned under reg 36", late.Finding.Summary, StringComparison.Ordinal);

        var counted = Evaluate(period, "2025-06-01", LocalPolicy.Default with { TreatLawfulAdjournmentAsOnTime = true }).Reviews[1];
        Assert.True(counted.OnTime);
        Assert.Equal(Outcome.Met, counted.Finding.Outcome);
    }

    // REV-6 worked examples.
    [Theory]
    [InlineData("2025-02-10", "2025-03-03", "2025-03-10", "2025-03-24")]
    [InlineData("2025-12-01", "2025-12-19", "2025-12-30", "2026-01-14")]
    [InlineData("2025-03-24", "2025-04-14", "2025-04-23", "2025-05-08")] // Easter follows
    public void Rev6_RecommendationsAndMinutesDue(string start, string completed, string recommendations, string minutes)
    {
        var r = Evaluate(new CarePeriod(D(start), new[] { R(completed) }), "2026-06-01").Reviews[0];
        Assert.Equal(D(recommendations), r.RecommendationsDueBy);
        Assert.Equal(D(minutes), r.MinutesDueBy);
        Assert.Equal(RuleId.ReviewRecord, r.Record.Rule);
        Assert.Null(r.Recommendations); // not recorded: not assessed, never a false breach
        Assert.Equal(Outcome.Information, r.Record.Outcome);
        Assert.Equal(ReasonCodes.NotRecorded, r.Record.Reason);
    }

    [Fact]
    public void Rev6_ActualDates_AreAssessed_AndPolicyChangesTheDays()
    {
        var review = new Review(D("2025-03-03")) { RecommendationsOn = D("2025-03-11"), MinutesOn = D("2025-03-24") };
        var r = Evaluate(new CarePeriod(D("2025-02-10"), new[] { review }), "2025-06-01").Reviews[0];
        Assert.Equal(Timeliness.Late, r.Recommendations!.Value.Timeliness);
        Assert.Equal(1, r.Recommendations.Value.WorkingDaysLate);
        Assert.Equal(Timeliness.OnTime, r.Minutes!.Value.Timeliness);
        Assert.Equal(Outcome.NotMet, r.Record.Outcome);

        var twenty = Evaluate(new CarePeriod(D("2025-02-10"), new[] { review }), "2025-06-01", LocalPolicy.Default with { MinutesDueWorkingDays = 20 }).Reviews[0];
        Assert.Equal(D("2025-03-31"), twenty.MinutesDueBy);
    }

    // REV-7 worked examples.
    [Theory]
    [InlineData(new[] { "2025-02-01" }, false, Outcome.NotMet)]
    [InlineData(new[] { "2025-02-01" }, true, Outcome.NotApplicable)]
    [InlineData(new[] { "2025-02-01", "2025-06-05" }, false, Outcome.Met)]
    public void Rev7_SignificantChange_NeedsAReviewBetweenProposalAndChange(string[] reviews, bool notPracticable, Outcome expected)
    {
        var period = new CarePeriod(D("2025-01-06"), reviews.Select(D))
        {
            SignificantChanges = new[] { new SignificantChange(D("2025-05-20"), D("2025-06-10"), "change of placement", notPracticable) },
        };
        var finding = Assert.Single(Evaluate(period, "2025-07-01").SignificantChanges);
        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(RuleId.SignificantChange, finding.Rule);
    }

    // REV-9 worked examples.
    [Fact]
    public void Rev9_ShortBreaks_FirstReviewThreeMonthsAfterTheFirstBreak_ThenSixMonthly()
    {
        var period = new CarePeriod(D("2025-02-10"), Array.Empty<Review>()) { ShortBreaks = new[] { new ShortBreak(D("2025-02-10"), D("2025-02-12")) } };
        var t = Evaluate(period, "2025-03-01");
        Assert.Equal(ReviewTimetableKind.ShortBreaks, t.Timetable);
        Assert.Equal(D("2025-05-10"), t.NextDueBy);
        Assert.Equal(RuleId.ShortBreaks, t.NextFinding.Rule);

        var withReview = new CarePeriod(D("2025-02-10"), new[] { R("2025-05-01") }) { ShortBreaks = period.ShortBreaks };
        var t2 = Evaluate(withReview, "2025-06-01");
        Assert.True(t2.Reviews[0].OnTime);
        Assert.Equal(D("2025-11-01"), t2.NextDueBy);
        Assert.True(Evaluate(period, "2025-05-11").IsOverdue); // no review by 2025-05-10
    }

    [Fact]
    public void Rev9_BreakIntendedOver17Days_FallsBackToTheOrdinaryTimetable()
    {
        var period = new CarePeriod(D("2025-02-10"), Array.Empty<Review>()) { ShortBreaks = new[] { new ShortBreak(D("2025-02-10"), D("2025-02-12"), IntendedDays: 18) } };
        var t = Evaluate(period, "2025-03-01");
        Assert.Equal(ReviewTimetableKind.Ordinary, t.Timetable);
        Assert.Equal(D("2025-03-10"), t.NextDueBy); // 20 working days after 2025-02-10
        Assert.Equal(Outcome.NotApplicable, t.ShortBreakConditions!.Outcome);
        Assert.Contains("over 17", t.ShortBreakConditions.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Rev9_Over75DaysInTwelveMonths_FallsBack_And75IsAllowed()
    {
        // Five 15-day breaks = 75 days: allowed. A sixth 1-day break in the same 12 months makes 76.
        var breaks = Enumerable.Range(0, 5).Select(i => new ShortBreak(D("2025-01-06").PlusDays(30 * i), D("2025-01-06").PlusDays(30 * i + 14))).ToList();
        var ok = new CarePeriod(D("2025-01-06"), Array.Empty<Review>()) { ShortBreaks = breaks };
        Assert.Equal(ReviewTimetableKind.ShortBreaks, Evaluate(ok, "2025-06-01").Timetable);

        var over = ok with { ShortBreaks = breaks.Append(new ShortBreak(D("2025-12-01"), D("2025-12-01"))).ToList() };
        var t = Evaluate(over, "2026-01-01");
        Assert.Equal(ReviewTimetableKind.Ordinary, t.Timetable);
        Assert.Contains("76 days", t.ShortBreakConditions!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Rev9_SwitchedOffByPolicy_UsesTheOrdinaryTimetable()
    {
        var period = new CarePeriod(D("2025-02-10"), Array.Empty<Review>()) { ShortBreaks = new[] { new ShortBreak(D("2025-02-10"), D("2025-02-12")) } };
        var t = Evaluate(period, "2025-03-01", LocalPolicy.Default with { TreatV3V4AsShortBreaks = false });
        Assert.Equal(ReviewTimetableKind.Ordinary, t.Timetable);
    }

    // REV-10 worked examples: review 2025-06-20 (the second review of a period that began 2025-04-01).
    [Theory]
    [InlineData("2025-05-09", false, Outcome.Met)] // day 42
    [InlineData("2025-05-08", false, Outcome.NotMet)] // day 43
    [InlineData("2025-06-20", false, Outcome.Met)] // same day as the review, counted by default
    [InlineData("2025-06-21", false, Outcome.NotMet)] // after the review
    [InlineData("2025-05-08", true, Outcome.NotApplicable)] // child refused
    public void Rev10_IroVisitInTheSixWeeksBefore(string visit, bool refused, Outcome expected)
    {
        var review = new Review(D("2025-06-20")) { ChildRefusedIroVisit = refused };
        var period = new CarePeriod(D("2025-04-01"), new[] { R("2025-04-29"), review }) { IroVisits = new[] { D(visit) } };
        var finding = Evaluate(period, "2025-07-01").Reviews[1].IroVisit;
        Assert.NotNull(finding);
        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(RuleId.IroVisit, finding.Rule);
        if (refused)
        {
            Assert.Contains("ExemptChildRefused", finding.Summary, StringComparison.Ordinal);
            Assert.Equal(ReasonCodes.ExemptChildRefused, finding.Reason);
        }
    }

    [Fact]
    public void Rev10_SameDayVisit_NotCountedByOption()
    {
        var period = new CarePeriod(D("2025-04-01"), new[] { R("2025-04-29"), R("2025-06-20") }) { IroVisits = new[] { D("2025-06-20") } };
        var finding = Evaluate(period, "2025-07-01", LocalPolicy.Default with { CountSameDayVisit = false }).Reviews[1].IroVisit;
        Assert.Equal(Outcome.NotMet, finding!.Outcome);
    }

    [Fact]
    public void Rev10_NoVisitsRecorded_IsNotAssessed() =>
        Assert.Null(Evaluate(new CarePeriod(D("2025-04-01"), new[] { R("2025-04-29") }), "2025-07-01").Reviews[0].IroVisit);

    [Fact]
    public void Rev10_VisitBeforeThePeriod_IsRejected() =>
        Assert.Equal("period.IroVisits", Assert.Throws<ArgumentException>(() =>
            Evaluate(new CarePeriod(D("2025-04-01"), new[] { R("2025-04-29") }) { IroVisits = new[] { D("2025-03-31") } }, "2025-07-01")).ParamName);

    [Fact]
    public void Rev6_RecordDateBeforeTheReview_IsRejected() =>
        Assert.Contains("RecommendationsOn is 2025-04-28", Assert.Throws<ArgumentException>(() =>
            Evaluate(new CarePeriod(D("2025-04-01"), new[] { new Review(D("2025-04-29")) { RecommendationsOn = D("2025-04-28") } }), "2025-07-01")).Message, StringComparison.Ordinal);

    [Fact]
    public void Rev7_ChangeAfterAsOf_IsRejected() =>
        Assert.Equal("period.SignificantChanges", Assert.Throws<ArgumentException>(() =>
            Evaluate(new CarePeriod(D("2025-04-01"), Array.Empty<Review>()) { SignificantChanges = new[] { new SignificantChange(D("2025-05-01"), D("2030-01-01"), "move") } }, "2025-07-01")).ParamName);

    [Fact]
    public void Rev9_BreakBeforeThePeriod_IsRejected() =>
        Assert.Equal("period.ShortBreaks", Assert.Throws<ArgumentException>(() =>
            Evaluate(new CarePeriod(D("2025-04-01"), Array.Empty<Review>()) { ShortBreaks = new[] { new ShortBreak(D("2025-03-01"), D("2025-03-02")) } }, "2025-07-01")).ParamName);

    [Fact]
    public void CarePeriod_NullCollections_AreRejectedAtTheEdge()
    {
        Assert.Throws<ArgumentNullException>(() => new CarePeriod(D("2025-04-01"), Array.Empty<Review>()) { SignificantChanges = null! });
        Assert.Throws<ArgumentNullException>(() => new CarePeriod(D("2025-04-01"), Array.Empty<Review>()) { ShortBreaks = null! });
        Assert.Throws<ArgumentNullException>(() => new CarePeriod(D("2025-04-01"), Array.Empty<Review>()) { SignificantChanges = new SignificantChange[] { null! } });
    }

    [Fact]
    public void Inputs_AreCopied_SoLaterChangesToTheCallersArraysChangeNothing()
    {
        var visits = new[] { D("2025-04-20") };
        var period = new CarePeriod(D("2025-04-01"), new[] { R("2025-04-29") }) { IroVisits = visits };
        visits[0] = D("2025-01-01");
        Assert.Equal(D("2025-04-20"), period.IroVisits![0]);
        Assert.Equal(new Review(D("2025-04-29")), period.Reviews[0]); // value equality
        Assert.Equal(period, period with { });
    }

    [Fact]
    public void Findings_ListEveryRuleApplied()
    {
        var period = new CarePeriod(D("2025-04-01"), new[] { R("2025-04-29") }) { IroVisits = new[] { D("2025-04-20") } };
        var ids = Evaluate(period, "2025-07-01").Findings.Select(f => f.Rule.Value).ToList();
        Assert.Equal(new[] { "REV-1", "REV-6", "REV-10", "REV-2" }, ids);
    }
}
