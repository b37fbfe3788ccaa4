using System.IO;
using System.Text.Json;

namespace Iro.Rules.Tests.Cli;

/// <summary><c>iro reviews --policy</c>: the council's policy changes the timetable and the answer says so; a bad file is
/// refused in one line (exit 2).</summary>
public sealed class IroPolicyTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("iro-policy-cli-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    private string File(string json)
    {
        string path = Path.Combine(dir, "council.json");
        System.IO.File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Reviews_WithAPolicy_UsesIt_AndSaysSo()
    {
        string policy = File("{ \"resetScheduleOnEveryReview\": false }");

        var statutory = Iro.Run("reviews", "2025-01-06", "2025-02-04", "2025-03-20", "--as-of", "2025-11-01");
        var council = Iro.Run("reviews", "2025-01-06", "2025-02-04", "2025-03-20", "--as-of", "2025-11-01", "--policy", policy);

        Assert.Equal(0, council.ExitCode);
        // Review 3: 6 months after review 2 as held (2025-03-20), or after its due date 2025-05-04 on a fixed anniversary.
        Assert.Contains("Next: review 3 due by 2025-09-20 (Saturday), overdue as of 2025-11-01.", statutory.Lines);
        Assert.Contains("Next: review 3 due by 2025-11-04 (Tuesday), not yet due as of 2025-11-01.", council.Lines);
        Assert.Equal($"Policy: {policy}, departing from the statutory and documented defaults in 1 setting: resetScheduleOnEveryReview false (default true; REV-2, REV-3, REV-4).", council.Lines[^1]);
        Assert.DoesNotContain(statutory.Lines, l => l.StartsWith("Policy:", StringComparison.Ordinal));
    }

    [Fact]
    public void Reviews_Json_RecordsThePolicy()
    {
        string policy = File("{ \"minutesDueWorkingDays\": 20 }");
        var run = Iro.Run("reviews", "2025-01-06", "2025-02-04", "--as-of", "2025-03-01", "--format", "json", "--policy", policy);

        Assert.Equal(0, run.ExitCode);
        JsonElement p = JsonDocument.Parse(run.Output).RootElement.GetProperty("policy");
        Assert.Equal(policy, p.GetProperty("file").GetString());
        JsonElement d = Assert.Single(p.GetProperty("departures").EnumerateArray());
        Assert.Equal(("minutesDueWorkingDays", 20, 15), (d.GetProperty("key").GetString(), d.GetProperty("value").GetInt32(), d.GetProperty("default").GetInt32()));
        Assert.Contains("minutes due by 2025-03-04 (20 working days)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reviews_BadPolicy_IsRefusedInOneLine()
    {
        string policy = File("{\n  \"minutesDueWorkingDays\": 2.5\n}");
        var run = Iro.Run("reviews", "2025-01-06", "--as-of", "2025-03-01", "--policy", policy);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"iro reviews: --policy: {policy}, line 2, column 28: \"minutesDueWorkingDays\" 2.5 is not a whole number; allowed: a whole number from 0 to 250 (REV-6).",
            Assert.Single(run.ErrorLines));
        Assert.Empty(run.Output);

        var missing = Iro.Run("reviews", "2025-01-06", "--as-of", "2025-03-01", "--policy", Path.Combine(dir, "none.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file", Assert.Single(missing.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Caseload_TakesThePolicy_AsTheMainJobDoes()
    {
        string policy = File("{ \"section20FlagMonths\": 7 }");
        string output = Path.Combine(dir, "out");
        var run = Iro.Run("caseload", "--count", "20", "--out", output, "--policy", policy);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(run.Lines, l => l.StartsWith($"Policy: {policy}, departing", StringComparison.Ordinal));
        using var figures = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(output, "figures.json")));
        Assert.Equal("section20FlagMonths", figures.RootElement.GetProperty("policy").GetProperty("departures")[0].GetProperty("key").GetString());
    }
}
