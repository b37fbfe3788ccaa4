using System.IO;
using System.Text.Json;

namespace Iro.Rules.Tests.EndToEnd;

/// <summary>Small SSDA903 returns for the end-to-end tests (as of 2025-11-10, figures for 2024-25).</summary>
public static class Returns
{
    public const string AsOf = "2025-11-10";

    public static readonly string[] Header = ["CHILD,SEX,DOB", "A1,1,01/01/2015", "A2,2,01/06/2012"];

    public static readonly string[] Episodes =
    [
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC",
        "A1,06/01/2025,S,V2,N1,U1,PR1,,",
        "A2,01/02/2024,S,C2,N1,U1,PR1,,",
    ];

    public static readonly string[] Reviews =
    [
        "CHILD,DOB,REVIEW,REVIEW_CODE",
        "A1,01/01/2015,04/02/2025,PN1",
        "A1,01/01/2015,04/05/2025,PN1",
        "A2,01/06/2012,28/02/2024,PN1",
        "A2,01/06/2012,28/05/2024,PN1",
        "A2,01/06/2012,20/11/2024,PN1",
        "A2,01/06/2012,15/05/2025,PN1",
    ];

    public static string[] Args(string outDir, params string[] folders) =>
        folders.SelectMany(f => new[] { "--ssda903", f }).Concat(["--as-of", AsOf, "--year", "2024", "--out", outDir]).ToArray();
}

