using System.IO;
using System.Text;
using Iro.Rules.Caseload;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Ssda903;

namespace Iro.Rules.Tests.Ssda903Reading;

/// <summary>A folder of SSDA903 files in the temp folder, deleted at the end.</summary>
internal sealed class TempFolder : IDisposable
{
    internal const string Header = "CHILD,SEX,DOB\n1001,1,01/01/2015\n1002,2,01/06/2023\n";
    internal const string Episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\n1001,06/01/2025,S,V2,N1,U1,PR1,,\n1002,20/10/2025,S,C2,N1,U4,PR1,,\n";
    internal const string Reviews = "CHILD,DOB,REVIEW,REVIEW_CODE\n1001,01/01/2015,04/02/2025,PN1\n1001,01/01/2015,04/05/2025,PN1\n";

    internal TempFolder(string? header = Header, string? episodes = Episodes, string? reviews = Reviews)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iro-903-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Write("header.csv", header);
        Write("episodes.csv", episodes);
        Write("reviews.csv", reviews);
    }

    internal string Path { get; }

    internal TempFolder Write(string name, string? text, Encoding? encoding = null)
    {
        if (text is not null)
        {
            File.WriteAllText(System.IO.Path.Combine(Path, name), text, encoding ?? new UTF8Encoding(false));
        }

        return this;
    }

    internal Ssda903ReadResult Read(Ssda903ReadOptions? options = null) => Ssda903Reader.ReadFolder(Path, options);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

/// <summary>Issue H, sections 2 and 6: strict where it matters, forgiving where it is safe, no bad record loses the batch.</summary>
public class Ssda903InputTests
{
    private static void Balanced(Ssda903ReadResult read)
    {
        Assert.Equal(read.RowsRead, read.RowsUsed + read.RowsRejected);
        Assert.Equal(read.ChildrenRead, read.Children.Count + read.NotEvaluated.Count);
        Assert.Equal(read.Children.Count, read.ChildrenEvaluated);
    }

    [Fact]
    public void Plain_ReadsEveryRow()
    {
        using var f = new TempFolder();
        var read = f.Read();
        Assert.Equal((6, 6, 0), (read.RowsRead, read.RowsUsed, read.RowsRejected));
        Assert.Equal(new[] { "1001", "1002" }, read.Children.Select(c => c.Id));
        Assert.Empty(read.Problems);
        Assert.Empty(read.Notes);
        Assert.False(read.IsIncomplete);
        Balanced(read);
    }

    [Fact]
    public void MisnamedColumn_Throws_WithTheNearestHeader()
    {
        using var f = new TempFolder(reviews: "CHILD,DOB,REVIEW,REVIEWCODE\n1001,01/01/2015,04/02/2025,PN1\n");
        var e = Assert.Throws<Ssda903FormatException>(() => f.Read());
        Assert.Equal("reviews.csv has no REVIEW_CODE column (nearest: REVIEWCODE).", e.Message);
        Assert.Equal(("reviews.csv", "REVIEW_CODE"), (e.File, e.Column));
        Assert.IsAssignableFrom<IOException>(e);
    }

