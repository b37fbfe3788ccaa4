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
        Assert.Equal((32, 25, 7), (read.RowsRead, read.RowsUsed, read.RowsRejected));
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
                "1004 REV-3 overdue 2024-11-01",
                "1004 PAR-1 flag 2024-05-01",
                "1005 LOC-2 flag 2024-06-01",
                "1005 LOC-3 flag 2024-06-01",
                "1005 LC-5 overdue 2025-06-15",
                "1009 REV-3 overdue 2025-11-02",
                "1009 LOC-4 flag 2025-06-02",
                "1010 REV-1 overdue 2025-10-29",
                "1010 LEG-1 flag 2025-10-01",
            },
            flags);
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
