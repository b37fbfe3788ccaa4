using System.IO;
using Iro.Rules.Caseload;
using IcalCalendar = Ical.Net.Calendar;

namespace Iro.Rules.Tests.EndToEnd;

/// <summary>The main job writes the worklist (worklist.csv, calendars/, a section of report.html), and no stale file survives.</summary>
public class WorklistJobTests
{
    [Fact]
    public void Job_WritesWorklistCsv_AndCalendars_RemovingThePreviousRunsCalendars()
    {
        using var folder = new JobFolder();
        string input = folder.Return("clean", Returns.Header, Returns.Episodes, Returns.Reviews);
        Directory.CreateDirectory(Path.Combine(folder.Out, "calendars"));
        File.WriteAllText(Path.Combine(folder.Out, "calendars", "iro-Old_IRO.ics"), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"); // last run's IRO, gone since

        JobRun run = MainJobProcess.Run([.. Returns.Args(folder.Out, input), "--full-history"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] rows = File.ReadAllLines(folder.OutFile("worklist.csv"));
        Assert.Equal("iro,child_id,item,rule_id,status,due_date,book_by,window_start,window_end,reason,citation", rows[0]);
        // A1: review 3 due 6 months after 2025-05-04, 2025-11-04, overdue on 2025-11-10; A2: review 5 due 2025-11-15, a Saturday: book by Friday 2025-11-14.
        Assert.Contains(rows, r => r.StartsWith(",A1,review,REV-3,overdue,2025-11-04,2025-11-04,,,\"Review 3 is due by 2025-11-04", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith(",A2,review,REV-3,due,2025-11-15,2025-11-14,,,\"Review 5 is due by 2025-11-15", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith(",A2,iro-visit,REV-10,due,2025-11-14,,2025-10-03,2025-11-14,", StringComparison.Ordinal));

        Assert.Equal(new[] { "no-iro-allocated.ics" }, Directory.GetFiles(Path.Combine(folder.Out, "calendars")).Select(Path.GetFileName));
        IcalCalendar calendar = IcalCalendar.Load(File.ReadAllText(Path.Combine(folder.Out, "calendars", "no-iro-allocated.ics")))!;
        Assert.Contains(calendar.Events, e => e.Uid == "A2/REV-3/20240201/5/review/book-by@iro-rules" && e.Start!.Date == new DateOnly(2025, 11, 14));
        Assert.Contains("Worklist as of", run.Stdout, StringComparison.Ordinal);
        string html = File.ReadAllText(folder.OutFile("report.html"));
        Assert.Contains("<h2 id=\"worklist\">Worklist</h2>", html, StringComparison.Ordinal);
        Assert.Contains("No IRO allocated", html, StringComparison.Ordinal);

        // A failed run removes the worklist and the calendars too.
        JobRun failed = MainJobProcess.Run([.. Returns.Args(folder.Out, input), "--weeks", "99"]);
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("--weeks '99'", failed.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.OutFile("worklist.csv")));
        Assert.False(Directory.Exists(Path.Combine(folder.Out, "calendars")));
    }

    [Fact]
    public void Job_OnTheSyntheticCaseload_GroupsByIro()
    {
        using var folder = new JobFolder();
        JobRun run = MainJobProcess.Run("--count", "200", "--out", folder.Out, "--weeks", "4");
        Assert.True(run.ExitCode == 0, run.ToString());
        string[] files = Directory.GetFiles(Path.Combine(folder.Out, "calendars")).Select(f => Path.GetFileName(f)!).ToArray();
        Assert.Contains("iro-IRO-01.ics", files); // IRO-01 carries the most children
        string[] rows = File.ReadAllLines(folder.OutFile("worklist.csv")).Skip(1).ToArray();
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Any(r => r.StartsWith(',')), files.Contains("no-iro-allocated.ics")); // a calendar for the unallocated exactly when they have items
        Assert.True(rows.TakeWhile(r => !r.StartsWith(',')).Count() + rows.SkipWhile(r => !r.StartsWith(',')).Count() == rows.Length); // no IRO last
        Assert.All(rows, r => Assert.True(r.Split(',')[5].CompareTo("2026-04-28") <= 0, r)); // as of 2026-03-31 + 4 weeks
    }
}