    [Fact]
    public void MissingColumn_Throws_BeforeAnyRowIsRead()
    {
        using var f = new TempFolder(episodes: "CHILD,DECOM,RNE,LS,PLACE\n1001,06/01/2025,S,V2,U1\n");
        var e = Assert.Throws<Ssda903FormatException>(() => f.Read());
        Assert.Equal(("episodes.csv", "DEC"), (e.File, e.Column));
        Assert.StartsWith("episodes.csv has no DEC column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlaceColumn_IsRequired()
    {
        using var f = new TempFolder(episodes: "CHILD,DECOM,RNE,LS,DEC\n1001,06/01/2025,S,V2,\n");
        Assert.Equal("PLACE", Assert.Throws<Ssda903FormatException>(() => f.Read()).Column);
    }

    [Theory]
    [InlineData("", "episodes.csv is empty")]
    [InlineData("\n\n", "episodes.csv is empty")]
    [InlineData("1001,06/01/2025,S,V2,N1,U1,PR1,,\n", "episodes.csv has no header row")]
    public void EmptyOrHeaderlessFile_Throws_NamingIt(string episodes, string start)
    {
        using var f = new TempFolder(episodes: episodes);
        var e = Assert.Throws<Ssda903FormatException>(() => f.Read());
        Assert.StartsWith(start, e.Message, StringComparison.Ordinal);
        Assert.Equal("episodes.csv", e.File);
    }

    [Fact]
    public void MissingFile_Throws_NamingIt()
    {
        using var f = new TempFolder(reviews: null);
        var e = Assert.Throws<Ssda903FormatException>(() => f.Read());
        Assert.Equal("reviews.csv", e.File);
        Assert.Contains("has no reviews.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredColumnTwice_Throws_ButAnIgnoredOneTwice_IsRead()
    {
        using (var f = new TempFolder(header: "CHILD,DOB,DOB\n1001,01/01/2015,01/01/2015\n1002,01/06/2023,01/06/2023\n"))
        {
            var e = Assert.Throws<Ssda903FormatException>(() => f.Read());
            Assert.Equal("DOB", e.Column);
            Assert.Contains("2 times", e.Message, StringComparison.Ordinal);
        }

        using (var f = new TempFolder(header: "CHILD,SEX,DOB,SEX\n1001,1,01/01/2015,1\n1002,2,01/06/2023,2\n"))
        {
            Assert.Equal(2, f.Read().Children.Count);
        }
    }

    [Theory]
    [InlineData("06/01/2025")]
    [InlineData("6/1/2025")]
    [InlineData("06/01/2025 00:00")]
    [InlineData("06/01/2025 00:00:00")]
    [InlineData("2025-01-06")]
    [InlineData("2025-01-06 00:00:00")]
    [InlineData("2025-01-06T00:00:00")]
    public void ExcelDates_AreRead(string decom)
    {
        using var f = new TempFolder(episodes: $"CHILD,DECOM,RNE,LS,PLACE,DEC\n1001,{decom},S,V2,U1,\n1002,20/10/2025,S,C2,U4,\n");
        var read = f.Read();
        Assert.Empty(read.Problems);
        Assert.Equal(new LocalDate(2025, 1, 6), read.Children[0].Episodes[0].Start);
    }

    [Theory]
    [InlineData("06/01/2025 09:30", "time other than midnight")]
    [InlineData("01/13/2025", "not a date")]
    [InlineData("31/02/2025", "not a date")]
    [InlineData("06/01/25", "not a date")]
    [InlineData("6 Jan 2025", "not a date")]
    public void OtherDates_AreBadValues(string decom, string message)
    {
        using var f = new TempFolder(episodes: $"CHILD,DECOM,RNE,LS,PLACE,DEC\n1001,{decom},S,V2,U1,\n1002,20/10/2025,S,C2,U4,\n");
        var read = f.Read();
        var problem = Assert.Single(read.Problems);
        Assert.Equal(("episodes.csv", 2, "DECOM", "1001"), (problem.File, problem.Line, problem.Column, problem.ChildId));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal("1001", Assert.Single(read.NotEvaluated).ChildId);
        Assert.Equal(new[] { "1002" }, read.Children.Select(c => c.Id));
        Balanced(read);
    }

    [Fact]
    public void LowerCaseAndSpacedCodes_AreNormalised_AsNotes_AndTheChildIsEvaluated()
    {
        using var f = new TempFolder(
            episodes: "CHILD,DECOM,RNE,LS,PLACE,DEC\n1001,06/01/2025,s,\" v2 \",u1,\n1002,20/10/2025,S,c2,U4,\n",
            reviews: "CHILD,REVIEW,REVIEW_CODE\n1001,04/02/2025,pn1\n1001,04/05/2025, PN1\n");
        var read = f.Read();
        Assert.Empty(read.Problems);
        Assert.Equal(2, read.Children.Count);
        ChildCase c = read.Children[0];
        Assert.Equal((LegalStatus.V2, ReasonForNewEpisode.S, "U1"), (c.Episodes[0].LegalStatus, c.Episodes[0].Reason, c.Episodes[0].PlacementType));
        Assert.All(c.Reviews, r => Assert.Equal(ParticipationCode.PN1, r.Code));
        Assert.Equal(new[] { "RNE", "LS", "PLACE", "REVIEW_CODE" }, read.Notes.Select(n => n.Column));
        var ls = read.Notes.Single(n => n.Column == "LS");
        Assert.Equal(2, ls.Count);
        Assert.Equal(new[] { 2, 3 }, ls.FirstLines);
        Assert.Equal(2, read.Notes.Single(n => n.Column == "REVIEW_CODE").Count);
    }

    [Theory]
    [InlineData("X9", "U1", "LS")]
    [InlineData("V2", "Q9", "PLACE")]
    [InlineData("V2", "", "PLACE")]
    [InlineData("V2", "A2", "PLACE")]
    public void UnknownOrBlankCodes_AreStillBadValues(string ls, string place, string column)
    {
        using var f = new TempFolder(episodes: $"CHILD,DECOM,RNE,LS,PLACE,DEC\n1001,06/01/2025,S,{ls},{place},\n1002,20/10/2025,S,C2,U4,\n");
        var read = f.Read();
        Assert.Equal(column, Assert.Single(read.Problems).Column);
        Assert.Equal("1001", Assert.Single(read.NotEvaluated).ChildId);
    }

    [Fact]
    public void BomCrlfAndTrailingBlankLines_AreRead_WithTheSameLineNumbers()
    {
        static string Crlf(string s) => s.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\r\n";
        using var plain = new TempFolder(reviews: TempFolder.Reviews + "1001,01/01/2015,31/02/2025,PN1\n");
        using var windows = new TempFolder(Crlf(TempFolder.Header), Crlf(TempFolder.Episodes), null);
        windows.Write("reviews.csv", Crlf(TempFolder.Reviews + "1001,01/01/2015,31/02/2025,PN1\n"), new UTF8Encoding(true));
        Assert.Equal(3, File.ReadAllBytes(Path.Combine(windows.Path, "reviews.csv")).TakeWhile(b => b > 127).Count()); // a BOM
        var a = plain.Read();
        var b = windows.Read();
        Assert.Equal(a.Problems, b.Problems);
        Assert.Equal(4, Assert.Single(b.Problems).Line);
        Assert.Equal((a.RowsRead, a.RowsUsed), (b.RowsRead, b.RowsUsed));
        Assert.Equal(a.Children, b.Children);
    }

    [Fact]
    public void SemicolonSeparator_AndReorderedColumns_AreRead()
    {
        using var plain = new TempFolder();
        using var other = new TempFolder(
            TempFolder.Header.Replace(',', ';'),
            "DEC;PLACE;CHILD;LS;RNE;DECOM\n;U1;1001;V2;S;06/01/2025\n;U4;1002;C2;S;20/10/2025\n",
            "REVIEW_CODE,REVIEW,CHILD\nPN1,04/02/2025,1001\nPN1,04/05/2025,1001\n");
        var read = other.Read();
        Assert.Empty(read.Problems);
        Assert.Equal(plain.Read().Children, read.Children);
    }

    [Fact]
    public void AChildInReviewsButNotInHeader_IsReportedWithNoChild_AndCounted()
    {
        using var f = new TempFolder(reviews: TempFolder.Reviews + "1008,01/01/2014,01/04/2025,PN1\n,,01/04/2025,PN1\n");
        var read = f.Read();
        Assert.Equal(2, read.RowsWithoutChild);
        Assert.All(read.Problems, p => Assert.Equal(("903-ORPHAN", string.Empty), (p.Code, p.ChildId)));
        Assert.Equal(new[] { 4, 5 }, read.Problems.Select(p => p.Line));
        Assert.Equal(2, read.Children.Count); // 1001 is still evaluated, but the run is incomplete
        Assert.True(read.IsIncomplete);
        Assert.Contains(read.IncompleteReasons, r => r.Contains("2 rows have a blank CHILD", StringComparison.Ordinal));
        Assert.Equal((8, 6, 2), (read.RowsRead, read.RowsUsed, read.RowsRejected));
        Balanced(read);
    }

    [Fact]
    public void DuplicateRows_AreReadOnce_AsNotes_AndConflictingOnes_RejectTheChild()
    {
        using (var f = new TempFolder(
            episodes: TempFolder.Episodes + "1001,06/01/2025,S,V2,N1,U1,PR1,,\n",
            reviews: TempFolder.Reviews + "1001,01/01/2015,04/05/2025,PN1\n"))
        {
            var read = f.Read();
            Assert.Empty(read.Problems);
            Assert.Single(read.Children[0].Episodes);
            Assert.Equal(2, read.Children[0].Reviews.Count);
            Assert.Equal(2, read.Notes.Count(n => n.Column == "(row)"));
            Assert.Equal((8, 8), (read.RowsRead, read.RowsUsed));
        }

        using (var f = new TempFolder(
            header: TempFolder.Header + "1002,2,01/06/2023\n",
            reviews: TempFolder.Reviews + "1001,01/01/2015,04/05/2025,PN7\n"))
        {
            var read = f.Read();
            Assert.Equal(new[] { "1001", "1002" }, read.NotEvaluated.Select(n => n.ChildId).Order());
            var conflict = read.NotEvaluated.Single(n => n.ChildId == "1001").Rejections.Single();
            Assert.Equal(("903-CONFLICT", "REVIEW_CODE", 4), (conflict.Code, conflict.Field, conflict.Line));
            Assert.Contains("twice in header.csv", read.NotEvaluated.Single(n => n.ChildId == "1002").Rejections.Single().Message, StringComparison.Ordinal);
            Balanced(read);
        }
    }

    [Fact]
    public void QuotedLineBreak_DoesNotShiftLaterLineNumbers()
    {
        using var f = new TempFolder(reviews: "CHILD,REVIEW,REVIEW_CODE,NOTE\n1001,04/02/2025,PN1,\"two\nlines\"\n1001,04/05/2025,PN1,\"three\r\nline\nnote\"\n1002,99/99/2025,PN0,\n");
        var read = f.Read();
        Assert.Equal(7, Assert.Single(read.Problems).Line); // the header is 1; the rows start on lines 2, 4 and 7
    }

    [Theory]
    [InlineData("1001,\"04/02/2025,PN1\n1001,04/05/2025,PN1\n", 2)]
    [InlineData("1001,04/02/2025,PN1\n1001,\"04/05\"x/2025,PN1\n", 3)]
    public void UnclosedOrStrayQuote_Throws_NamingFileAndLine(string rows, int line)
    {
        using var f = new TempFolder(reviews: "CHILD,REVIEW,REVIEW_CODE\n" + rows);
        var e = Assert.Throws<Ssda903FormatException>(() => f.Read());
        Assert.Equal("reviews.csv", e.File);
        Assert.Contains($"reviews.csv cannot be read from line {line}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AQuoteInsideAValue_IsJustACharacter_AndABadValue()
    {
        using var f = new TempFolder(reviews: "CHILD,REVIEW,REVIEW_CODE\n1001,04/02/2025,P\"N1\n");
        var read = f.Read();
        Assert.Equal(("REVIEW_CODE", 2), (Assert.Single(read.Problems).Column, read.Problems[0].Line));
    }

    [Fact]
    public void ALongRow_IsRead_AndARowOverAMillionCharacters_Throws()
    {
        using (var f = new TempFolder(reviews: "CHILD,REVIEW,REVIEW_CODE,NOTE\n1001,04/02/2025,PN1," + new string('x', 20_000) + "\n"))
        {
            Assert.Empty(f.Read().Problems);
        }

        using (var f = new TempFolder(reviews: "CHILD,REVIEW,REVIEW_CODE,NOTE\n1001,04/02/2025,PN1," + new string('x', 1_100_000) + "\n"))
        {
            Assert.Contains("line 2: a row longer than", Assert.Throws<Ssda903FormatException>(() => f.Read()).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AShortOrLongRow_IsABadRow()
    {
        using var f = new TempFolder(episodes: "CHILD,DECOM,RNE,LS,PLACE,DEC\n1001,06/01/2025,S,V2,U1\n1002,20/10/2025,S,C2,U4,,extra\n");
        var read = f.Read();
        Assert.Equal(new[] { ("1001", 2), ("1002", 3) }, read.Problems.Select(p => (p.ChildId, p.Line)));
        Assert.All(read.Problems, p => Assert.Equal("(row)", p.Column));
        Assert.Empty(read.Children);
    }

    [Fact]
    public void OneProblemOnEveryRow_IsSummarisedOnce_WhileEachChildNamesItsOwnLine()
    {
        var header = new StringBuilder("CHILD,DOB\n");
        var episodes = new StringBuilder("CHILD,DECOM,RNE,LS,PLACE,DEC\n");
        for (int i = 0; i < 30; i++)
        {
            header.Append(CultureInfo(i)).Append(",01/01/2015\n");
            episodes.Append(CultureInfo(i)).Append(",06.01.2025,S,V2,U1,\n");
        }

        using var f = new TempFolder(header.ToString(), episodes.ToString(), "CHILD,REVIEW,REVIEW_CODE\n");
        var read = f.Read();
        var summary = Assert.Single(read.ProblemSummary);
        Assert.Equal(("episodes.csv", "DECOM", 30), (summary.File, summary.Column, summary.Count));
        Assert.Equal(new[] { 2, 3, 4, 5, 6 }, summary.FirstLines);
        Assert.StartsWith("episodes.csv DECOM: 30 rows, first at lines 2, 3, 4, 5, 6: not a date", summary.ToString(), StringComparison.Ordinal);
        Assert.Equal(30, read.NotEvaluated.Count);
        Assert.Equal(31, read.NotEvaluated[29].Rejections.Single().Line);
        Assert.True(read.IsIncomplete);
        static string CultureInfo(int i) => (2000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void PlacedForAdoption_ReasonCodes_AreChecked()
    {
        using var f = new TempFolder(header: TempFolder.Header + "1003,1,01/01/2020\n", episodes: TempFolder.Episodes + "1003,06/01/2025,S,E1,N1,U1,PR1,,\n");
        f.Write("placed_for_adoption.csv", "CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n1001,01/02/2025,01/03/2025,rd1\n1003,01/02/2025,01/03/2025,RD9\n");
        var read = f.Read();
        Assert.Equal(("REASON_PLACED_CEASED", "1003"), (Assert.Single(read.Problems).Column, read.Problems[0].ChildId));
        ChildCase c = read.Children.Single(c => c.Id == "1001");
        Assert.Equal((new LocalDate(2025, 2, 1), new LocalDate(2025, 3, 1)), (c.ShouldBePlacedForAdoptionOn, c.AdoptionDecisionReversedOn));
        Assert.Contains(read.Notes, n => n.Column == "REASON_PLACED_CEASED");
    }

    [Fact]
    public void OtherTables_AreListedAsIgnored()
    {
        using var f = new TempFolder();
        f.Write("ad1.csv", "CHILD\n1\n").Write("missing.csv", "x\n").Write("notes.txt", "x");
        var read = f.Read();
        Assert.Equal(new[] { "ad1.csv", "missing.csv" }, read.IgnoredFiles);
        Assert.Empty(read.Problems);
    }

    [Fact]
    public void FilesNotOrderedByChild_AreBuffered_SayingSo_WithTheSameResult()
    {
        using var ordered = new TempFolder(reviews: TempFolder.Reviews + "1002,01/06/2023,01/11/2025,PN0\n");
        using var shuffled = new TempFolder(
            "CHILD,SEX,DOB\n1002,2,01/06/2023\n1001,1,01/01/2015\n",
            TempFolder.Episodes,
            "CHILD,DOB,REVIEW,REVIEW_CODE\n1001,01/01/2015,04/02/2025,PN1\n1002,01/06/2023,01/11/2025,PN0\n1001,01/01/2015,04/05/2025,PN1\n");
        using (Ssda903Stream stream = Ssda903Reader.Open([ordered.Path], new Ssda903ReadOptions { FullHistory = true }))
        {
            Assert.True(stream.Streaming);
            Assert.Throws<InvalidOperationException>(() => stream.Result);
            var children = stream.Children.ToList();
            Assert.Equal(2, stream.Result.ChildrenEvaluated);
            Assert.Empty(stream.Result.Children);
            Assert.Equal(ordered.Read().Children, children);
            Assert.Throws<InvalidOperationException>(() => stream.Children);
        }

        using (Ssda903Stream stream = Ssda903Reader.Open([shuffled.Path], new Ssda903ReadOptions { FullHistory = true }))
        {
            Assert.False(stream.Streaming);
            var children = stream.Children.ToList();
            Assert.Equal(ordered.Read().Children.OrderBy(c => c.Id), children.OrderBy(c => c.Id));
            Assert.Contains(stream.Result.Notes, n => n.Message.Contains("memory grows with the caseload", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void NumericIds_OfDifferentLengths_AreStreamed()
    {
        using var f = new TempFolder(
            "CHILD,DOB\n999,01/01/2015\n1000,01/06/2023\n",
            "CHILD,DECOM,RNE,LS,PLACE,DEC\n999,06/01/2025,S,V2,U1,\n1000,20/10/2025,S,C2,U4,\n",
            "CHILD,REVIEW,REVIEW_CODE\n999,04/02/2025,PN1\n");
        using Ssda903Stream stream = Ssda903Reader.Open([f.Path], new Ssda903ReadOptions { FullHistory = true });
        Assert.True(stream.Streaming);
        Assert.Equal(new[] { "999", "1000" }, stream.Children.Select(c => c.Id));
    }

    [Fact]
    public void WriteFolder_RefusesWhatAReturnCannotCarry_NamingTheChild()
    {
        string folder = Path.Combine(Path.GetTempPath(), "iro-903-" + Guid.NewGuid().ToString("N"));
        try
        {
            var ok = new ChildCase("7", new LocalDate(2015, 1, 1), [new Episode(new LocalDate(2025, 1, 6), null, LegalStatus.V2, ReasonForNewEpisode.S, "U1")], []);
            var noCode = ok with { };
            noCode = new ChildCase("8", ok.DateOfBirth, ok.Episodes, [new CaseReview(new LocalDate(2025, 2, 1))]);
            var noPlace = new ChildCase("9", ok.DateOfBirth, [new Episode(new LocalDate(2025, 1, 6), null, LegalStatus.V2, ReasonForNewEpisode.S)], []);
            Assert.Contains("Child 8: the review on 2025-02-01 has no participation code", Assert.Throws<ArgumentException>(() => Ssda903Reader.WriteFolder([ok, noCode], folder)).Message, StringComparison.Ordinal);
            Assert.Contains("Child 9", Assert.Throws<ArgumentException>(() => Ssda903Reader.WriteFolder([noPlace], folder)).Message, StringComparison.Ordinal);

            var quoted = new ChildCase("A,\"1\"", ok.DateOfBirth, ok.Episodes, [new CaseReview(new LocalDate(2025, 2, 1), ParticipationCode.PN1)]);
            Ssda903Reader.WriteFolder([ok, quoted], folder);
            Assert.Equal(new[] { ok, quoted }, Ssda903Reader.ReadFolder(folder).Children);
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
