using Iro.Rules.Explanations;
using Iro.Rules.Secure;

namespace Iro.Rules.Tests.Secure;

/// <summary>SEC-1, SEC-4 and SEC-5 worked examples, and the s25(1) criteria.</summary>
public class SecureAccommodationTests
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    [Theory]
    [InlineData(true, true, true, false, true, SecureCriteriaLimb.Absconding)]
    [InlineData(true, true, false, false, false, SecureCriteriaLimb.None)] // no likely significant harm: limb (a) fails
    [InlineData(false, true, true, false, false, SecureCriteriaLimb.None)]
    [InlineData(false, false, false, true, true, SecureCriteriaLimb.Injury)]
    [InlineData(true, true, true, true, true, SecureCriteriaLimb.Absconding | SecureCriteriaLimb.Injury)]
    public void Criteria_WhichLimb(bool history, bool likely, bool harm, bool injury, bool met, SecureCriteriaLimb limbs)
    {
        var r = SecureAccommodation.Criteria(new SecureCriteriaFacts(history, likely, harm, injury));
        Assert.Equal(met, r.IsMet);
        Assert.Equal(limbs, r.Limbs);
        Assert.Equal("CA 1989 s25(1)", r.Finding.Citation.ShortForm);
    }

    [Fact]
    public void Criteria_NotMet_SaysWhatIsMissing() =>
        Assert.Contains("not likely to suffer significant harm", SecureAccommodation.Criteria(new SecureCriteriaFacts(true, true, false, false)).Finding.Summary, StringComparison.Ordinal);

    // SEC-1 worked examples.
    [Fact]
    public void Eligibility_Aged12y11m_NoApproval_Breach()
    {
        var f = SecureAccommodation.Eligibility(D("2012-06-15"), D("2025-05-20"));
        Assert.Equal(Outcome.NotMet, f.Outcome);
        Assert.Equal(ReasonCodes.UnderThirteenWithoutApproval, f.Reason);
    }

    [Fact]
    public void Eligibility_On13thBirthday_Reg4NotEngaged() =>
        Assert.Equal(Outcome.Met, SecureAccommodation.Eligibility(D("2012-06-15"), D("2025-06-15")).Outcome);

    [Fact]
    public void Eligibility_Under13WithApproval_Met() =>
        Assert.Equal(Outcome.Met, SecureAccommodation.Eligibility(D("2014-01-01"), D("2025-06-15"), secretaryOfStateApproval: true).Outcome);

    [Fact]
    public void Eligibility_17AccommodatedUnderS20_5_S25DoesNotApply()
    {
        var f = SecureAccommodation.Eligibility(D("2008-01-01"), D("2025-06-15"), SecureExclusion.AccommodatedUnderSection20Subsection5);
        Assert.Equal(Outcome.NotApplicable, f.Outcome);
        Assert.Equal(ReasonCodes.S25NotApplicable, f.Reason);
    }

    [Fact]
    public void Eligibility_Aged18_NotAChild() =>
        Assert.Equal(Outcome.NotApplicable, SecureAccommodation.Eligibility(D("2007-06-15"), D("2025-06-15")).Outcome);

    // SEC-4 worked examples.
    [Theory]
    [InlineData("2025-01-31", "2025-04-30", false, true)]
    [InlineData("2025-01-31", "2025-05-01", false, false)]
    [InlineData("2025-04-30", "2025-10-30", true, true)]
    [InlineData("2025-04-30", "2025-10-31", true, false)]
    [InlineData("2025-01-31", "2025-05-31", false, false)] // a first order stated as 4 months
    public void Order_MaximumPeriods(string start, string end, bool renewal, bool ok) =>
        Assert.Equal(ok ? Outcome.Met : Outcome.NotMet, SecureAccommodation.AssessOrder(new SecureOrder(D(start), D(end), renewal)).Outcome);

    [Fact]
    public void Order_Remand_CannotExceedTheRemand()
    {
        var f = SecureAccommodation.AssessOrder(new SecureOrder(D("2025-01-31"), D("2025-03-31"), RemandEnds: D("2025-03-14")));
        Assert.Equal(Outcome.NotMet, f.Outcome);
        Assert.Contains("the end of the remand (reg 13)", f.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_EndBeforeStart_Throws() =>
        Assert.Equal("order", Assert.Throws<ArgumentException>(() => SecureAccommodation.AssessOrder(new SecureOrder(D("2025-01-31"), D("2025-01-30")))).ParamName);

    // SEC-5 worked examples.
    [Fact]
    public void Reviews_FirstWithinAMonth_ThenThreeMonthly()
    {
        var t = SecureAccommodation.Reviews(D("2025-01-31"), new[] { new SecureReview(D("2025-02-27"), 3, 1) }, D("2025-03-01"));
        Assert.Equal(D("2025-02-28"), t.Reviews[0].DueBy);
        Assert.True(t.Reviews[0].OnTime);
        Assert.Equal(D("2025-05-27"), t.NextDueBy);
        Assert.False(t.IsOverdue);
    }

    [Fact]
    public void Reviews_PanelOfTwo_IsABreach()
    {
        var r = SecureAccommodation.Reviews(D("2025-01-31"), new[] { new SecureReview(D("2025-02-27"), 2, 1) }, D("2025-03-01")).Reviews[0];
        Assert.False(r.PanelMeetsRegulations);
        Assert.Equal(Outcome.NotMet, r.Finding.Outcome);
        Assert.Equal(ReasonCodes.PanelComposition, r.Finding.Reason);
    }

    [Fact]
    public void Reviews_NoneHeld_OverdueAfterOneMonth()
    {
        Assert.False(SecureAccommodation.Reviews(D("2025-01-31"), Array.Empty<SecureReview>(), D("2025-02-28")).IsOverdue);
        Assert.True(SecureAccommodation.Reviews(D("2025-01-31"), Array.Empty<SecureReview>(), D("2025-03-01")).IsOverdue);
    }
}
