using System.IO;
using System.Text.Json;

namespace Iro.Rules.Tests.Cli;

/// <summary><c>iro worklist</c>: the worklist from SSDA903 files, read by the main job's code.</summary>
public sealed class IroWorklistTests
{
    private static readonly string Example = Path.Combine(AppContext.BaseDirectory, "Ssda903Samples");

    [Fact]
    public void Worklist_OnTheExampleReturn_GroupsByIro_UnallocatedLast_AndExitsIncomplete()
    {
        Iro.Result run = Iro.Run("worklist", "--ssda903", Example, "--as-of", "2025-11-10");
        Assert.Equal(1, run.ExitCode); // the example return has bad rows on purpose
        Assert.Equal("Worklist as of 2025-11-10, 8 weeks ahead to 2026-01-05: 10 items, 8 overdue.", run.Lines[0]);
        Assert.Equal("IRO IRO-A:", run.Lines[1]); // samples/ssda903/iro_allocations.csv
        Assert.Contains(run.Lines, l => l.StartsWith("  2024-11-01 overdue review child 1004 REV-3:", StringComparison.Ordinal));
        Assert.Contains("IRO IRO-B:", run.Lines);
        int unallocated = Array.IndexOf(run.Lines, "No IRO allocated:");
        Assert.True(unallocated > Array.IndexOf(run.Lines, "IRO IRO-B:"), "children with no IRO allocated are their own group, last");
        Assert.Contains(run.Lines, l => l.StartsWith("  2025-11-02 (book by 2025-10-31) overdue review child 1009 REV-3: Review 3 is due by 2025-11-02,", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("  2025-11-17 due review child 1002 REV-1:", StringComparison.Ordinal));
        Assert.StartsWith("INCOMPLETE (exit code 1): 2 children could not be evaluated", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains(run.ErrorLines, l => l.Contains("child 1007: IN-EPISODES", StringComparison.Ordinal));
    }

    [Fact]
    public void Worklist_Csv_HasTheWorklistColumns()
    {
        Iro.Result run = Iro.Run("worklist", "--ssda903", Example, "--as-of", "2025-11-10", "--weeks", "1", "--format", "csv");
        Assert.Equal("iro,child_id,item,rule_id,status,due_date,book_by,window_start,window_end,reason,citation", run.Lines[0]);
        Assert.Contains(run.Lines, l => l.StartsWith(",1009,review,REV-3,overdue,2025-11-02,2025-10-31,,,", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith(",1002,review,REV-1,due,2025-11-17,2025-11-17,,,", StringComparison.Ordinal)); // 7 days ahead: in a 1-week horizon
    }

    [Fact]
    public void Worklist_Json_AndTheHorizon()
    {
        Iro.Result run = Iro.Run("worklist", "--ssda903", Example, "--as-of", "2025-11-10", "--weeks", "0", "--format", "json");
        using JsonDocument json = JsonDocument.Parse(run.Output);
        Assert.Equal("2025-11-10", json.RootElement.GetProperty("horizonEnd").GetString());
        JsonElement[] items = json.RootElement.GetProperty("items").EnumerateArray().ToArray();
        Assert.All(items, i => Assert.Equal("overdue", i.GetProperty("status").GetString())); // nothing due today: only the overdue
        Assert.Equal(8, items.Length);
        Assert.All(items.Where(i => i.GetProperty("childId").GetString() == "1009"), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("iro").ValueKind)); // no IRO allocated
        Assert.All(items.Where(i => i.GetProperty("childId").GetString() == "1004"), i => Assert.Equal("IRO-A", i.GetProperty("iro").GetString()));
    }

    [Fact]
    public void Worklist_Iro_FiltersToOneIro_AndSaysWhenItHasNone()
    {
        Iro.Result run = Iro.Run("worklist", "--ssda903", Example, "--as-of", "2025-11-10", "--iro", "J Smith");
        Assert.Equal("Worklist as of 2025-11-10, 8 weeks ahead to 2026-01-05, IRO J Smith: 0 items, 0 overdue.", run.Lines[0]);
        Assert.Contains(run.ErrorLines, l => l == "iro worklist: no items for IRO 'J Smith' as of 2025-11-10; IROs with items: IRO-A, IRO-B.");

        Iro.Result one = Iro.Run("worklist", "--ssda903", Example, "--as-of", "2025-11-10", "--iro", "IRO-A", "--format", "csv");
        string[] rows = one.Lines.Skip(1).Where(l => l.Length > 0).ToArray();
        Assert.Equal(2, rows.Length); // child 1004's overdue review 3 and the visit before it
        Assert.All(rows, r => Assert.StartsWith("IRO-A,1004,", r, StringComparison.Ordinal));
    }

    [Fact]
    public void Worklist_Policy_ChangesTheVisitWindow_AndABadFileIsExit2()
    {
        string policy = Path.Combine(Path.GetTempPath(), "iro-worklist-policy-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            File.WriteAllText(policy, "{ \"iroVisitWindowDays\": 28 }");
            Iro.Result run = Iro.Run("worklist", "--ssda903", Example, "--as-of", "2025-11-10", "--policy", policy, "--format", "csv");
            Assert.Equal(1, run.ExitCode); // the example's bad rows, as without a policy
            Assert.Contains(run.Lines, l => l.StartsWith(",1002,iro-visit,REV-10,due,2025-11-17,,2025-10-20,2025-11-17,", StringComparison.Ordinal)); // 28 days before, not 42 (2025-10-06)

            File.WriteAllText(policy, "{ \"iroVisitWindowDays\": 400 }");
            Iro.Result bad = Iro.Run("worklist", "--ssda903", Example, "--as-of", "2025-11-10", "--policy", policy);
            Assert.Equal(2, bad.ExitCode);
            Assert.Single(bad.ErrorLines);
            Assert.Contains("iroVisitWindowDays", bad.Error, StringComparison.Ordinal);
            Assert.Contains("400", bad.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", bad.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(policy);
        }
    }

    [Theory]
    [InlineData("--weeks", "53", "--weeks")]
    [InlineData("--weeks", "x", "--weeks")]
    [InlineData("--as-of", "10/11/2025", "--as-of")]
    public void Worklist_BadOption_IsOneLine_Exit2(string option, string value, string named)
    {
        Iro.Result run = Iro.Run("worklist", "--ssda903", Example, "--as-of", "2025-11-10", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains(named, run.ErrorLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Worklist_NoSuchFolder_OrNoAsOf_Exit2()
    {
        Iro.Result missing = Iro.Run("worklist", "--ssda903", Path.Combine(Example, "nope"), "--as-of", "2025-11-10");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such folder", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, Iro.Run("worklist", "--ssda903", Example).ExitCode);
        Assert.Equal(2, Iro.Run("worklist", "--as-of", "2025-11-10").ExitCode);
    }
}
