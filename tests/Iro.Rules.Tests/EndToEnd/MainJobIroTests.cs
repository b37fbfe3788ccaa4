using System.IO;
using System.Text.Json;

namespace Iro.Rules.Tests.EndToEnd;

/// <summary>The main job with IRO allocations (iro_allocations.csv) and a roster (iro_roster.csv): IRO-1 in the flags and figures, IRO-3 per IRO.</summary>
public class MainJobIroTests
{
    // As of 2025-11-10, figures for 2024-25 (Returns): A1 looked after from 2025-01-06, first review 2025-02-04; A2 from
    // 2024-02-01. A3 from 2025-10-20 with no IRO (IRO-1 overdue from 2025-10-21).
    private static readonly string[] Header = [.. Returns.Header, "A3,1,01/01/2016"];

    private static readonly string[] Episodes = [.. Returns.Episodes, "A3,20/10/2025,S,C2,N1,U1,PR1,,"];

    private static string Write(JobFolder folder, string[] allocations, string[]? roster)
    {
        string input = folder.Return("with-iro", Header, Episodes, Returns.Reviews);
        File.WriteAllText(Path.Combine(input, "iro_allocations.csv"), string.Join("\n", allocations) + "\n");
        if (roster is not null)
        {
            File.WriteAllText(Path.Combine(input, "iro_roster.csv"), string.Join("\n", roster) + "\n");
        }

        return input;
    }

