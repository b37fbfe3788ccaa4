using System;
using System.IO;
using System.Linq;
using System.Text;
using Iro.Rules.Explanations;

namespace Iro.Rules.Tests.Docs;

/// <summary>docs/rules.md is generated from the library's own rule catalogue and must be current.</summary>
public class RulesReferenceTests
{
    /// <summary>The markdown docs/rules.md holds, rendered from <see cref="RuleCatalogue"/>.</summary>
    public static string Render()
    {
        var md = new StringBuilder();
        md.Append("# Rules reference\n\n");
        md.Append("Every rule Iro.Rules implements: its id (as every finding, flag and figure names it), title, legal or local\n");
        md.Append("source, the public API that implements it, and the readings a council can set in `LocalPolicy` (with the\n");
        md.Append("defaults). Generated from `RuleCatalogue.All`; a test fails when this file is out of date (set\n");
        md.Append("`IRO_UPDATE_DOCS=1` and run the tests to regenerate it). The weekly flag list's rules and how it reads a record\n");
        md.Append("are in [weekly-list.md](weekly-list.md).\n\n");
        md.Append("| Rule | Title | Source | API |\n|---|---|---|---|\n");
        foreach (RuleInfo r in RuleCatalogue.All)
        {
            md.Append($"| {r.Id} | {r.Title} | {r.Citation.ShortForm} | {r.Api} |\n");
        }

        md.Append("\n## Configurable readings\n\n");
        md.Append("A council sets these in a policy file (JSON), read with `LocalPolicy.Load` and the main job's `--policy`: each key is\n");
        md.Append("the property's name in camelCase (`MinutesDueWorkingDays` is `minutesDueWorkingDays`), and a key left out keeps its\n");
        md.Append("default. The keys' types, ranges and defaults are in the JSON Schema\n");
        md.Append("[schemas/local-policy.schema.json](../schemas/local-policy.schema.json); an example is\n");
        md.Append("[samples/policy/council.json](../samples/policy/council.json).\n\n");
        md.Append("| Rule | `LocalPolicy` property | Default | Meaning |\n|---|---|---|---|\n");
        foreach (RuleInfo r in RuleCatalogue.All)
        {
            foreach (RuleOption o in r.Options)
            {
                md.Append($"| {r.Id} | `{o.Property}` | {o.Default} | {o.Meaning} |\n");
            }
        }

        return md.ToString();
    }

    [Fact]
    public void DocsRulesMd_IsCurrent()
    {
        string path = Path.Combine(RepositoryRoot(), "docs", "rules.md");
        string expected = Render();
        if (Environment.GetEnvironmentVariable("IRO_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "docs/rules.md is missing: run the tests with IRO_UPDATE_DOCS=1.");
        Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryRuleTheWeeklyListRuns_IsInTheCatalogue() =>
        Assert.All(Iro.Rules.Caseload.CaseloadEvaluator.Rules.SelectMany(r => r.Ids), id => Assert.Equal(id, RuleCatalogue.Get(id).Id));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Iro.Rules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Iro.Rules.sln) was not found above the test binaries.");
    }
}
