using System;
using System.Linq;
using Iro.Rules.Calendars;
using Iro.Rules.Caseload;
using Iro.Rules.Explanations;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using NodaTime;
using Xunit;

namespace Iro.Rules.Tests.Regressions;

/// <summary>Issue G, fault 6: the caseload's SEC-3 ignored the evaluator's calendar, and review flags near 2100 were silently dropped.</summary>
public class CaseloadEdgeRegressions
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    // In care (C2) since 2024-02-10. Kept in secure accommodation without court authority for 49 hours from
    // Thursday 2025-07-10 09:00, then placed again on Sunday 2025-08-03 at 15:00 (still there). 49 + 23 = 72 hours
    // at Monday 2025-08-04 14:00. The prior 27 days hold more than 48 hours, so SEC-3 can apply: in England and Wales
    // Monday 4 August is an ordinary day, 14:00 is after the 12:00 that ends the Sunday's window, so the limit stands;
    // in Scotland it is the Summer bank holiday, so the limit runs on to 12:00 on Tuesday 2025-08-05.
    private static ChildCase Secure() =>
        new("S", D("2010-05-05"), new[] { new Episode(D("2024-02-10"), null, LegalStatus.C2, ReasonForNewEpisode.S) }, Array.Empty<CaseReview>())
        {
            SecureStays = new[]
            {
                new SecureStay(new LocalDateTime(2025, 7, 10, 9, 0), new LocalDateTime(2025, 7, 12, 10, 0)),
                new SecureStay(new LocalDateTime(2025, 8, 3, 15, 0)),
            },
        };

    [Fact]
    public void Sec3_UsesTheEvaluatorsCalendar_EnglandAndWales_LimitStands()
    {
        CaseloadFlag flag = Assert.Single(new CaseloadEvaluator().EvaluateChild(Secure(), D("2025-08-04")).Flags, f => f.Rule == RuleId.SecureTimeLimit);
        Assert.Equal(D("2025-08-04"), flag.Date);
    }

    [Fact]
    public void Sec3_UsesTheEvaluatorsCalendar_Scotland_ExtendedToTuesdayNoon()
    {
        var scotland = new CaseloadEvaluator(calendar: WorkingDayCalendar.Scotland);
        Assert.DoesNotContain(scotland.EvaluateChild(Secure(), D("2025-08-04")).Flags, f => f.Rule == RuleId.SecureTimeLimit);
    }

    [Fact]
    public void AReviewDeadlinePast2100_MakesTheChildNotEvaluated_NotSilentlyUnflagged()
    {
        // Became looked after Friday 2100-12-10: the first review's 20 working days end in January 2101, past the
        // supported range. The child was evaluated with no review flag before; now it is reported, whole.
        var child = new ChildCase("Y", D("2095-01-01"), new[] { new Episode(D("2100-12-10"), null, LegalStatus.C2, ReasonForNewEpisode.S) }, Array.Empty<CaseReview>());
        ChildEvaluation result = new CaseloadEvaluator().EvaluateChild(child, D("2100-12-20"));
        Assert.False(result.Evaluated);
        Assert.Empty(result.Flags);
        Assert.Equal("IN-OUT-OF-RANGE", Assert.Single(result.Rejections).Code);
        Assert.Contains("2100-12-31", result.Rejections[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AReviewDeadlineWithinRange_NearTheEnd_IsStillFlagged()
    {
        // Became looked after Monday 2100-11-01: 20 working days end Monday 2100-11-29; as of 2100-11-30 overdue by 1 day.
        var child = new ChildCase("Y", D("2095-01-01"), new[] { new Episode(D("2100-11-01"), null, LegalStatus.C2, ReasonForNewEpisode.S) }, Array.Empty<CaseReview>());
        CaseloadFlag flag = Assert.Single(new CaseloadEvaluator().EvaluateChild(child, D("2100-11-30")).Flags);
        Assert.Equal((RuleId.FirstReview, FlagStatus.Overdue, D("2100-11-29")), (flag.Rule, flag.Status, flag.Date));
    }

    [Fact]
    public void Loc3_AReversalOfAnEarlierDecision_DoesNotEndALaterWait()
    {
        // Found in review: a decision of 2016 reversed on 2016-06-01, then a new period on a placement order (E1) from
        // 2021-01-04. With no decision in this period, the wait runs from the order; 9 months later is 2021-10-04, so
        // as of 2021-11-01 the child is flagged. The old reversal is before the wait began and does not end it.
        var child = new ChildCase("W", D("2014-03-03"),
            new[]
            {
                new Episode(D("2015-09-01"), D("2017-01-10"), LegalStatus.C2, ReasonForNewEpisode.S),
                new Episode(D("2021-01-04"), null, LegalStatus.E1, ReasonForNewEpisode.S),
            },
            Array.Empty<CaseReview>())
        {
            ShouldBePlacedForAdoptionOn = D("2016-01-15"),
            AdoptionDecisionReversedOn = D("2016-06-01"),
        };
        CaseloadFlag flag = Assert.Single(new CaseloadEvaluator().EvaluateChild(child, D("2021-11-01")).Flags, f => f.Rule == RuleId.WaitingForAdoption);
        Assert.Equal(D("2021-01-04"), flag.Date);
        Assert.Equal("Waiting for adoption since 2021-01-04: over 9 months (flagged from 2021-10-05).", flag.Reason);
    }

    [Fact]
    public void Rev6_IsDatedByTheEarlierMissedDeadline_WhenMinutesAreDueFirst()
    {
        // Found in review: a policy may set the minutes' deadline before the recommendations'. Review Monday
        // 2025-03-03; minutes within 2 working days (2025-03-05), recommendations within 5 (2025-03-10); as of
        // 2025-03-11 both are missed, so the flag is dated 2025-03-05.
        var policy = LocalPolicy.Default with { MinutesDueWorkingDays = 2 };
        var child = new ChildCase("R", D("2012-05-05"), new[] { new Episode(D("2025-02-10"), null, LegalStatus.C2, ReasonForNewEpisode.S) },
            new[] { new CaseReview(D("2025-03-03"), ParticipationCode.PN1) })
        { TracksReviewRecords = true };
        CaseloadFlag flag = Assert.Single(new CaseloadEvaluator(policy).EvaluateChild(child, D("2025-03-11")).Flags, f => f.Rule == RuleId.ReviewRecord);
        Assert.Equal(D("2025-03-05"), flag.Date);
    }

    [Theory]
    [InlineData("ShouldBePlacedForAdoptionOn")]
    [InlineData("PlacementOrderOn")]
    [InlineData("PathwayPlanOn")]
    public void ADateOutOfRange_InAnOptionalField_IsARejection_AndTheBatchGoesOn(string field)
    {
        // A date like 9999-12-31 in a field the validator did not range-check threw from deep in a rule and lost the batch.
        var far = new LocalDate(9999, 12, 31);
        var ok = new ChildCase("A", D("2015-01-01"), new[] { new Episode(D("2024-01-08"), null, LegalStatus.E1, ReasonForNewEpisode.S) }, Array.Empty<CaseReview>());
        ChildCase bad = field switch
        {
            "ShouldBePlacedForAdoptionOn" => ok with { ShouldBePlacedForAdoptionOn = far },
            "PlacementOrderOn" => ok with { PlacementOrderOn = far },
            _ => ok with { PathwayPlanOn = far },
        };
        var sink = new CollectingCaseloadSink();
        CaseloadTotals totals = new CaseloadEvaluator().Evaluate(new[] { ok, bad, ok }, D("2025-11-10"), sink);
        Assert.Equal(new CaseloadTotals(3, 2, 1, sink.Flags.Count), totals);
        Rejection rejection = Assert.Single(Assert.Single(sink.NotEvaluatedChildren).Rejections);
        Assert.Equal(("IN-DATE-RANGE", field, "9999-12-31"), (rejection.Code, rejection.Field, rejection.Value));
    }

    [Fact]
    public void AnUndefinedLegalStatus_IsARejection_NotEvaluatedOrThrown()
    {
        var child = new ChildCase("U", D("2015-01-01"), new[] { new Episode(D("2024-01-08"), null, (LegalStatus)99, ReasonForNewEpisode.S) }, Array.Empty<CaseReview>());
        ChildEvaluation result = new CaseloadEvaluator().EvaluateChild(child, D("2025-11-10"));
        Assert.False(result.Evaluated);
        Assert.Equal("IN-EPISODES", Assert.Single(result.Rejections).Code);
    }

    [Fact]
    public void ANonIsoEpisodeDate_IsARejection()
    {
        var julian = new LocalDate(2024, 1, 8, CalendarSystem.Julian);
        var child = new ChildCase("J", D("2015-01-01"), new[] { new Episode(julian, null, LegalStatus.C2, ReasonForNewEpisode.S) }, Array.Empty<CaseReview>());
        ChildEvaluation result = new CaseloadEvaluator().EvaluateChild(child, D("2025-11-10"));
        Assert.False(result.Evaluated);
        Assert.Contains(result.Rejections, r => r.Code == "IN-EPISODES");
    }
}