    [Fact]
    public void Allocations_AndRoster_GiveIro1AndIro3_InTheFlagsAndFigures()
    {
        using var folder = new JobFolder();
        string input = Write(folder, ["CHILD,IRO,FROM", "A1,Jo Bloggs,08/01/2025", "A2,Jo Bloggs,01/02/2024"], ["IRO,FTE", "Jo Bloggs,0.02", "Sam Smith,0.5"]);

        JobRun run = MainJobProcess.Run([.. Returns.Args(folder.Out, input), "--full-history"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        List<string[]> flags = folder.Csv("flags.csv");
        Assert.Equal("iro", flags[0][^1]);
        Assert.All(flags, r => Assert.Equal(8, r.Length));
        Assert.All(flags.Where(r => r[0] is "A1" or "A2"), r => Assert.Equal("Jo Bloggs", r[7]));
        string[] a3 = Assert.Single(flags, r => r[0] == "A3" && r[1] == "IRO-1");
        Assert.Equal(("overdue", "2025-10-21", string.Empty), (a3[2], a3[3], a3[7]));
        string[] iro3 = Assert.Single(flags, r => r[1] == "IRO-3");
        Assert.Equal((string.Empty, "flag", "2025-11-10", "Jo Bloggs"), (iro3[0], iro3[2], iro3[3], iro3[7]));
        Assert.Equal("2 children at 0.02 FTE: above the range of 1-1.4.", iro3[4]);
        Assert.Equal("IRO Handbook 2010 ch. 7", iro3[5]);
        Assert.Same(iro3, flags[^1]); // after every child's flags

        JsonElement json = folder.Figures();
        Assert.Equal(flags.Count - 1, json.GetProperty("flags").GetInt32());
        JsonElement loads = json.GetProperty("iro_caseloads");
        Assert.True(loads.GetProperty("recorded").GetBoolean());
        Assert.Equal(1, loads.GetProperty("children_without_iro").GetInt32()); // A3
        JsonElement[] iros = loads.GetProperty("iros").EnumerateArray().ToArray();
        Assert.Equal(["Jo Bloggs", "Sam Smith"], iros.Select(i => i.GetProperty("iro").GetString()));
        Assert.Equal(["above", "below"], iros.Select(i => i.GetProperty("band").GetString()));
        Assert.Equal(0.5m, iros[1].GetProperty("fte").GetDecimal());

        // 2024-25: A1's period began 2025-01-06 and its IRO was allocated 2025-01-08, after the next day; its first review
        // (2025-02-04) had an IRO. A2's began before the year, and its first review too.
        JsonElement[] figures = json.GetProperty("figures").EnumerateArray().ToArray();
        JsonElement inTime = figures.Single(f => f.GetProperty("key").GetString() == "iro_allocated_in_time");
        Assert.Equal((true, 0, 1), (inTime.GetProperty("recorded").GetBoolean(), inTime.GetProperty("numerator").GetInt32(), inTime.GetProperty("denominator").GetInt32()));
        JsonElement beforeReview = figures.Single(f => f.GetProperty("key").GetString() == "iro_appointed_before_first_review");
        Assert.Equal((1, 1), (beforeReview.GetProperty("numerator").GetInt32(), beforeReview.GetProperty("denominator").GetInt32()));
        Assert.Contains(json.GetProperty("flags_by_rule").EnumerateArray(), r => r.GetProperty("rule").GetString() == "IRO-3" && r.GetProperty("flags").GetInt32() == 1);

        string html = File.ReadAllText(folder.OutFile("report.html"));
        Assert.Contains("IRO caseloads on 2025-11-10 (IRO-3)", html, StringComparison.Ordinal);
        Assert.Contains("<td>Sam Smith</td>", html, StringComparison.Ordinal);
        Assert.Contains("IRO caseloads on 2025-11-10 (IRO-3, 50-70 children per full-time IRO, pro-rated by the roster's FTE): 2 IROs, 1 above the range", run.Stdout, StringComparison.Ordinal);
    }

    // IRO-3 for the annual figures is counted on the reporting year's last day, beside the as-of date's. The example return
    // (samples/ssda903) on 2025-03-31: 1001 (V2 from 2025-01-06, IRO-A from 2025-01-07) and 1004 (C2 from 2024-01-08, IRO-A)
    // with IRO-A, 1005 (E1 from 2024-06-01) with IRO-B, 1009 (E1 from 2025-01-06) with none; 1002 and 1010 came into care
    // in October 2025, and 1001 moved to IRO-B on 2025-09-01.
    [Fact]
    public void Iro3_AtTheReportingYearsEnd_IsInTheFigures()
    {
        using var folder = new JobFolder();
        JobRun run = MainJobProcess.Run("--ssda903", Path.Combine(AppContext.BaseDirectory, "Ssda903Samples"), "--as-of", "2025-11-10", "--out", folder.Out);

        Assert.True(run.ExitCode == 1, run.ToString()); // the example's bad rows, on purpose
        JsonElement yearEnd = folder.Figures().GetProperty("iro_caseloads_year_end");
        Assert.Equal("2025-03-31", yearEnd.GetProperty("as_of").GetString());
        Assert.True(yearEnd.GetProperty("recorded").GetBoolean());
        Assert.Equal(1, yearEnd.GetProperty("children_without_iro").GetInt32());
        JsonElement[] iros = yearEnd.GetProperty("iros").EnumerateArray().ToArray();
        Assert.Equal(["IRO-A", "IRO-B", "IRO-C"], iros.Select(i => i.GetProperty("iro").GetString()));
        Assert.Equal([2, 1, 0], iros.Select(i => i.GetProperty("children").GetInt32()));
        Assert.Equal(["above", "below", "below"], iros.Select(i => i.GetProperty("band").GetString())); // 0.02 FTE: 1-1.4; 0.04 FTE: 2-2.8
        Assert.Contains("IRO caseloads at the reporting year's end, 2025-03-31 (IRO-3, for the annual figures): 3 IROs, 1 above the range, 0 within, 2 below; 1 child looked after with no IRO allocated", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("IRO caseloads on 2025-03-31 (IRO-3)", File.ReadAllText(folder.OutFile("report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAnAllocationsFile_Iro1AndIro3_AreNotRecorded_AndTheIroColumnIsEmpty()
    {
        using var folder = new JobFolder();
        string input = folder.Return("plain", Header, Episodes, Returns.Reviews);

        JobRun run = MainJobProcess.Run([.. Returns.Args(folder.Out, input), "--full-history"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        List<string[]> flags = folder.Csv("flags.csv");
        Assert.All(flags.Skip(1), r => Assert.Equal(string.Empty, r[7]));
        Assert.DoesNotContain(flags, r => r[1] is "IRO-1" or "IRO-3");
        JsonElement json = folder.Figures();
        Assert.False(json.GetProperty("iro_caseloads").GetProperty("recorded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("iro_caseloads").GetProperty("children_without_iro").ValueKind);
        Assert.Empty(json.GetProperty("iro_caseloads").GetProperty("iros").EnumerateArray());
        JsonElement inTime = json.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "iro_allocated_in_time");
        Assert.Equal((false, JsonValueKind.Null), (inTime.GetProperty("recorded").GetBoolean(), inTime.GetProperty("numerator").ValueKind));
        Assert.Contains("Not recorded in this source: it holds no IRO allocations.", File.ReadAllText(folder.OutFile("report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void ABadAllocationRow_RejectsItsChild_NamingFileLineColumnAndValue()
    {
        using var folder = new JobFolder();
        string input = Write(folder, ["CHILD,IRO,FROM", "A1,,08/01/2025", "A2,Jo Bloggs,32/01/2024"], null);

        JobRun run = MainJobProcess.Run([.. Returns.Args(folder.Out, input), "--full-history"]);

        Assert.True(run.ExitCode == 1, run.ToString());
        List<string[]> reasons = folder.Csv("not_evaluated.csv");
        Assert.Contains(reasons, r => r[0] == "A1" && r[1] == "903-VALUE" && r[2] == "iro_allocations.csv" && r[3] == "2" && r[4] == "IRO" && r[5] == string.Empty);
        Assert.Contains(reasons, r => r[0] == "A2" && r[2] == "iro_allocations.csv" && r[3] == "3" && r[4] == "FROM" && r[5] == "32/01/2024");
        Assert.DoesNotContain(folder.Csv("flags.csv"), r => r[0] is "A1" or "A2");
    }

    [Fact]
    public void ABadRosterRow_IsReported_TheRunIsIncomplete_AndTheIroCountsAsNotOnTheRoster()
    {
        using var folder = new JobFolder();
        string input = Write(folder, ["CHILD,IRO,FROM", "A1,Sam Smith,08/01/2025"], ["IRO,FTE", "Jo Bloggs,0.5", "Sam Smith,two"]);

        JobRun run = MainJobProcess.Run([.. Returns.Args(folder.Out, input), "--full-history"]);

        Assert.True(run.ExitCode == 1, run.ToString()); // done, but incomplete: the outputs are written
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        string[] row = Assert.Single(folder.Csv("not_evaluated.csv"), r => r[2] == "iro_roster.csv");
        Assert.Equal((string.Empty, "903-VALUE", "3", "FTE", "two"), (row[0], row[1], row[3], row[4], row[5]));
        Assert.StartsWith("iro_roster.csv line 3, FTE 'two': the full-time equivalent must be a number above 0 and at most 1.5", row[6], StringComparison.Ordinal);

        JsonElement json = folder.Figures();
        Assert.False(json.GetProperty("complete").GetBoolean());
        int read = json.GetProperty("rows_read").GetInt32(), used = json.GetProperty("rows_used").GetInt32(), rejected = json.GetProperty("rows_rejected").GetInt32();
        Assert.Equal((read, 1), (used + rejected, rejected));
        JsonElement sam = json.GetProperty("iro_caseloads").GetProperty("iros").EnumerateArray().Single(i => i.GetProperty("iro").GetString() == "Sam Smith");
        Assert.Equal((1m, false), (sam.GetProperty("fte").GetDecimal(), sam.GetProperty("on_roster").GetBoolean()));
    }

    [Fact]
    public void ARosterWithoutAnFteColumn_RefusesTheRun_Exit2_NamingFileAndColumn()
    {
        using var folder = new JobFolder();
        string input = Write(folder, ["CHILD,IRO,FROM", "A1,Jo Bloggs,08/01/2025"], ["IRO", "Jo Bloggs"]);

        JobRun run = MainJobProcess.Run([.. Returns.Args(folder.Out, input), "--full-history"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("iro_roster.csv has no FTE column", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(folder.OutputsPresent());
    }
}