/// <summary>The main job run as a process on a clean return, and on one with children it cannot evaluate.</summary>
public class MainJobOutputTests
{
    [Fact]
    public void CleanReturn_ExitsZero_AndEveryOutputAgrees()
    {
        using var folder = new JobFolder();
        string input = folder.Return("clean", Returns.Header, Returns.Episodes, Returns.Reviews);

        JobRun run = MainJobProcess.Run([.. Returns.Args(folder.Out, input), "--full-history"]); // rows of one year, as of a later date: a full extract

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(JobFolder.Outputs.Order(), folder.OutputsPresent().Order());
        Assert.Equal(new[] { "calendars" }, Directory.GetDirectories(folder.Out).Select(Path.GetFileName)); // the temporary folder is gone
        Assert.Equal(new[] { "child_id,code,file,line,column,value,message" }, File.ReadAllLines(folder.OutFile("not_evaluated.csv")));
        Assert.Equal(new[] { "child_id", "rule_id", "status", "date", "reason", "citation", "rule_title", "iro" }, folder.Csv("flags.csv")[0]);

        JsonElement json = folder.Figures();
        Assert.True(json.GetProperty("complete").GetBoolean());
        Assert.Equal((2, 2, 0), (json.GetProperty("children_read").GetInt32(), json.GetProperty("children_evaluated").GetInt32(), json.GetProperty("children_not_evaluated").GetInt32()));
        Assert.Equal((10, 10, 0), (json.GetProperty("rows_read").GetInt32(), json.GetProperty("rows_used").GetInt32(), json.GetProperty("rows_rejected").GetInt32()));
        Assert.Contains("children read 2 = evaluated 2 + not evaluated 0", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Rows read 10 = rows used 10 + rows rejected 0", run.Stdout, StringComparison.Ordinal);

        // An SSDA903 return records no escalations or IRO visits: "not recorded", never 0; a count and a ratio differ.
        JsonElement[] figures = json.GetProperty("figures").EnumerateArray().ToArray();
        JsonElement raised = figures.Single(f => f.GetProperty("key").GetString() == "escalations_raised");
        Assert.Equal(("count", false, JsonValueKind.Null), (raised.GetProperty("kind").GetString(), raised.GetProperty("recorded").GetBoolean(), raised.GetProperty("value").ValueKind));
        JsonElement visits = figures.Single(f => f.GetProperty("key").GetString() == "iro_visits_in_window");
        Assert.Equal(("ratio", false, JsonValueKind.Null), (visits.GetProperty("kind").GetString(), visits.GetProperty("recorded").GetBoolean(), visits.GetProperty("percent").ValueKind));
        JsonElement onTime = figures.Single(f => f.GetProperty("key").GetString() == "reviews_on_time");
        Assert.Equal(("ratio", true), (onTime.GetProperty("kind").GetString(), onTime.GetProperty("recorded").GetBoolean()));
        string html = File.ReadAllText(folder.OutFile("report.html"));
        Assert.Contains("not recorded in this source", html, StringComparison.Ordinal);
        Assert.DoesNotContain("INCOMPLETE", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ChildrenNotEvaluated_AreNamedWithEveryReason_AndTheRunIsIncomplete()
    {
        using var folder = new JobFolder();
        string input = folder.Return(
            "bad",
            [.. Returns.Header, "B1,1,01/01/2016", "B2,2,01/01/2016"],
            [.. Returns.Episodes, "B1,31/02/2025,S,C2,N1,U1,PR1,,", "B2,01/01/2024,S,C2,N1,U1,PR1,01/06/2024,E11", "B2,01/05/2024,P,C2,N1,U1,PR1,,"],
            [.. Returns.Reviews, "B1,01/01/2016,01/03/2025,pn9", "Z9,01/01/2016,01/03/2025,PN1"]);

        JobRun run = MainJobProcess.Run(Returns.Args(folder.Out, input));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("INCOMPLETE", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        List<string[]> reasons = folder.Csv("not_evaluated.csv");
        Assert.Equal(new[] { "child_id", "code", "file", "line", "column", "value", "message" }, reasons[0]);
        Assert.Contains(reasons, r => r[0] == "B1" && r[2] == "episodes.csv" && r[3] == "4" && r[4] == "DECOM" && r[5] == "31/02/2025");
        Assert.Contains(reasons, r => r[0] == "B1" && r[2] == "reviews.csv" && r[3] == "8" && r[4] == "REVIEW_CODE" && r[5] == "pn9");
        Assert.Contains(reasons, r => r[0] == "B2" && r[1] == "IN-EPISODES");
        Assert.Contains(reasons, r => r[0].Length == 0 && r[2] == "reviews.csv" && r[3] == "9" && r[4] == "CHILD" && r[5] == "Z9");
        Assert.All(reasons.Skip(1), r => Assert.Equal(7, r.Length));

        // Every child read is in exactly one place: evaluated (0 or more flags) or not evaluated, never both.
        string[] notEvaluated = reasons.Skip(1).Select(r => r[0]).Where(id => id.Length > 0).Distinct().Order().ToArray();
        Assert.Equal(new[] { "B1", "B2" }, notEvaluated);
        string[] flagged = folder.Csv("flags.csv").Skip(1).Select(r => r[0]).Distinct().ToArray();
        Assert.Empty(flagged.Intersect(notEvaluated));
        JsonElement json = folder.Figures();
        Assert.False(json.GetProperty("complete").GetBoolean());
        Assert.NotEmpty(json.GetProperty("incomplete_reasons").EnumerateArray());
        int read = json.GetProperty("children_read").GetInt32(), evaluated = json.GetProperty("children_evaluated").GetInt32(), not = json.GetProperty("children_not_evaluated").GetInt32();
        Assert.Equal((4, 2, 2), (read, evaluated, not));
        int rowsRead = json.GetProperty("rows_read").GetInt32(), used = json.GetProperty("rows_used").GetInt32(), rejected = json.GetProperty("rows_rejected").GetInt32();
        Assert.Equal(rowsRead, used + rejected);
        Assert.Equal(1, json.GetProperty("rows_without_known_child").GetInt32());

        // The same numbers on the console and in report.html, and the children and reasons in report.html.
        Assert.Contains($"children read {read} = evaluated {evaluated} + not evaluated {not}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Rows read {rowsRead} = rows used {used} + rows rejected {rejected}", run.Stdout, StringComparison.Ordinal);
        string html = File.ReadAllText(folder.OutFile("report.html"));
        Assert.Contains($"Children read {read} = evaluated {evaluated} + not evaluated {not}", html, StringComparison.Ordinal);
        Assert.Contains($"Rows read {rowsRead} = used {used} + rejected {rejected}", html, StringComparison.Ordinal);
        Assert.Contains("INCOMPLETE RUN", html, StringComparison.Ordinal);
        Assert.Contains("<td>B1</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>B2</td>", html, StringComparison.Ordinal);
        Assert.Contains("31/02/2025", html, StringComparison.Ordinal);
        Assert.Contains("Z9", html, StringComparison.Ordinal);
    }

    [Fact]
    public void NoChildEvaluated_ExitsOne_WithOutputsMarkedIncomplete()
    {
        using var folder = new JobFolder();
        string input = folder.Return("none", ["CHILD,SEX,DOB", "C1,1,not a date"], ["CHILD,DECOM,RNE,LS,PLACE,DEC", "C1,01/01/2025,S,C2,U1,"], ["CHILD,REVIEW,REVIEW_CODE"]);

        JobRun run = MainJobProcess.Run([.. Returns.Args(folder.Out, input), "--full-history"]); // one row of 2024-25, as of a later date

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("no child could be evaluated", run.Stderr, StringComparison.Ordinal);
        Assert.False(folder.Figures().GetProperty("complete").GetBoolean());
        Assert.Contains(folder.Csv("not_evaluated.csv"), r => r[0] == "C1" && r[4] == "DOB" && r[5] == "not a date");
    }

    [Fact]
    public void AnAsOfAfterTheLatestReturnsWindow_IsRefused_NamingTheWindow()
    {
        // 903-W: last year's return alone (its rows all in 2024-25) as of 2025-11-10: nothing since 31 March is known,
        // so flags would be guesses (an episode open then may have ended; reviews since are not held).
        using var folder = new JobFolder();
        string input = folder.Return("last-year", ["CHILD,SEX,DOB", "C1,1,01/01/2015"], ["CHILD,DECOM,RNE,LS,PLACE,DEC", "C1,01/01/2025,S,C2,U1,"], ["CHILD,REVIEW,REVIEW_CODE", "C1,28/01/2025,PN1"]);

        JobRun run = MainJobProcess.Run(Returns.Args(folder.Out, input));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("after the latest return's window, which ends 2025-03-31", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectedShareWithinMaxRejected_IsComplete()
    {
        using var folder = new JobFolder();
        string input = folder.Return("some", [.. Returns.Header, "B1,1,01/01/2016"], [.. Returns.Episodes, "B1,31/02/2025,S,C2,N1,U1,PR1,,"], Returns.Reviews);

        JobRun strict = MainJobProcess.Run(Returns.Args(folder.Out, input));
        JobRun lenient = MainJobProcess.Run([.. Returns.Args(folder.Out, input), "--max-rejected", "50%"]);

        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.True(folder.Figures().GetProperty("complete").GetBoolean());
        Assert.Equal(2, folder.Csv("not_evaluated.csv").Count); // still named, though the run is complete
    }

    [Fact]
    public void FlagsCsv_CellsThatASpreadsheetWouldRunAsFormulas_AreNeutralised()
    {
        using var folder = new JobFolder();
        string input = folder.Return(
            "inject",
            ["CHILD,SEX,DOB", "=2+3,1,01/01/2015", "+1,1,01/01/2015", "@SUM(1),1,=1+2"],
            ["CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC", "=2+3,06/01/2025,S,V2,N1,U1,PR1,,", "+1,06/01/2025,S,V2,N1,U1,PR1,,", "@SUM(1),06/01/2025,S,V2,N1,U1,PR1,,"],
            ["CHILD,DOB,REVIEW,REVIEW_CODE", "-2,01/01/2015,04/02/2025,PN1"]);

        JobRun run = MainJobProcess.Run([.. Returns.Args(folder.Out, input), "--max-rejected", "1", "--full-history"]);

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        List<string[]> flags = folder.Csv("flags.csv");
        Assert.Contains(flags, r => r[0] == "'=2+3" && r[1] == "LOC-1");
        Assert.Contains(flags, r => r[0] == "'+1" && r[1] == "LOC-1");
        List<string[]> reasons = folder.Csv("not_evaluated.csv");
        Assert.Contains(reasons, r => r[0] == "'@SUM(1)" && r[5] == "'=1+2");
        Assert.Contains(reasons, r => r[0].Length == 0 && r[5] == "'-2");
        foreach (string[] row in flags.Concat(reasons))
        {
            Assert.All(row, cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), $"cell '{cell}' would run as a formula"));
        }
    }
}
