using System.IO;
using System.Text.Json;

namespace Iro.Rules.Tests.EndToEnd;

/// <summary>The main job's <c>--policy</c>: the file changes the run, and every output records the policy it ran under;
/// a bad file is refused like any bad input.</summary>
public class MainJobPolicyTests
{
    [Fact]
    public void PolicyFile_ChangesTheFlags_AndEveryOutputRecordsIt()
    {
        using var folder = new JobFolder();
        string input = folder.Return("clean", Returns.Header, Returns.Episodes, Returns.Reviews);
        string[] args = [.. Returns.Args(folder.Out, input), "--full-history"];

        // A1 has been accommodated under s20 (V2) since 2025-01-06: over 3 months by the default, not over 12.
        JobRun defaults = MainJobProcess.Run(args);
        Assert.True(defaults.ExitCode == 0, defaults.ToString());
        Assert.Contains(folder.Csv("flags.csv"), row => row[0] == "A1" && row[1] == "LOC-1");
        Assert.Contains("Policy: the statutory and documented defaults (no --policy).", defaults.Stdout, StringComparison.Ordinal);
        JsonElement policy = folder.Figures().GetProperty("policy");
        Assert.Equal(JsonValueKind.Null, policy.GetProperty("file").ValueKind);
        Assert.Equal(0, policy.GetProperty("departures").GetArrayLength());
        Assert.Contains("Policy: the statutory and documented defaults (no policy file).", File.ReadAllText(folder.OutFile("report.html")), StringComparison.Ordinal);

        string file = Path.Combine(folder.Root, "council.json");
        File.WriteAllText(file, "{\n  // LOC-1 after a year\n  \"section20FlagMonths\": 12,\n  \"minutesDueWorkingDays\": 20\n}\n");
        JobRun council = MainJobProcess.Run([.. args, "--policy", file]);

        Assert.True(council.ExitCode == 0, council.ToString());
        Assert.DoesNotContain(folder.Csv("flags.csv"), row => row[1] == "LOC-1");
        Assert.Contains(
            $"Policy: {file}, departing from the statutory and documented defaults in 2 settings: minutesDueWorkingDays 20 (default 15; REV-6); section20FlagMonths 12 (default 3; LOC-1).",
            council.Stdout,
            StringComparison.Ordinal);
        policy = folder.Figures().GetProperty("policy");
        Assert.Equal(file, policy.GetProperty("file").GetString());
        JsonElement[] departures = [.. policy.GetProperty("departures").EnumerateArray()];
        Assert.Equal(["minutesDueWorkingDays", "section20FlagMonths"], departures.Select(d => d.GetProperty("key").GetString()));
        JsonElement s20 = departures[1];
        Assert.Equal(12, s20.GetProperty("value").GetInt32());
        Assert.Equal(3, s20.GetProperty("default").GetInt32());
        Assert.Equal(["LOC-1"], s20.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        string html = File.ReadAllText(folder.OutFile("report.html"));
        Assert.Contains("departs from the statutory and documented defaults in 2 settings", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td><code>section20FlagMonths</code></td><td><code>12</code></td><td><code>3</code></td><td>LOC-1</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleCouncilPolicy_RunsOnTheSyntheticCaseload()
    {
        using var folder = new JobFolder();
        JobRun run = MainJobProcess.Run("--count", "50", "--out", folder.Out, "--policy", Policy.PolicySchemaTests.SamplePath);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            ["minutesDueWorkingDays", "iroVisitWindowDays", "disputeResolution.clockStart", "postEighteenIroReviewMonths", "section20FlagMonths"],
            folder.Figures().GetProperty("policy").GetProperty("departures").EnumerateArray().Select(d => d.GetProperty("key").GetString()));
    }

    [Theory]
    [InlineData("{ \"section20FlagMonths\": 0 }", "line 1, column 26: \"section20FlagMonths\" 0 is out of range; allowed: a whole number from 1 to 120 (LOC-1).")]
    [InlineData("{ \"section20FlagMonth\": 6 }", "\"section20FlagMonth\" is not a key of the policy file (did you mean \"section20FlagMonths\"?)")]
    [InlineData("{ \"section20FlagMonths\": \"6\" }", "\"section20FlagMonths\" \"6\" is a string, not a number (write it without quotes)")]
    [InlineData("{ \"section20FlagMonths\": 6, }", "not valid JSON")]
    public void BadPolicyFile_IsRefused_InOneLine_NothingWritten(string json, string expected)
    {
        using var folder = new JobFolder();
        string file = Path.Combine(folder.Root, "council.json");
        File.WriteAllText(file, json);

        JobRun run = MainJobProcess.Run("--count", "10", "--out", folder.Out, "--policy", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        string first = run.Stderr.Split('\n')[0];
        Assert.StartsWith($"CaseloadReport: --policy {file}, line 1, column ", first, StringComparison.Ordinal);
        Assert.Contains(expected, first, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        Assert.False(Directory.Exists(folder.Out));
    }

    [Fact]
    public void MissingPolicyFile_IsRefused()
    {
        using var folder = new JobFolder();
        JobRun run = MainJobProcess.Run("--count", "10", "--out", folder.Out, "--policy", "no-such-policy.json");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("CaseloadReport: --policy 'no-such-policy.json': no such file", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Out));
    }
}
