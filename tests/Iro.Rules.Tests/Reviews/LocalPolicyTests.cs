using Iro.Rules.Reviews;
using Iro.Rules.Timescales;

namespace Iro.Rules.Tests.Reviews;

/// <summary>Pins every default of <see cref="LocalPolicy"/> (RULES.md section 8).</summary>
public class LocalPolicyTests
{
    [Fact]
    public void Default_HasTheDocumentedValues()
    {
        var p = LocalPolicy.Default;
        Assert.True(p.ResetScheduleOnEveryReview);
        Assert.Equal(ReviewDateBasis.LastPart, p.ReviewDateBasis);
        Assert.False(p.TreatLawfulAdjournmentAsOnTime);
        Assert.True(p.TreatV3V4AsShortBreaks);
        Assert.Equal(5, p.RecommendationsDueWorkingDays);
        Assert.Equal(15, p.MinutesDueWorkingDays);
        Assert.Equal(42, p.IroVisitWindowDays);
        Assert.True(p.CountSameDayVisit);
        Assert.Equal(LeapDayBirthday.March1, p.LeapDayBirthday);
    }

    [Fact]
    public void With_ChangesOneValue_AndLeavesTheDefaultAlone()
    {
        var strict = LocalPolicy.Default with { MinutesDueWorkingDays = 20 };
        Assert.Equal(20, strict.MinutesDueWorkingDays);
        Assert.Equal(15, LocalPolicy.Default.MinutesDueWorkingDays);
    }

    [Fact]
    public void NegativeDays_ThrowNamingTheOption()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LocalPolicy.Default with { IroVisitWindowDays = -1 });
        Assert.Equal("IroVisitWindowDays", e.ParamName);
    }
}
