using System.IO;
using Iro.Rules.Caseload;
using Iro.Rules.Escalation;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Ssda903;

namespace Iro.Rules.Tests.Ssda903Reading;

/// <summary>The optional iro_allocations.csv (CHILD, IRO, FROM) and iro_roster.csv (IRO, FTE): read with the return's rules (IRO-1, IRO-3).</summary>
public class Ssda903AllocationTests
{
    private const string Allocations = "CHILD,IRO,FROM\n1001,IRO-B,2025-03-01\n1001, IRO-A ,06/01/2025\n";

    [Fact]
    public void Allocations_AreRead_AndAChildWithNoRowHasNone_NotNull()
    {
        using var f = new TempFolder().Write("iro_allocations.csv", Allocations);
        Ssda903ReadResult read = f.Read();
        Assert.Empty(read.Problems);
        Assert.Equal(RecordedFacts.IroAllocations, read.Recorded);
        Assert.Equal((8, 8, 0), (read.RowsRead, read.RowsUsed, read.RowsRejected));
        ChildCase c = read.Children.Single(c => c.Id == "1001");
        Assert.Equal([new IroAllocation("IRO-A", new LocalDate(2025, 1, 6)), new IroAllocation("IRO-B", new LocalDate(2025, 3, 1))], c.IroAllocations!);
        Assert.Empty(read.Children.Single(c => c.Id == "1002").IroAllocations!);
        Assert.DoesNotContain("iro_allocations.csv", read.IgnoredFiles);
    }

    [Fact]
    public void NoAllocationsFile_NothingRecorded()
    {
        using var f = new TempFolder();
        Ssda903ReadResult read = f.Read();
        Assert.Equal(RecordedFacts.None, read.Recorded);
        Assert.All(read.Children, c => Assert.Null(c.IroAllocations));
        Assert.Null(read.IroRoster);
    }

    [Theory]
    [InlineData("1001,IRO-A,31/02/2025", "FROM", "31/02/2025")]
    [InlineData("1001,IRO-A,", "FROM", "")]
    [InlineData("1001,,06/01/2025", "IRO", "")]
    [InlineData("1001,  ,06/01/2025", "IRO", "")]
    public void ABadRow_RejectsItsChild_NamingFileLineColumnAndValue(string row, string column, string value)
    {
        using var f = new TempFolder().Write("iro_allocations.csv", "CHILD,IRO,FROM\n1002,IRO-A,20/10/2025\n" + row + "\n");
        Ssda903ReadResult read = f.Read();
        Ssda903Problem p = Assert.Single(read.Problems);
        Assert.Equal(("iro_allocations.csv", 3, column, value, "1001", "903-VALUE"), (p.File, p.Line, p.Column, p.Value, p.ChildId, p.Code));
        Assert.Equal("1001", Assert.Single(read.NotEvaluated).ChildId);
        Assert.Equal("IRO-A", Assert.Single(Assert.Single(read.Children).IroAllocations!).Iro);
        Assert.Equal(read.RowsRead, read.RowsUsed + read.RowsRejected);
    }

    [Fact]
    public void AnOrphanRow_IsCountedWithNoChild_AndTheReadIsIncomplete()
    {
        using var f = new TempFolder().Write("iro_allocations.csv", "CHILD,IRO,FROM\n1001,IRO-A,06/01/2025\n9999,IRO-A,06/01/2025\n");
        Ssda903ReadResult read = f.Read();
        Ssda903Problem p = Assert.Single(read.Problems);
        Assert.Equal(("iro_allocations.csv", 3, "CHILD", "9999", "903-ORPHAN"), (p.File, p.Line, p.Column, p.Value, p.Code));
        Assert.Equal(1, read.RowsWithoutChild);
        Assert.True(read.IsIncomplete);
        Assert.Equal(2, read.Children.Count);
    }

