using System.IO;
using CaseloadReport;
using Ical.Net.CalendarComponents;
using Iro.Rules.Caseload;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using IcalCalendar = Ical.Net.Calendar;

namespace Iro.Rules.Tests.Cli;

/// <summary>The worklist's iCalendar files, parsed back with Ical.Net: every event's dates against the worklist, and stable UIDs.</summary>
public sealed class WorklistCalendarTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "iro-ics-" + Guid.NewGuid().ToString("N"));

    private static LocalDate D(string iso) => Dates.Parse(iso);

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Three IROs' children (one name needing a safe file name) and one child with no IRO; reviews due on a
    /// Sunday, on a bank holiday and on a working day; REV-6 owed.</summary>
    private static ChildCase[] Caseload()
    {
        static ChildCase Child(string id, string? iro, params string[] reviews) =>
            new(id, D("2012-05-05"), new[] { new Episode(D("2024-10-01"), null, LegalStatus.C2, ReasonForNewEpisode.S) },
                reviews.Select(r => new CaseReview(D(r), ParticipationCode.PN1)))
            { IroAllocations = iro is null ? null : [new IroAllocation(iro, D("2024-10-01"))] };

        return
        [
            Child("S1", "Jo Smith", "2024-10-28", "2025-03-14"),          // review 3 due Sunday 2025-09-14
            Child("B1", "Jo Smith", "2024-10-28", "2025-02-25"),          // review 3 due Monday 2025-08-25, a bank holiday
            Child("W1", "A/B: Lee", "2025-06-03"),                        // review 2 due Wednesday 2025-09-03
            Child("R1", "Kim", "2024-10-28", "2025-07-18") with { TracksReviewRecords = true }, // REV-6 owed
            Child("N1", null, "2024-10-28", "2025-03-14"),                // no IRO
        ];
    }

    private string WriteCalendars(string asOf, string name)
    {
        Worklist worklist = Worklist.Build(Caseload(), D(asOf));
        string folder = Path.Combine(root, name);
        WorklistCalendars.Write(worklist, folder);
        return folder;
    }

    [Fact]
    public void EveryEvent_HasTheWorklistsDates_AllDay()
    {
        Worklist worklist = Worklist.Build(Caseload(), D("2025-07-20"));
        string folder = WriteCalendars("2025-07-20", "a");
        Assert.Equal(new[] { "iro-A_B__Lee.ics", "iro-Jo_Smith.ics", "iro-Kim.ics", "no-iro-allocated.ics" }, Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        int events = 0;
        foreach ((string? iro, string file) in WorklistCalendars.FileNames(worklist.Iros))
        {
            IcalCalendar calendar = IcalCalendar.Load(File.ReadAllText(Path.Combine(folder, file)))!;
            IReadOnlyList<WorklistItem> items = worklist.ForIro(iro);
            Assert.NotEmpty(items);
            var expected = items.SelectMany(i => WorklistCalendars.Parts(i).Select(p => (Uid: WorklistCalendars.Uid(i, p.Part), Item: i, p.Part))).ToDictionary(e => e.Uid);
            Assert.Equal(expected.Count, calendar.Events.Count);
            foreach (CalendarEvent e in calendar.Events)
            {
                (string _, WorklistItem item, string part) = expected[e.Uid!];
                Assert.False(e.Start!.HasTime);
                Assert.False(e.End!.HasTime);
                LocalDate start = LocalDate.FromDateOnly(e.Start.Date), endExclusive = LocalDate.FromDateOnly(e.End.Date);
                (LocalDate first, LocalDate last) = part switch
                {
                    "book-by" => (item.BookBy!.Value, item.BookBy!.Value),
                    "window" => (item.WindowStart!.Value, item.WindowEnd!.Value),
                    _ => (item.DueDate, item.DueDate),
                };
                Assert.Equal((first, last.PlusDays(1)), (start, endExclusive));
                Assert.Contains(item.ChildId, e.Summary, StringComparison.Ordinal);
                Assert.Contains(item.Rule.Value, e.Summary, StringComparison.Ordinal);
                Assert.StartsWith(item.Reason, e.Description, StringComparison.Ordinal);
                Assert.Equal(new DateTime(2025, 7, 20, 0, 0, 0, DateTimeKind.Utc), e.DtStamp!.AsUtc);
                events++;
            }
        }

        // The Sunday due date has a book-by event on the Friday before; the due event stays on the Sunday.
        Assert.Equal(worklist.Items.Sum(i => WorklistCalendars.Parts(i).Count()), events);
        IcalCalendar smith = IcalCalendar.Load(File.ReadAllText(Path.Combine(folder, "iro-Jo_Smith.ics")))!;
        Assert.Equal(new DateOnly(2025, 9, 12), smith.Events.Single(e => e.Uid == "S1/REV-3/20241001/3/review/book-by@iro-rules").Start!.Date);
        Assert.Equal(new DateOnly(2025, 9, 14), smith.Events.Single(e => e.Uid == "S1/REV-3/20241001/3/review/due@iro-rules").Start!.Date);
        Assert.Equal(new DateOnly(2025, 8, 22), smith.Events.Single(e => e.Uid == "B1/REV-3/20241001/3/review/book-by@iro-rules").Start!.Date);
        IcalCalendar lee = IcalCalendar.Load(File.ReadAllText(Path.Combine(folder, "iro-A_B__Lee.ics")))!;
        Assert.DoesNotContain(lee.Events, e => e.Uid!.EndsWith("/book-by@iro-rules", StringComparison.Ordinal)); // due on a working day
        IcalCalendar kim = IcalCalendar.Load(File.ReadAllText(Path.Combine(folder, "iro-Kim.ics")))!;
        Assert.Equal(new DateOnly(2025, 8, 8), kim.Events.Single(e => e.Uid == "R1/REV-6/20241001/2/minutes/due@iro-rules").Start!.Date); // 15 working days after 2025-07-18
    }

    [Fact]
    public void SameRun_SameBytes_AndNextWeeksRun_KeepsTheUids()
    {
        string a = WriteCalendars("2025-07-20", "a"), again = WriteCalendars("2025-07-20", "again"), next = WriteCalendars("2025-07-27", "next");
        foreach (string file in Directory.GetFiles(a).Select(f => Path.GetFileName(f)))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(again, file)));
        }

        IcalCalendar thisWeek = IcalCalendar.Load(File.ReadAllText(Path.Combine(a, "iro-Jo_Smith.ics")))!;
        IcalCalendar nextWeek = IcalCalendar.Load(File.ReadAllText(Path.Combine(next, "iro-Jo_Smith.ics")))!;
        Assert.Equal(thisWeek.Events.Select(e => e.Uid).Order(), nextWeek.Events.Select(e => e.Uid).Order());
        Assert.Equal(thisWeek.Events.Count, thisWeek.Events.Select(e => e.Uid).Distinct().Count());
        Assert.All(nextWeek.Events, e => Assert.Equal(thisWeek.Events.Single(t => t.Uid == e.Uid).Sequence + 7, e.Sequence)); // a week later supersedes
    }

    [Fact]
    public void Files_HoldNoPersonalDataBeyondTheChildsIdentifier()
    {
        string folder = WriteCalendars("2025-07-20", "a");
        string text = string.Concat(Directory.GetFiles(folder).Select(File.ReadAllText));
        Assert.DoesNotContain("2012-05-05", text, StringComparison.Ordinal); // the date of birth
        Assert.DoesNotContain("20120505", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PN1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("C2", text.Replace("CPPCR", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal); // the legal status
    }

    [Fact]
    public void IcalNetVersion_IsTheSame_InTheCentralVersions_AndTheSampleJob()
    {
        // samples/ keep central package versions out (as a user's script would), so the job names the version itself.
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Iro.Rules.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Iro.Rules.sln not found above the tests");
        }

        static string Version(string text) =>
            System.Text.RegularExpressions.Regex.Match(text, @"Include=""Ical\.Net"" Version=""([^""]+)""").Groups[1].Value;
        string central = Version(File.ReadAllText(Path.Combine(root, "Directory.Packages.props")));
        Assert.Equal("5.2.4", central);
        Assert.Equal(central, Version(File.ReadAllText(Path.Combine(root, "samples", "CaseloadReport", "CaseloadReport.csproj"))));
    }

    [Fact]
    public void FileNames_AreSafe_AndDistinct()
    {
        var names = WorklistCalendars.FileNames(["a b", "a_b", "../x", "no-iro-allocated", null]);
        Assert.Equal(new[] { "iro-a_b.ics", "iro-a_b-2.ics", "iro-___x.ics", "iro-no-iro-allocated.ics", "no-iro-allocated.ics" }, names.Select(n => n.FileName));
    }
}
