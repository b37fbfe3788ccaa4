using Iro.Rules.Escalation;
using Iro.Rules.Explanations;

namespace Iro.Rules.Tests.Escalation;

/// <summary>IRO-1, IRO-3 and DRP-1 worked examples and boundaries.</summary>
public class EscalationTests
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    private static LocalDateTime T(string iso) => NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(iso).GetValueOrThrow();

    [Theory]
    [InlineData("2025-01-07T09:00:00", Outcome.Met)]
    [InlineData("2025-01-07T10:00:00", Outcome.Met)] // exactly 24 hours
    [InlineData("2025-01-07T11:00:00", Outcome.NotMet)]
    public void Iro1_AllocatedWithin24Hours(string allocated, Outcome expected) =>
        Assert.Equal(expected, IroChecks.AllocatedInTime(T("2025-01-06T10:00:00"), T(allocated), T("2025-02-01T00:00:00")).Outcome);

    [Fact]
    public void Iro1_NotYetAllocated_PendingThenNotMet()
    {
        Assert.Equal(Outcome.Pending, IroChecks.AllocatedInTime(T("2025-01-06T10:00:00"), null, T("2025-01-07T09:00:00")).Outcome);
        Assert.Equal(Outcome.NotMet, IroChecks.AllocatedInTime(T("2025-01-06T10:00:00"), null, T("2025-01-07T10:01:00")).Outcome);
    }

    [Theory]
    [InlineData("2025-02-03", Outcome.Met)]
    [InlineData("2025-02-04", Outcome.NotMet)]
    public void Iro1_AppointedBeforeFirstReview(string appointed, Outcome expected) =>
        Assert.Equal(expected, IroChecks.AppointedBeforeFirstReview(D(appointed), D("2025-02-03")).Outcome);

    [Theory]
    [InlineData(72, 1.0, CaseloadBand.Above)]
    [InlineData(70, 1.0, CaseloadBand.Within)]
    [InlineData(40, 0.6, CaseloadBand.Within)] // limit 42
    [InlineData(43, 0.6, CaseloadBand.Above)]
    [InlineData(45, 1.0, CaseloadBand.Below)]
    public void Iro3_Caseload(int children, double fte, CaseloadBand expected) =>
        Assert.Equal(expected, IroChecks.Caseload(children, (decimal)fte).Band);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Iro3_ZeroOrNegativeFte_Throws(double fte) =>
        Assert.Equal("fullTimeEquivalent", Assert.Throws<ArgumentOutOfRangeException>(() => IroChecks.Caseload(50, (decimal)fte)).ParamName);

    // DRP-1 worked examples.
    [Theory]
    [InlineData("2025-03-31", true)] // the deadline itself
    [InlineData("2025-04-01", false)]
    public void Drp1_ResolvedAtStage3(string resolved, bool within)
    {
        var e = new DisputeEscalation(new[] { new EscalationStep(1, D("2025-03-03")), new EscalationStep(3, D("2025-03-20")) }, D(resolved));
        var a = DisputeResolution.Assess(e, D("2025-06-01"));
        Assert.Equal(D("2025-03-31"), a.Overall.DueBy);
        Assert.Equal(within, a.IsWithinLimit);
        Assert.Equal("DRP-1", a.Findings[0].Rule.Value);
    }

    [Fact]
    public void Drp1a_ClockStart_FirstStageOrFirstFormalStage()
    {
        var e = new DisputeEscalation(new[] { new EscalationStep(1, D("2025-03-03")), new EscalationStep(2, D("2025-03-17")) }, D("2025-04-10"));
        Assert.False(DisputeResolution.Assess(e, D("2025-06-01")).IsWithinLimit);
        var formal = LocalPolicy.Default with { DisputeResolution = DisputeResolutionProtocol.Manchester with { ClockStart = DrpClockStart.FirstFormalStage } };
        var a = DisputeResolution.Assess(e, D("2025-06-01"), formal);
        Assert.Equal(D("2025-04-14"), a.Overall.DueBy);
        Assert.True(a.IsWithinLimit);
    }

    [Theory]
    [InlineData("2025-12-15", "2026-01-15")] // across Christmas and New Year
    [InlineData("2025-04-14", "2025-05-15")] // across Easter and the Early May bank holiday
    public void Drp1_DeadlineAcrossHolidays(string start, string expected) =>
        Assert.Equal(D(expected), DisputeResolution.DeadlineFrom(D(start)));

    [Fact]
    public void Drp1_CafcassReferralClosesTheInternalClock()
    {
        var e = new DisputeEscalation(new[] { new EscalationStep(1, D("2025-03-03")), new EscalationStep(6, D("2025-03-25")) });
        var a = DisputeResolution.Assess(e, D("2025-06-01"));
        Assert.True(a.IsWithinLimit);
        Assert.Contains("referred to Cafcass on 2025-03-25", a.Findings[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Drp1_Unresolved_OverdueAfterTheDeadline()
    {
        var e = new DisputeEscalation(new[] { new EscalationStep(1, D("2025-03-03")) });
        Assert.True(DisputeResolution.Assess(e, D("2025-03-31")).IsWithinLimit);
        Assert.False(DisputeResolution.Assess(e, D("2025-04-01")).IsWithinLimit);
    }

    [Fact]
    public void Drp1_CouncilsOwnStageLimits_AreData()
    {
        var protocol = new DisputeResolutionProtocol(new[]
        {
            new DrpStage(1, "Alert to social worker and team manager", IsFormal: false, LimitWorkingDays: 10),
            new DrpStage(2, "Formal dispute resolution", IsFormal: true),
        });
        var e = new DisputeEscalation(new[] { new EscalationStep(1, D("2025-03-03")) });
        var a = DisputeResolution.Assess(e, D("2025-03-18"), LocalPolicy.Default with { DisputeResolution = protocol });
        Assert.Equal(1, a.OverdueStage); // 10 working days ended 2025-03-17
        Assert.Equal(D("2025-03-17"), a.Steps[0].Deadline!.Value.DueBy);
    }

    [Fact]
    public void Drp1_BadInput_NamesTheFieldAndValue()
    {
        var before = Assert.Throws<ArgumentException>(() => DisputeResolution.Assess(new DisputeEscalation(new[] { new EscalationStep(2, D("2025-03-10"), D("2025-03-09")) }), D("2025-06-01")));
        Assert.Contains("completed 2025-03-09", before.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<ArgumentException>(() => DisputeResolution.Assess(new DisputeEscalation(new[] { new EscalationStep(9, D("2025-03-10")) }), D("2025-06-01")));
        Assert.Contains("stage 9", unknown.Message, StringComparison.Ordinal);
    }
}
