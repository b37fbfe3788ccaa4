using System.IO;
using FsCheck.Xunit;
using Iro.Rules.Caseload;
using Iro.Rules.Tests.Caseload;
using Iro.Rules.Ssda903;

namespace Iro.Rules.Tests.Ssda903Reading;

/// <summary>The SSDA903 example files end to end, bad rows, and the write-then-read round trip.</summary>
public class Ssda903ExampleTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Ssda903Samples");

    [Fact]
    public void ExampleFiles_GiveTheDocumentedFlags()
    {
        var read = Ssda903Reader.ReadFolder(Folder);
        Assert.Equal((37, 30, 7), (read.RowsRead, read.RowsUsed, read.RowsRejected)); // with iro_allocations.csv's 5 rows
        Assert.Equal(new[] { "1006", "1007" }, read.NotEvaluated.Select(n => n.ChildId));
        var flags = new CaseloadEvaluator().Evaluate(read.Children, new LocalDate(2025, 11, 10))
            .SelectMany(e => e.Flags)
            .Select(f => $"{f.ChildId} {f.Rule} {f.StatusText} {f.Date:uuuu-MM-dd}")
            .ToList();
        Assert.Equal(
            new[]
            {
                "1001 REV-3 overdue 2025-11-04",
                "1001 LOC-1 flag 2025-01-06",
                "1002 REV-1 due-soon 2025-11-17",
                "1002 IRO-1 overdue 2025-10-21",
                "1004 REV-3 overdue 2024-11-01",
                "1004 PAR-1 flag 2024-05-01",
                "1005 LOC-2 flag 2024-06-01",
                "1005 LOC-3 flag 2024-06-01",
                "1005 LC-5 overdue 2025-06-15",
                "1009 REV-3 overdue 2025-11-02",
                "1009 LOC-4 flag 2025-06-02",
                "1009 IRO-1 overdue 2025-01-07",
                "1010 REV-1 overdue 2025-10-29",
                "1010 LEG-1 flag 2025-10-01",
            },
            flags);
    }

    [Fact]
    public void ExampleFiles_IroCaseloads_FromTheRoster()
    {
        var read = Ssda903Reader.ReadFolder(Folder);
        Assert.Equal(RecordedFacts.IroAllocations, read.Recorded);
        var counter = new Iro.Rules.Escalation.IroCaseloadCounter(new LocalDate(2025, 11, 10), read.IroRoster);
        foreach (ChildCase child in read.Children)
        {
            counter.Add(child);
        }

        Assert.Equal(
            new[] { "IRO-A 1 Within", "IRO-B 3 Above", "IRO-C 0 Below" },
            counter.Build().Select(l => $"{l.Iro} {l.Children} {l.Assessment.Band}"));
        Assert.Equal(2, counter.ChildrenWithoutIro); // 1002 and 1009
    }

    [Fact]
    public void ExampleFiles_ReportEveryBadRow_WithFileLineColumnAndValue()
    {
        var problems = Ssda903Reader.ReadFolder(Folder).Problems.Select(p => p.ToString()).ToList();
        Assert.Equal(
            new[]
            {
                "episodes.csv line 6, DECOM '31/02/2025': not a date (dd/MM/yyyy, d/M/yyyy or yyyy-MM-dd, optionally with a midnight time such as ' 00:00') (child 1006)",
                "reviews.csv line 11, CHILD '1008': the child is not in header.csv",
            },
            problems);
    }

    [Fact]
    public void ExampleFiles_LowerCaseCode_IsANote_NotARejection()
    {
        var read = Ssda903Reader.ReadFolder(Folder);
        var note = Assert.Single(read.Notes, n => n.Column == "REVIEW_CODE");
        Assert.Equal("reviews.csv", note.File);
        Assert.Equal(new[] { 10 }, note.FirstLines);
        Assert.Contains("'pn3' as 'PN3'", note.Message, StringComparison.Ordinal);
        Assert.Equal(8, read.ChildrenRead);
        Assert.Equal(read.ChildrenRead, read.Children.Count + read.NotEvaluated.Count);
        Assert.Equal(1, read.RowsWithoutChild); // reviews.csv line 11, child 1008
        Assert.True(read.IsIncomplete);
        Assert.Empty(read.Windows); // read as a complete history, as before
        Assert.All(read.Children, c => Assert.Null(c.KnownFrom));
    }

    [Fact]
    public void DuplicateChild_UnknownCode_AndBadDates_AreEachReported()
    {
        var read = Ssda903Reader.Read(
            new StringReader("CHILD,DOB\n1,01/01/2015\n1,01/01/2015\n2,2015-13-01\n"),
            new StringReader("CHILD,DECOM,RNE,LS,PLACE,DEC\n1,06/01/2025,S,X9,U1,\n"),
            new StringReader("CHILD,REVIEW,REVIEW_CODE\n1,04/02/2025,\n"));
        Assert.Contains(read.Problems, p => p.Line == 3 && p.Message.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(read.Problems, p => p.Column == "DOB" && p.Value == "2015-13-01");
        Assert.Contains(read.Problems, p => p.Column == "LS" && p.Value == "X9");
        Assert.Contains(read.Problems, p => p.Column == "REVIEW_CODE" && p.Message.Contains("blank", StringComparison.Ordinal));
        Assert.Empty(read.Children);
        Assert.Equal(read.RowsRead, read.RowsUsed + read.RowsRejected);
    }

    [Fact]
    public void MissingColumn_Throws_NamingTheFileAndColumn()
    {
        var e = Assert.Throws<Ssda903FormatException>(() => Ssda903Reader.Read(
            new StringReader("CHILD,SEX\n1,1\n"), new StringReader("CHILD,DECOM,RNE,LS,PLACE,DEC\n"), new StringReader("CHILD,REVIEW,REVIEW_CODE\n")));
        Assert.Equal(("header.csv", "DOB"), (e.File, e.Column));
        Assert.StartsWith("header.csv has no DOB column", e.Message, StringComparison.Ordinal);
    }

    [Property(Arbitrary = new[] { typeof(CaseloadProperties.Arbs) }, MaxTest = 20)]
    public bool WritingToSsda903AndReadingBack_GivesTheSameResults(CaseloadProperties.Caseload caseload)
    {
        string folder = Path.Combine(Path.GetTempPath(), "iro-rules-903-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The return carries facts only: no placement-order or placement-for-adoption override (the evaluator reads
            // both from the episodes) and no escalations, so those fields are dropped; nothing of the reader's is restated.
            // A return's episodes all have a PLACE code (WriteFolder refuses one without), so the generator's blanks get U1.
            var valid = caseload.Children
                .Select(c => new ChildCase(c.Id, c.DateOfBirth, c.Episodes.Select(e => e with { PlacementType = e.PlacementType ?? "U1" }), c.Reviews)
                {
                    ShouldBePlacedForAdoptionOn = c.ShouldBePlacedForAdoptionOn,
                    AdoptionDecisionReversedOn = c.AdoptionDecisionReversedOn,
                })
                .Where(c => ChildCaseValidator.Instance.Validate(c).IsValid)
                .ToArray();
            Ssda903Reader.WriteFolder(valid, folder);
            var read = Ssda903Reader.ReadFolder(folder);
            var evaluator = new CaseloadEvaluator();
            var asOf = new LocalDate(2025, 11, 10);
            static string Key(ChildEvaluation e) => e.ChildId + "|" + string.Join(";", e.Flags.Select(f => $"{f.Rule}/{f.StatusText}/{f.Date}/{f.Reason}"));
            return read.Problems.Count == 0
                && read.Children.SequenceEqual(valid)
                && evaluator.Evaluate(valid, asOf).Select(Key).SequenceEqual(evaluator.Evaluate(read.Children, asOf).Select(Key));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}

/// <summary>A council's return as a spreadsheet exports it (Ssda903/Data/excel-export): BOM, CRLF, <c>;</c>, Excel
/// dates with a midnight time, d/M/yyyy, lower-case and padded codes, reordered columns, trailing blank lines, and an
/// ad1 table beside it. Read with an as-of date of 2025-06-30, after its year.</summary>
public class Ssda903ExcelExportTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Ssda903", "Data", "excel-export");

    [Fact]
    public void ExcelExport_IsReadWhole_WithNotes_AndItsWindow()
    {
        var read = Ssda903Reader.ReadFolders([Folder], new Ssda903ReadOptions { AsOf = new LocalDate(2025, 6, 30) });
        Assert.Empty(read.Problems);
        Assert.Equal(new[] { "1001", "1002", "1003" }, read.Children.Select(c => c.Id));
        Assert.Equal((12, 12, 0), (read.RowsRead, read.RowsUsed, read.RowsRejected));
        Assert.Equal(new[] { "ad1.csv" }, read.IgnoredFiles);
        Assert.False(read.IsIncomplete);

        // Collection year 2024-25: the earliest review is 2025-02-03; the as-of date is after it, so it is not shortened.
        var window = Assert.Single(read.Windows);
        // Its rows run past 31 March 2025, so it is not one return but an extract from 2024-04-01 to the as-of date.
        Assert.Equal((new LocalDate(2024, 4, 1), new LocalDate(2025, 6, 30)), (window.Start, window.End));
        Assert.All(read.Children, c => Assert.Equal(window.Start, c.KnownFrom));

        ChildCase c1003 = read.Children[2];
        Assert.Equal(new LocalDate(2022, 3, 1), c1003.DateOfBirth);
        Assert.Equal(
            new[] { new Iro.Rules.Legal.Episode(new LocalDate(2025, 1, 6), new LocalDate(2025, 6, 2), Iro.Rules.Legal.LegalStatus.E1, Iro.Rules.Legal.ReasonForNewEpisode.S, "U1"), new Iro.Rules.Legal.Episode(new LocalDate(2025, 6, 2), null, Iro.Rules.Legal.LegalStatus.E1, Iro.Rules.Legal.ReasonForNewEpisode.P, "A3") },
            c1003.Episodes);
        Assert.Equal(new LocalDate(2025, 2, 10), c1003.ShouldBePlacedForAdoptionOn);
        Assert.Equal(new[] { "RNE", "LS", "PLACE", "REVIEW_CODE" }, read.Notes.Where(n => n.Code == "903-NOTE" && n.Column.Length > 0 && n.Column != "(row)").Select(n => n.Column));
        Assert.Equal(new[] { 2, 5 }, read.Notes.Single(n => n.Column == "PLACE").FirstLines); // lines 2 (' u1 ') and 5 ('a3')
    }
}
