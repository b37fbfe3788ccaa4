using System.Linq;
using Iro.Rules.Explanations;
using Xunit;

namespace Iro.Rules.Tests.Explanations;

public class RuleIdTests
{
    [Theory]
    [InlineData("REV-1", "First review within 20 working days")]
    [InlineData("LOC-3", "Waiting for adoption over 9 months")]
    [InlineData("903-W", "An SSDA903 return is a window, not a history")]
    [InlineData("XYZ-9", "XYZ-9")] // unknown: the id itself
    public void Title_IsReadableAtRunTime(string id, string title) => Assert.Equal(title, new RuleId(id).Title);

    [Fact]
    public void NaturalOrder_PutsRev2BeforeRev10()
    {
        var ids = new[] { "REV-10", "REV-2", "LOC-1", "REV-1" }.Select(i => new RuleId(i)).Order().Select(r => r.Value);
        Assert.Equal(new[] { "LOC-1", "REV-1", "REV-2", "REV-10" }, ids);
    }

    [Fact]
    public void EveryStaticRuleId_HasATitle() =>
        Assert.All(typeof(RuleId).GetProperties().Where(p => p.PropertyType == typeof(RuleId) && p.GetMethod!.IsStatic),
            p => Assert.NotEqual(((RuleId)p.GetValue(null)!).Value, ((RuleId)p.GetValue(null)!).Title));
}
