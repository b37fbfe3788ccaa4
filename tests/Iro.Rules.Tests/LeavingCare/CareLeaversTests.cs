using Iro.Rules.Explanations;
using Iro.Rules.Legal;
using Iro.Rules.LeavingCare;
using Iro.Rules.Timescales;

namespace Iro.Rules.Tests.LeavingCare;

/// <summary>LC-1 to LC-6 worked examples and the age boundaries.</summary>
public class CareLeaversTests
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    private static Episode E(string start, string? end, LegalStatus status = LegalStatus.C2) =>
        new(D(start), end is null ? null : D(end), status, ReasonForNewEpisode.S);

    private static CareLeaverFacts Facts(string dob, params Episode[] episodes) => new(D(dob), episodes);

    // LC-1 worked examples: born 2008-05-10; 75 nights in 2022, then a second period.
    [Fact]
    public void Lc1_94Nights_LookedAfterAfter16_Eligible()
    {
        var a = CareLeavers.Assess(Facts("2008-05-10", E("2022-06-01", "2022-08-15", LegalStatus.V2), E("2024-05-01", null)), D("2024-05-20"));
        Assert.Equal(CareLeaverStatus.Eligible, a.Status);
        Assert.Equal(94, a.NightsLookedAfterSince14);
        Assert.Equal("LC-1", a.Finding.Rule.Value);
    }

    [Theory]
    [InlineData("2024-05-20", CareLeaverStatus.None)] // 80 nights
    [InlineData("2024-05-30", CareLeaverStatus.None)] // 90 nights: the day before
    [InlineData("2024-05-31", CareLeaverStatus.Eligible)] // 91 nights: the day
    [InlineData("2024-06-01", CareLeaverStatus.Eligible)] // the day after
    public void Lc1_SecondPeriodFrom15May_EligibleFrom31May(string asOf, CareLeaverStatus expected)
    {
        var facts = Facts("2008-05-10", E("2022-06-01", "2022-08-15", LegalStatus.V2), E("2024-05-15", null));
        var a = CareLeavers.Assess(facts, D(asOf));
        Assert.Equal(expected, a.Status);
        if (expected == CareLeaverStatus.Eligible)
        {
            Assert.Equal(D("2024-05-31"), a.EligibleFrom);
        }
    }

    [Fact]
    public void Lc1_Aged15With200Days_NotEligible() =>
        Assert.Equal(CareLeaverStatus.None, CareLeavers.Classify(Facts("2009-06-01", E("2023-07-01", null)), D("2024-05-20")));

    [Theory]
    [InlineData("2024-05-09", CareLeaverStatus.None)] // aged 15
    [InlineData("2024-05-10", CareLeaverStatus.Eligible)] // the 16th birthday
    public void Lc1_InCareSince14_EligibleOnThe16thBirthday(string asOf, CareLeaverStatus expected) =>
        Assert.Equal(expected, CareLeavers.Classify(Facts("2008-05-10", E("2022-09-01", null)), D(asOf)));

    [Fact]
    public void Lc1_NightAfter16Option_DelaysByADay()
    {
        var facts = Facts("2008-05-10", E("2022-09-01", null));
        var policy = LocalPolicy.Default with { RequireNightAfterSixteenthBirthday = true };
        Assert.Equal(CareLeaverStatus.None, CareLeavers.Classify(facts, D("2024-05-10"), policy));
        Assert.Equal(CareLeaverStatus.Eligible, CareLeavers.Classify(facts, D("2024-05-11"), policy));
    }

    [Fact]
    public void Lc1_ShortBreaksDoNotCount() =>
        Assert.Equal(CareLeaverStatus.None, CareLeavers.Classify(Facts("2008-05-10", E("2022-09-01", "2024-06-01", LegalStatus.V3), E("2024-06-01", null)), D("2024-06-10")));

    [Theory]
    [InlineData(LeapDayBirthday.March1, CareLeaverStatus.Eligible)] // still 17 on 2026-02-28
    [InlineData(LeapDayBirthday.February28, CareLeaverStatus.FormerRelevant)] // 18 on 2026-02-28
    public void Lc1Lc3_LeapDayBirth_18thBirthdayUnderEachOption(LeapDayBirthday rule, CareLeaverStatus expected) =>
        Assert.Equal(expected, CareLeavers.Classify(Facts("2008-02-29", E("2022-06-01", null)), D("2026-02-28"), LocalPolicy.Default with { LeapDayBirthday = rule }));

    // LC-2.
    [Fact]
    public void Lc2_EligibleChildLeavesCareAt17_Relevant()
    {
        var a = CareLeavers.Assess(Facts("2008-05-10", E("2023-01-01", "2025-06-01")), D("2025-07-01"));
        Assert.Equal(CareLeaverStatus.Relevant, a.Status);
        Assert.Equal("LC-2", a.Finding.Rule.Value);
    }

    [Theory]
    [InlineData("2025-11-30", CareLeaverStatus.Relevant)] // the day before six months at home
    [InlineData("2025-12-01", CareLeaverStatus.Qualifying)] // six months at home: no longer relevant
    public void Lc2_SixMonthsAtHomeWithAParent_EndsRelevantStatus(string asOf, CareLeaverStatus expected)
    {
        var facts = Facts("2008-05-10", E("2023-01-01", "2025-06-01")) with { LivingWithParentSince = D("2025-06-01") };
        Assert.Equal(expected, CareLeavers.Classify(facts, D(asOf)));
    }

    [Fact]
    public void Lc2_DetainedOn16thBirthdayAfter13WeeksSince14_Relevant()
    {
        var facts = Facts("2008-05-10", E("2023-01-01", "2024-05-01")) with { DetainedOrInHospitalOn16thBirthday = true };
        Assert.Equal(CareLeaverStatus.Relevant, CareLeavers.Classify(facts, D("2024-06-01")));
        Assert.Equal(CareLeaverStatus.None, CareLeavers.Classify(Facts("2008-05-10", E("2023-01-01", "2024-05-01")), D("2024-06-01")));
    }

    // LC-3.
    [Fact]
    public void Lc3_RelevantChildTurns18_FormerRelevant_DutiesTo21Or25()
    {
        var facts = Facts("2007-09-01", E("2022-01-01", "2025-03-01"));
        Assert.Equal(CareLeaverStatus.Relevant, CareLeavers.Classify(facts, D("2025-08-31")));
        var a = CareLeavers.Assess(facts, D("2025-09-01"));
        Assert.Equal(CareLeaverStatus.FormerRelevant, a.Status);
        Assert.Equal(D("2028-08-31"), a.CoreDutiesEnd);
        Assert.Equal(D("2032-08-31"), CareLeavers.Assess(facts with { InEducationOrTraining = true }, D("2025-09-01")).CoreDutiesEnd);
    }

    [Theory]
    [InlineData("2032-08-31", CareLeaverStatus.FormerRelevant)] // the day before 25
    [InlineData("2032-09-01", CareLeaverStatus.None)] // 25
    public void Lc3_FormerRelevantUntil25(string asOf, CareLeaverStatus expected) =>
        Assert.Equal(expected, CareLeavers.Classify(Facts("2007-09-01", E("2022-01-01", "2025-03-01")), D(asOf)));

    [Theory]
    [InlineData("2028-08-31", CareLeaverStatus.Qualifying)] // 20
    [InlineData("2028-09-01", CareLeaverStatus.None)] // 21
    public void Qualifying_LookedAfterAfter16ButNeverEligible_Until21(string asOf, CareLeaverStatus expected) =>
        Assert.Equal(expected, CareLeavers.Classify(Facts("2007-09-01", E("2024-01-01", "2024-02-01")), D(asOf)));

    // LC-4 worked examples.
    [Theory]
    [InlineData("2009-11-30", null, "2026-02-28")]
    [InlineData("2008-02-29", null, "2024-05-29")]
    [InlineData("2009-01-15", "2025-07-20", "2025-10-20")]
    public void Lc4_NeedsAssessmentDue(string dob, string? eligibleFrom, string expected) =>
        Assert.Equal(D(expected), CareLeavers.NeedsAssessmentDue(D(dob), eligibleFrom is null ? null : D(eligibleFrom)));

    // LC-5 worked examples.
    [Theory]
    [InlineData("2025-08-30", null, Outcome.NotApplicable)] // not yet required
    [InlineData("2025-08-31", null, Outcome.NotMet)] // 16 years 3 months
    [InlineData("2025-09-01", null, Outcome.NotMet)]
    [InlineData("2025-09-01", "2025-08-15", Outcome.Met)]
    public void Lc5_PathwayPlanFrom16y3m(string asOf, string? plan, Outcome expected)
    {
        var facts = Facts("2009-05-31", E("2023-06-01", null));
        Assert.Equal(D("2025-08-31"), CareLeavers.PathwayPlanRequiredFrom(facts.DateOfBirth));
        Assert.Equal(expected, CareLeavers.PathwayPlanInPlace(facts, plan is null ? null : D(plan), D(asOf)).Outcome);
    }

    // LC-6 worked examples.
    [Fact]
    public void Lc6_ReviewEverySixMonths_AndPostEighteenIroInvolvement()
    {
        Assert.Equal(D("2025-07-31"), CareLeavers.PathwayPlanReviewDue(D("2025-01-31")));
        Assert.Equal(D("2025-07-01"), CareLeavers.PostEighteenIroInvolvementEnds(D("2007-04-01")));
        Assert.Equal(D("2025-10-01"), CareLeavers.PostEighteenIroInvolvementEnds(D("2007-04-01"), LocalPolicy.Default with { PostEighteenIroReviewMonths = 6 }));
    }

    [Fact]
    public void BadInput_OverlappingEpisodes_Throws() =>
        Assert.Contains("overlapping", Assert.Throws<ArgumentException>(() => Facts("2008-05-10", E("2023-01-01", "2024-01-01"), E("2023-06-01", null))).Message, StringComparison.Ordinal);

    [Fact]
    public void BadInput_AsOfBeforeBirth_Throws() =>
        Assert.Equal("asOf", Assert.Throws<ArgumentException>(() => CareLeavers.Classify(Facts("2008-05-10"), D("2008-05-09"))).ParamName);
}