    [Theory]
    [InlineData("CHILD,IRO\n1001,IRO-A\n", "FROM")]
    [InlineData("CHILD,FROM\n1001,06/01/2025\n", "IRO")]
    public void AMissingColumn_RefusesTheRead_NamingFileAndColumn(string text, string column)
    {
        using var f = new TempFolder().Write("iro_allocations.csv", text);
        var e = Assert.Throws<Ssda903FormatException>(() => f.Read());
        Assert.Equal(("iro_allocations.csv", column), (e.File, e.Column));
        Assert.Contains($"iro_allocations.csv has no {column} column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoIrosFromTheSameDay_IsAConflict_AndAnExactRepeatIsReadOnce()
    {
        using var f = new TempFolder().Write("iro_allocations.csv", "CHILD,IRO,FROM\n1001,IRO-A,06/01/2025\n1001,IRO-B,06/01/2025\n1002,IRO-A,20/10/2025\n1002,IRO-A,2025-10-20\n");
        Ssda903ReadResult read = f.Read();
        Ssda903Problem p = Assert.Single(read.Problems);
        Assert.Equal(("IRO", "IRO-B", "903-CONFLICT", 3), (p.Column, p.Value, p.Code, p.Line));
        Assert.Equal("IRO-A", Assert.Single(read.Children.Single().IroAllocations!).Iro);
        Assert.Contains(read.Notes, n => n.File == "iro_allocations.csv" && n.Message.Contains("repeated exactly", StringComparison.Ordinal));
    }

    [Fact]
    public void Roster_IsRead_AndIsNotAnIgnoredTable()
    {
        using var f = new TempFolder().Write("iro_roster.csv", "IRO,FTE\nIRO-A,0.6\nIRO-B,1\n");
        Ssda903ReadResult read = f.Read();
        Assert.Equal(0.6m, read.IroRoster!.FullTimeEquivalentOf("IRO-A"));
        Assert.Equal(1m, read.IroRoster.FullTimeEquivalentOf("IRO-B"));
        Assert.Empty(read.IgnoredFiles);
        using Ssda903Stream stream = Ssda903Reader.Open([f.Path]);
        Assert.Equal(["IRO-A", "IRO-B"], stream.IroRoster!.Iros); // known before any child is read
        Assert.Equal(RecordedFacts.None, stream.Recorded);
    }

    [Theory]
    [InlineData("IRO-B,0\n", 3, "FTE", "0", "IRO-B")]
    [InlineData("IRO-B,1.6\n", 3, "FTE", "1.6", "IRO-B")]
    [InlineData("IRO-B,1.51\n", 3, "FTE", "1.51", "IRO-B")]
    [InlineData("IRO-B,abc\n", 3, "FTE", "abc", "IRO-B")]
    [InlineData("IRO-B,-1\n", 3, "FTE", "-1", "IRO-B")]
    [InlineData("IRO-B,\n", 3, "FTE", "", "IRO-B")]
    [InlineData(",1\n", 3, "IRO", "", null)]
    [InlineData("IRO-A,0.5\n", 3, "IRO", "IRO-A", "IRO-A")] // twice: which FTE is right cannot be known
    public void Roster_ABadRow_IsReported_NeverFatal_AndItsIroIsNotOnTheRoster(string row, int line, string column, string value, string? offRoster)
    {
        using var f = new TempFolder().Write("iro_roster.csv", "IRO,FTE\nIRO-A,0.6\n" + row + "IRO-C,1.5\n");
        Ssda903ReadResult read = f.Read();

        Ssda903Problem p = Assert.Single(read.Problems);
        Assert.Equal(("iro_roster.csv", line, column, value, string.Empty, "903-VALUE"), (p.File, p.Line, p.Column, p.Value, p.ChildId, p.Code));
        Assert.Equal(2, read.Children.Count); // every child still evaluated
        Assert.Equal((7, 6, 1), (read.RowsRead, read.RowsUsed, read.RowsRejected)); // the bad roster row is read and rejected
        Assert.Equal(0, read.RowsWithoutChild);
        Assert.True(read.IsIncomplete);
        Assert.Contains("1 row of iro_roster.csv was rejected: the IROs they name count as 1.0 FTE (not on the roster), so their IRO-3 ranges may be wrong", read.IncompleteReasons);
        Assert.Equal(1.5m, read.IroRoster!.FullTimeEquivalentOf("IRO-C")); // the rows after it are read
        if (offRoster is not null)
        {
            Assert.DoesNotContain(offRoster, read.IroRoster.Iros);
            Assert.Equal(1m, read.IroRoster.FullTimeEquivalentOf(offRoster));
        }

        if (offRoster != "IRO-A")
        {
            Assert.Equal(0.6m, read.IroRoster.FullTimeEquivalentOf("IRO-A"));
        }
    }

    [Fact]
    public void Roster_AnIroTwice_ThenWithABadFte_IsOffTheRoster_AndEachBadRowIsCounted()
    {
        using var f = new TempFolder().Write("iro_roster.csv", "IRO,FTE\nIRO-A,0.6\nIRO-A,0.6\nIRO-A,x\n");
        Ssda903ReadResult read = f.Read();
        Assert.Equal([3, 4], read.Problems.Select(p => p.Line));
        Assert.Equal(2, read.RowsRejected);
        Assert.Empty(read.IroRoster!.Iros);
        Assert.Contains("2 rows of iro_roster.csv were rejected: the IROs they name count as 1.0 FTE (not on the roster), so their IRO-3 ranges may be wrong", read.IncompleteReasons);
    }

    [Theory]
    [InlineData("IRO\nIRO-A\n", "FTE")]
    [InlineData("FTE\n1\n", "IRO")]
    public void Roster_AMissingColumn_RefusesTheRead_NamingFileAndColumn(string text, string column)
    {
        using var f = new TempFolder().Write("iro_roster.csv", text);
        var e = Assert.Throws<Ssda903FormatException>(() => f.Read());
        Assert.Equal(("iro_roster.csv", column), (e.File, e.Column));
        Assert.Contains($"iro_roster.csv has no {column} column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFolder_RoundTrip_Exact_WithAllocations()
    {
        ChildCase[] children =
        [
            new("1", new LocalDate(2015, 1, 1), [new Episode(new LocalDate(2025, 1, 6), null, LegalStatus.C2, ReasonForNewEpisode.S, "U1")], [new CaseReview(new LocalDate(2025, 2, 3), ParticipationCode.PN1)])
            {
                IroAllocations = [new IroAllocation("Smith, J", new LocalDate(2025, 1, 7)), new IroAllocation("IRO \"B\"", new LocalDate(2025, 6, 1))],
            },
            new("2", new LocalDate(2016, 1, 1), [new Episode(new LocalDate(2025, 2, 6), null, LegalStatus.V2, ReasonForNewEpisode.S, "U1")], []) { IroAllocations = [] },
        ];
        string folder = Path.Combine(Path.GetTempPath(), "iro-903-" + Guid.NewGuid().ToString("N"));
        try
        {
            Ssda903Reader.WriteFolder(children, folder);
            Ssda903ReadResult read = Ssda903Reader.ReadFolder(folder);
            Assert.Empty(read.Problems);
            Assert.Equal(children, read.Children);

            // None recorded: no file (and none left behind), so the children read back with none recorded either.
            ChildCase[] unrecorded = children.Select(c => c with { IroAllocations = null }).ToArray();
            Ssda903Reader.WriteFolder(unrecorded, folder);
            Assert.False(File.Exists(Path.Combine(folder, "iro_allocations.csv")));
            Assert.Equal(unrecorded, Ssda903Reader.ReadFolder(folder).Children);

            ChildCase padded = children[1] with { IroAllocations = [new IroAllocation(" A", new LocalDate(2025, 2, 6))] };
            Assert.Contains("Child 2: the IRO allocation from 2025-02-06", Assert.Throws<ArgumentException>(() => Ssda903Reader.WriteFolder([padded], folder)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
