using Iro.Rules.Explanations;
using Iro.Rules.Permanence;

namespace Iro.Rules.Tests.Permanence;

/// <summary>REV-8 and LOC-2 to LOC-4 worked examples and boundaries.</summary>
public class PermanenceFlagsTests
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    [Theory]
    [InlineData("2025-04-01", "2025-04-30", Outcome.Met)]
    [InlineData("2025-04-30", "2025-04-30", Outcome.Met)] // the same day
    [InlineData("2025-05-02", "2025-04-30", Outcome.NotMet)]
    [InlineData(null, "2025-04-30", Outcome.NotMet)]
    [InlineData("2025-04-01", null, Outcome.Pending)]
    public void Rev8_PermanencePlanBySecondReview(string? plan, string? second, Outcome expected)
    {
        var f = PermanenceFlags.PlanBySecondReview(plan is null ? null : D(plan), second is null ? null : D(second));
        Assert.Equal(expected, f.Outcome);
        Assert.Equal("REV-8", f.Rule.Value);
    }

    [Theory]
    [InlineData("2024-02-29", "2025-02-28", Outcome.Met)]
    [InlineData("2024-02-29", "2025-03-01", Outcome.NotMet)] // flagged from 2025-03-01
    [InlineData("2024-06-10", "2025-06-10", Outcome.Met)]
    [InlineData("2024-06-10", "2025-06-11", Outcome.NotMet)]
    public void Loc2_PlacementOrderOverTwelveMonths(string order, string asOf, Outcome expected) =>
        Assert.Equal(expected, PermanenceFlags.PlacementOrderDuration(D(order), null, D(asOf)).Outcome);

    [Fact]
    public void Loc2_Revoked_NotFlagged() =>
        Assert.Equal(Outcome.NotApplicable, PermanenceFlags.PlacementOrderDuration(D("2024-02-29"), D("2025-01-01"), D("2025-06-01")).Outcome);

    [Fact]
    public void Loc2_SwitchedOff_NotFlagged() =>
        Assert.Equal(Outcome.NotApplicable, PermanenceFlags.PlacementOrderDuration(D("2024-02-29"), null, D("2025-06-01"), LocalPolicy.Default with { AdoptionFlagsEnabled = false }).Outcome);

    [Theory]
    [InlineData("2024-05-31", "2025-02-28", Outcome.Met)]
    [InlineData("2024-05-31", "2025-03-01", Outcome.NotMet)]
    [InlineData("2024-07-15", "2025-04-15", Outcome.Met)]
    [InlineData("2024-07-15", "2025-04-16", Outcome.NotMet)]
    public void Loc3_WaitingForAdoptionOverNineMonths(string decision, string asOf, Outcome expected) =>
        Assert.Equal(expected, PermanenceFlags.AdoptionWait(D(decision), null, null, D(asOf)).Outcome);

    [Fact]
    public void Loc3_PlacedForAdoption_WaitEnded() =>
        Assert.Equal(Outcome.NotApplicable, PermanenceFlags.AdoptionWait(D("2024-05-31"), null, D("2025-01-10"), D("2025-06-01")).Outcome);

    [Fact]
    public void Loc3_WaitStartOption_UsesThePlacementOrder()
    {
        var policy = LocalPolicy.Default with { WaitStart = AdoptionWaitStart.PlacementOrder };
        Assert.Equal(Outcome.Met, PermanenceFlags.AdoptionWait(D("2024-05-31"), D("2024-08-01"), null, D("2025-03-01"), policy).Outcome);
        Assert.Equal(Outcome.NotMet, PermanenceFlags.AdoptionWait(D("2024-05-31"), null, null, D("2025-03-01")).Outcome);
        Assert.Equal(Outcome.NotApplicable, PermanenceFlags.AdoptionWait(D("2024-05-31"), null, null, D("2025-03-01"), policy).Outcome); // no order
    }

    [Theory]
    [InlineData(null, null, "2025-05-12", Outcome.Met)] // 10 weeks end 2025-05-12
    [InlineData(null, null, "2025-05-13", Outcome.NotMet)] // flagged from 2025-05-13
    [InlineData("2025-05-01", null, "2025-06-01", Outcome.NotApplicable)] // application made
    [InlineData(null, "2025-04-01", "2025-06-01", Outcome.NotApplicable)] // placement disrupted
    public void Loc4_PlacedForAdoptionOverTenWeeksWithoutApplication(string? application, string? disrupted, string asOf, Outcome expected) =>
        Assert.Equal(expected, PermanenceFlags.PlacedWithoutApplication(D("2025-03-03"), application is null ? null : D(application), disrupted is null ? null : D(disrupted), D(asOf)).Outcome);
}
