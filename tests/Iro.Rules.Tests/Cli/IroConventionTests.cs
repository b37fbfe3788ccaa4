using System.IO;
using System.Text.RegularExpressions;
using Iro.Rules.Cli;

namespace Iro.Rules.Tests.Cli;

/// <summary>What every <c>iro</c> command does alike: help with an example, one-line errors with exit code 2, no stack trace, --version.</summary>
public sealed class IroConventionTests
{
    public static TheoryData<string> CommandNames() => new(IroApp.Commands().Select(static c => c.Name));

    public static TheoryData<string[], string> BadInput() => new()
    {
        { ["deadline", "2025-13-01"], "iro deadline: <date>: '2025-13-01' is not a date: dates are yyyy-MM-dd, for example 2025-04-17" },
        { ["deadline", "17/04/2025"], "iro deadline: <date>: '17/04/2025' is not a date: dates are yyyy-MM-dd, for example 2025-04-17" },
        { ["deadline", "2025-04-17", "--working-days", "twenty"], "iro deadline: --working-days: 'twenty' is not a whole number" },
        { ["deadline", "2025-04-17", "--jurisdiction", "wales"], "iro deadline: --jurisdiction: 'wales' is not one of england-and-wales, scotland, northern-ireland, any-uk-part" },
        { ["deadline", "1960-01-01"], "iro deadline: <date> was 1960-01-01; the supported range is 1971-01-01 to 2100-12-31 inclusive." },
        { ["deadline", "2100-12-20", "--working-days", "20"], "iro deadline: --working-days was 20: counting from 2100-12-20 would leave the supported range 1971-01-01 to 2100-12-31." },
        { ["deadline"], "iro deadline: Required argument 'date' missing for command: 'deadline'." },
        { ["deadline", "2025-04-17", "extra"], "iro deadline: Unrecognized command or argument 'extra'." },
        { ["holidays", "1900"], "iro holidays: <year>: 1900 is outside the years covered, 1971-2100" },
        { ["holidays", "next"], "iro holidays: <year>: 'next' is not a year such as 2026" },
        { ["holidays", "2026", "--format", "xml"], "iro holidays: --format: 'xml' is not one of text, json, csv" },
        { ["holidays", "2026", "--govuk-json", "no-such-file.json"], "iro holidays: --govuk-json: no such file '" },
        { ["holidays", "2026", "--govuk-json", "x.json", "--jurisdiction", "any-uk-part"], "iro holidays: --govuk-json: a GOV.UK file has one division per part of the UK; use --jurisdiction england-and-wales, scotland, northern-ireland, not any-uk-part" },
        { ["reviews", "2025-01-06", "2025-02-04", "--as-of", "2025-01-30"], "iro reviews: <review-date> has a review on 2025-02-04, after --as-of 2025-01-30: only reviews already held can be assessed (REV-1)." },
        { ["reviews", "2025-01-06", "2024-12-01", "--as-of", "2025-03-01"], "iro reviews: <review-date> has a review on 2024-12-01, before the period of care began on 2025-01-06 (REV-1)." },
        { ["reviews", "1980-01-01", "--as-of", "1980-06-01"], "iro reviews: <period-start> was 1980-01-01; review timetables are modelled from 1991-10-14" },
        { ["reviews", "2025-01-06", "2025-02-31"], "iro reviews: <review-date>: '2025-02-31' is not a date: dates are yyyy-MM-dd, for example 2025-04-17" },
        { ["reviews", "2025-01-06", "--as-of", "1/3/2025"], "iro reviews: --as-of: '1/3/2025' is not a date: dates are yyyy-MM-dd, for example 2025-04-17" },
        { ["rules", "REV-99"], "iro rules: <id>: no rule 'REV-99'; the rules are 903-W, AGE-1, CAL-1," },
        { ["frobnicate"], "iro: Unrecognized command or argument 'frobnicate'. The commands are deadline, holidays, reviews, rules, caseload, worklist; 'iro --help' shows each with an example." },
        { [], "iro: no command given. The commands are deadline, holidays, reviews, rules, caseload, worklist; 'iro --help' shows each with an example." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void BadInput_ExitsTwoWithOneLineNamingTheArgumentAndNoStackTrace(string[] args, string expectedStart)
    {
        var run = Iro.Run(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"^\s+at ", RegexOptions.Multiline), run.Error);
    }

    [Fact]
    public void BadGovUkFile_NamesTheFileAndTheProblem()
    {
        string file = Path.Combine(Path.GetTempPath(), $"iro-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "not json");
        try
        {
            var run = Iro.Run("holidays", "2026", "--govuk-json", file);

            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            string line = Assert.Single(run.ErrorLines);
            Assert.StartsWith($"iro holidays: --govuk-json: {Path.GetFileName(file)}: ", line, StringComparison.Ordinal);
            Assert.Contains("not valid JSON", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Verbose_AddsTheStackTrace()
    {
        var run = Iro.Run("deadline", "1960-01-01", "--verbose");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("iro deadline: <date> was 1960-01-01", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("System.ArgumentOutOfRangeException", run.Error, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^\s+at ", RegexOptions.Multiline), run.Error);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Help_ShowsUsageAnExampleAndTheExitCodes(string command)
    {
        var run = Iro.Run(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"iro {command}", run.Output, StringComparison.Ordinal);
        int examples = Array.IndexOf(run.Lines, "Examples:");
        Assert.True(examples > 0, run.Output);
        Assert.StartsWith($"  iro {command} ", run.Lines[examples + 1], StringComparison.Ordinal);
        // iro caseload is the main job, whose help lists the exit codes one a line.
        Assert.Contains(command == "caseload" ? "Exit codes:\n  0  done" : "Exit codes: 0 done; 1 done but incomplete", run.Output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ForTheToolListsEveryCommandWithAnExample()
    {
        var run = Iro.Run("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  iro deadline 2025-04-17 --working-days 20", run.Lines);
        foreach (IroCommand command in IroApp.Commands())
        {
            Assert.Contains(run.Lines, l => l.TrimStart().StartsWith(command.Name, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Help_EveryExampleRuns(string command)
    {
        foreach (string example in IroApp.Commands().Single(c => c.Name == command).Examples.Where(static e => !e.Contains("--govuk-json", StringComparison.Ordinal) && !e.Contains("--ssda903", StringComparison.Ordinal) && !e.Contains("--policy", StringComparison.Ordinal)))
        {
            var run = Iro.Run(example.Split(' ').Skip(1).ToArray());
            Assert.True(run.ExitCode == 0, $"{example}: exit {run.ExitCode}: {run.Error}");
            Assert.NotEqual(string.Empty, run.Output);
        }
    }

    [Fact]
    public void Version_PrintsThePackageVersion()
    {
        var run = Iro.Run("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", Assert.Single(run.Lines));
        Assert.Equal(IroApp.Version, run.Lines[0]);
    }

    [Theory]
    [InlineData("holidays", "2026")]
    [InlineData("reviews", "2025-01-06", "2025-02-04", "--as-of", "2025-03-01")]
    [InlineData("rules")]
    public void Format_TabularCommandsAcceptTextJsonAndCsv(params string[] args)
    {
        foreach (string format in new[] { "text", "json", "csv", "JSON" })
        {
            var run = Iro.Run([.. args, "--format", format]);
            Assert.True(run.ExitCode == 0, $"{format}: {run.Error}");
            Assert.NotEqual(string.Empty, run.Output);
        }
    }
}
