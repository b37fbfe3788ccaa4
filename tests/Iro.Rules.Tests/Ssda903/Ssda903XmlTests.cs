using System.IO;
using System.Text;
using System.Xml;
using FsCheck.Xunit;
using Iro.Rules.Caseload;
using Iro.Rules.Tests.Caseload;
using Iro.Rules.Ssda903;

namespace Iro.Rules.Tests.Ssda903Reading;

/// <summary>Writes SSDA903 CSV tables as the XML return (EXPSSDA903 &gt; CHILD &gt; HEADER with AREVIEW and AD_PLACED,
/// CHILD &gt; EPISODE with PL for PLACE), every value verbatim, bad ones included: the test's own converter, so that the
/// reader is checked against files it did not write. Rows whose CHILD is not in header.csv go into a CHILD with no
/// CHILDID (and no header fields), the XML's row with no known child.</summary>
public static class CsvToXml
{
    /// <summary>Copies the return's own (DfE) tables of a folder, not the council's iro_allocations.csv and
    /// iro_roster.csv (for children that <see cref="Ssda903Reader.WriteXml"/>, which writes no allocations, gives back).</summary>
    public static string ReturnTablesOnly(string csvFolder, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string name in new[] { "header.csv", "episodes.csv", "reviews.csv", "placed_for_adoption.csv" })
        {
            if (File.Exists(Path.Combine(csvFolder, name)))
            {
                File.Copy(Path.Combine(csvFolder, name), Path.Combine(to, name));
            }
        }

        return to;
    }

    /// <summary>The return as XML in <paramref name="xmlFolder"/>, with the council's iro_allocations.csv and
    /// iro_roster.csv copied beside it, as a council keeps them.</summary>
    public static string ConvertWithCouncilFiles(string csvFolder, string xmlFolder, string name = "return.xml")
    {
        Directory.CreateDirectory(xmlFolder);
        foreach (string file in new[] { "iro_allocations.csv", "iro_roster.csv" })
        {
            File.Copy(Path.Combine(csvFolder, file), Path.Combine(xmlFolder, file));
        }

        return Convert(csvFolder, Path.Combine(xmlFolder, name));
    }

    public static string Convert(string csvFolder, string xmlPath)
    {
        var header = Table(Path.Combine(csvFolder, "header.csv"));
        var episodes = Table(Path.Combine(csvFolder, "episodes.csv"));
        var reviews = Table(Path.Combine(csvFolder, "reviews.csv"));
        var adoption = File.Exists(Path.Combine(csvFolder, "placed_for_adoption.csv")) ? Table(Path.Combine(csvFolder, "placed_for_adoption.csv")) : [];
        var ids = header.Select(h => h.Get("CHILD")).ToList();
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<EXPSSDA903>\n");
        foreach (var h in header)
        {
            string id = h.Get("CHILD");
            xml.Append("  <CHILD>\n    <HEADER>\n");
            foreach (var (name, value) in h)
            {
                xml.Append($"      {Element(name == "CHILD" ? "CHILDID" : name, value)}\n");
            }

            Records(xml, reviews.Where(r => r.Get("CHILD") == id), "AREVIEW", "      ");
            Records(xml, adoption.Where(r => r.Get("CHILD") == id), "AD_PLACED", "      ");
            xml.Append("    </HEADER>\n");
            Records(xml, episodes.Where(r => r.Get("CHILD") == id), "EPISODE", "    ");
            xml.Append("  </CHILD>\n");
        }

        var unknown = reviews.Where(r => !ids.Contains(r.Get("CHILD"))).ToList();
        if (unknown.Count > 0)
        {
            xml.Append("  <CHILD>\n    <HEADER>\n");
            Records(xml, unknown, "AREVIEW", "      ");
            xml.Append("    </HEADER>\n  </CHILD>\n");
        }

        xml.Append("</EXPSSDA903>\n");
        File.WriteAllText(xmlPath, xml.ToString());
        return xmlPath;
    }

    private static void Records(StringBuilder xml, IEnumerable<List<(string Name, string Value)>> rows, string element, string indent)
    {
        foreach (var row in rows)
        {
            xml.Append($"{indent}<{element}>\n");
            foreach (var (name, value) in row.Where(c => c.Name is not ("CHILD" or "DOB")))
            {
                xml.Append($"{indent}  {Element(name == "PLACE" ? "PL" : name, value)}\n");
            }

            xml.Append($"{indent}</{element}>\n");
        }
    }

    private static string Element(string name, string value) => value.Length == 0 ? $"<{name} />" : $"<{name}>{System.Security.SecurityElement.Escape(value)}</{name}>";

    private static List<List<(string Name, string Value)>> Table(string path)
    {
        string[] lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        string[] names = lines[0].Split(',');
        return lines.Skip(1).Select(l => names.Zip(l.Split(','), (n, v) => (n, v)).ToList()).ToList();
    }

    private static string Get(this List<(string Name, string Value)> row, string name) => row.First(c => c.Name == name).Value;
}

/// <summary>The XML return read as the CSV tables are: the same children, flags, problems and counts; bad input reported
/// with the file, line and element; malformed XML and a DOCTYPE refused.</summary>
public class Ssda903XmlTests
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "Ssda903Samples");
    private static readonly LocalDate AsOf = new(2025, 11, 10);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SampleReturn_AsXml_GivesTheSameChildrenFlagsProblemsAndCounts(bool fullHistory)
    {
        using var temp = new TempFolder();
        string xml = CsvToXml.ConvertWithCouncilFiles(Samples, temp.Path); // iro_allocations.csv and iro_roster.csv beside it
        var options = new Ssda903ReadOptions { AsOf = AsOf, FullHistory = fullHistory };

        var csv = Ssda903Reader.ReadFolders([Samples], options);
        var fromXml = Ssda903Reader.ReadXml(xml, options);

        Assert.Equal(csv.Children, fromXml.Children);
        Assert.Equal(RecordedFacts.IroAllocations, fromXml.Recorded);
        Assert.Equal(new IroAllocation("IRO-B", new LocalDate(2025, 10, 2)), Assert.Single(fromXml.Children.Single(c => c.Id == "1010").IroAllocations!));
        Assert.Empty(fromXml.Children.Single(c => c.Id == "1002").IroAllocations!); // recorded: none allocated
        Assert.Equal(["IRO-A", "IRO-B", "IRO-C"], fromXml.IroRoster!.Iros);
        Assert.Equal(0.04m, fromXml.IroRoster.FullTimeEquivalentOf("IRO-B"));
        Assert.Equal(csv.Notes.Select(n => (n.Code, n.Count)), fromXml.Notes.Select(n => (n.Code, n.Count)));
        Assert.Equal(new[] { "1006", "1007" }, fromXml.NotEvaluated.Select(n => n.ChildId));
        Assert.Equal(csv.NotEvaluated.Select(n => (n.ChildId, string.Join(";", n.Rejections.Select(r => r.Code)))), fromXml.NotEvaluated.Select(n => (n.ChildId, string.Join(";", n.Rejections.Select(r => r.Code)))));
        Assert.Equal((37, 30, 7, 1), (fromXml.RowsRead, fromXml.RowsUsed, fromXml.RowsRejected, fromXml.RowsWithoutChild)); // as the samples' README counts them, iro_allocations.csv's 5 rows among them
        Assert.Equal((csv.RowsRead, csv.RowsUsed, csv.RowsRejected, csv.RowsWithoutChild), (fromXml.RowsRead, fromXml.RowsUsed, fromXml.RowsRejected, fromXml.RowsWithoutChild));
        Assert.Equal((csv.ChildrenRead, csv.ChildrenEvaluated), (fromXml.ChildrenRead, fromXml.ChildrenEvaluated));
        Assert.Equal(csv.IncompleteReasons.Select(XmlWording), fromXml.IncompleteReasons); // the same reasons, each source's rows with no known child named as it names them
        Assert.Contains("1 row has a CHILD with a blank or missing CHILDID in the XML return: their owners cannot be known", string.Join("\n", fromXml.IncompleteReasons), StringComparison.Ordinal);
        Assert.Equal(csv.Windows.Select(w => (w.Start, w.End, w.CollectionYear)), fromXml.Windows.Select(w => (w.Start, w.End, w.CollectionYear)));
        Assert.Equal(csv.Problems.Select(p => (p.Code, p.ChildId)), fromXml.Problems.Select(p => (p.Code, p.ChildId)));

        var evaluator = new CaseloadEvaluator();
        static string Key(ChildEvaluation e) => e.ChildId + "|" + string.Join(";", e.Flags.Select(f => $"{f.Rule}/{f.StatusText}/{f.Date}/{f.Reason}"));
        var flags = evaluator.Evaluate(fromXml.Children, AsOf).Select(Key).ToList();
        Assert.Equal(evaluator.Evaluate(csv.Children, AsOf).Select(Key), flags);
        Assert.Contains(flags, f => f.StartsWith("1009|", StringComparison.Ordinal) && f.Contains("LOC-4", StringComparison.Ordinal)); // PL A3 read as PLACE
        Assert.Contains(flags, f => f.Contains("IRO-1", StringComparison.Ordinal)); // the allocations beside the XML are read
    }

    [Theory]
    [InlineData(false)] // each CHILD once: streamed
    [InlineData(true)] // a CHILD twice: every child held
    public void AllocationsBesideTheXml_GoToTheirChildren_AndTheirBadRowsAreReportedAsAFoldersAre(bool childTwice)
    {
        using var temp = new TempFolder();
        string two = "<CHILD><HEADER><CHILDID>2</CHILDID><DOB>01/01/2016</DOB></HEADER><EPISODE><DECOM>06/01/2025</DECOM><RNE>S</RNE><LS>C2</LS><PL>U1</PL></EPISODE></CHILD>";
        string xml = temp.Write("return.xml", "<EXPSSDA903>\n"
            + "<CHILD><HEADER><CHILDID>3</CHILDID><DOB>01/01/2015</DOB></HEADER><EPISODE><DECOM>06/01/2025</DECOM><RNE>S</RNE><LS>C2</LS><PL>U1</PL></EPISODE></CHILD>\n"
            + two + "\n"
            + "<CHILD><HEADER><CHILDID>1</CHILDID><DOB>01/01/2015</DOB></HEADER><EPISODE><DECOM>06/01/2025</DECOM><RNE>S</RNE><LS>C2</LS><PL>U1</PL></EPISODE></CHILD>\n"
            + (childTwice ? two + "\n" : string.Empty)
            + "</EXPSSDA903>\n");
        // Not in the XML's order; a child not in the return, a blank CHILD, a bad FROM.
        temp.Write("iro_allocations.csv", "CHILD,IRO,FROM\n1,IRO-A,07/01/2025\n9,IRO-A,07/01/2025\n3,IRO-B,31/02/2025\n,IRO-A,07/01/2025\n1,IRO-B,2025-06-01\n");
        temp.Write("iro_roster.csv", "IRO,FTE\nIRO-A,0.6\n");

        var read = Ssda903Reader.ReadXml(xml, new Ssda903ReadOptions { FullHistory = true });

        Assert.Equal(RecordedFacts.IroAllocations, read.Recorded);
        Assert.Equal([new IroAllocation("IRO-A", new LocalDate(2025, 1, 7)), new IroAllocation("IRO-B", new LocalDate(2025, 6, 1))], read.Children.Single(c => c.Id == "1").IroAllocations!);
        Assert.Equal(0.6m, read.IroRoster!.FullTimeEquivalentOf("IRO-A"));
        Assert.Contains(read.Problems, p => (p.File, p.Line, p.Column, p.Value, p.ChildId, p.Code) == ("iro_allocations.csv", 4, "FROM", "31/02/2025", "3", "903-VALUE"));
        Assert.DoesNotContain(read.Children, c => c.Id == "3");
        var orphans = read.Problems.Where(p => p.Code == "903-ORPHAN").Select(p => (p.File, p.Line, p.Value, p.ChildId, p.Message)).ToArray();
        Assert.Equal(
            [("iro_allocations.csv", 3, "9", string.Empty, "the child is not in return.xml"), ("iro_allocations.csv", 5, string.Empty, string.Empty, "the child ID is blank, so the row's owner cannot be known")],
            orphans);
        Assert.Equal(2, read.RowsWithoutChild);
        Assert.Contains("2 rows have a blank CHILD or one not in the XML return (in the iro_allocations.csv beside it): their owners cannot be known, so some child may have been evaluated without them", read.IncompleteReasons);
        Assert.Equal(read.RowsRead, read.RowsUsed + read.RowsRejected);
        Assert.Equal(childTwice ? 13 : 11, read.RowsRead); // 3 (or 4) headers, as many episodes, 5 allocation rows
    }

    [Fact]
    public void AllocationsBesideTheXml_WithAMissingColumn_RefuseTheRead_NamingFileAndColumn()
    {
        using var temp = new TempFolder();
        string xml = temp.Write("return.xml", "<EXPSSDA903><CHILD><HEADER><CHILDID>1</CHILDID><DOB>01/01/2015</DOB></HEADER></CHILD></EXPSSDA903>");
        temp.Write("iro_allocations.csv", "CHILD,IRO\n1,IRO-A\n");

        var e = Assert.Throws<Ssda903FormatException>(() => Ssda903Reader.ReadXml(xml, new Ssda903ReadOptions { FullHistory = true }));

        Assert.Equal(("iro_allocations.csv", "FROM"), (e.File, e.Column));
    }

    [Fact]
    public void SampleReturn_AsXml_ReportsTheBadDateWithLineAndElement_AndTheLowerCaseCodeAsANote()
    {
        using var temp = new TempFolder();
        string xml = CsvToXml.Convert(Samples, Path.Combine(temp.Path, "return.xml"));
        int decomLine = Array.FindIndex(File.ReadAllLines(xml), l => l.Contains("<DECOM>31/02/2025</DECOM>", StringComparison.Ordinal)) + 1;
        int codeLine = Array.FindIndex(File.ReadAllLines(xml), l => l.Contains("<REVIEW_CODE>pn3</REVIEW_CODE>", StringComparison.Ordinal)) + 1;

        var read = Ssda903Reader.ReadXml(xml, new Ssda903ReadOptions { FullHistory = true });

        Ssda903Problem bad = Assert.Single(read.Problems, p => p.Code == "903-VALUE");
        Assert.Equal(("return.xml", decomLine, "EPISODE/DECOM", "31/02/2025", "1006"), (bad.File, bad.Line, bad.Column, bad.Value, bad.ChildId));
        Assert.StartsWith("not a date", bad.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(read.Children, c => c.Id == "1006"); // not evaluated on half its data
        Assert.Contains(read.NotEvaluated, n => n.ChildId == "1006" && n.Rejections.Any(r => r.Field == "EPISODE/DECOM" && r.Line == decomLine));

        Ssda903Problem orphan = Assert.Single(read.Problems, p => p.Code == "903-ORPHAN");
        Assert.Equal(("return.xml", "HEADER/CHILDID", string.Empty), (orphan.File, orphan.Column, orphan.ChildId));

        var note = Assert.Single(read.Notes, n => n.Column == "AREVIEW/REVIEW_CODE");
        Assert.Equal(new[] { codeLine }, note.FirstLines);
        Assert.Contains("'pn3' as 'PN3'", note.Message, StringComparison.Ordinal);
        Assert.Contains(read.Children, c => c.Id == "1001");
    }

    [Property(Arbitrary = new[] { typeof(CaseloadProperties.Arbs) }, MaxTest = 20)]
    public bool WritingAsXmlAndReadingBack_GivesTheSameChildrenAndFlags(CaseloadProperties.Caseload caseload)
    {
        using var temp = new TempFolder();
        // As for the CSV round trip: the return carries facts only, and every episode has a PLACE code.
        var valid = caseload.Children
            .Select(c => new ChildCase(c.Id, c.DateOfBirth, c.Episodes.Select(e => e with { PlacementType = e.PlacementType ?? "U1" }), c.Reviews)
            {
                ShouldBePlacedForAdoptionOn = c.ShouldBePlacedForAdoptionOn,
                AdoptionDecisionReversedOn = c.AdoptionDecisionReversedOn,
            })
            .Where(c => ChildCaseValidator.Instance.Validate(c).IsValid)
            .ToArray();
        string xml = Path.Combine(temp.Path, "round-trip.xml");
        Ssda903Reader.WriteXml(valid, xml);
        var read = Ssda903Reader.ReadXml(xml, new Ssda903ReadOptions { FullHistory = true });
        var evaluator = new CaseloadEvaluator();
        var asOf = new LocalDate(2025, 11, 10);
        static string Key(ChildEvaluation e) => e.ChildId + "|" + string.Join(";", e.Flags.Select(f => $"{f.Rule}/{f.StatusText}/{f.Date}/{f.Reason}"));
        int rows = valid.Sum(c => 1 + c.Episodes.Count + c.Reviews.Count + (c.ShouldBePlacedForAdoptionOn is null ? 0 : 1));
        return read.Problems.Count == 0
            && read.Children.SequenceEqual(valid)
            && (read.RowsRead, read.RowsUsed, read.RowsRejected) == (rows, rows, 0)
            && evaluator.Evaluate(valid, asOf).Select(Key).SequenceEqual(evaluator.Evaluate(read.Children, asOf).Select(Key));
    }

    [Property(MaxTest = 100)]
    public bool AnyIdXmlCanHold_RoundTrips_EscapedAsNeeded(FsCheck.NonEmptyString text)
    {
        string id = text.Get;
        if (id.Trim().Length != id.Length || !IsXmlText(id))
        {
            return true; // blank, padded, or a character XML cannot carry: refused by WriteXml (tested above)
        }

        using var temp = new TempFolder();
        var child = new ChildCase(id, new LocalDate(2015, 1, 1), [new Iro.Rules.Legal.Episode(new LocalDate(2025, 1, 6), null, Iro.Rules.Legal.LegalStatus.C2, Iro.Rules.Legal.ReasonForNewEpisode.S, "U1")], []);
        string xml = Path.Combine(temp.Path, "ids.xml");
        Ssda903Reader.WriteXml([child], xml);
        var read = Ssda903Reader.ReadXml(xml, new Ssda903ReadOptions { FullHistory = true });
        return read.Children.Count == 1 && read.Children[0].Id == id;
    }

    [Fact]
    public void WriteXml_GivesTheSampleChildrenBack()
    {
        using var temp = new TempFolder();
        var children = Ssda903Reader.ReadFolder(CsvToXml.ReturnTablesOnly(Samples, Path.Combine(temp.Path, "csv"))).Children;
        string xml = Path.Combine(temp.Path, "out", "return.xml");
        Ssda903Reader.WriteXml(children, xml);
        Assert.Equal(children, Ssda903Reader.ReadXml(xml, new Ssda903ReadOptions { FullHistory = true }).Children);
        Assert.StartsWith("<?xml", File.ReadAllText(xml), StringComparison.Ordinal);
        Assert.Contains("<PL>A3</PL>", File.ReadAllText(xml), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteXml_RefusesAnIdXmlCannotHold_NamingTheChild()
    {
        using var temp = new TempFolder();
        var child = new ChildCase("A\u0001", new LocalDate(2015, 1, 1), [], []);
        var e = Assert.Throws<ArgumentException>(() => Ssda903Reader.WriteXml([child], Path.Combine(temp.Path, "x.xml")));
        Assert.Contains("Child 'A", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedXml_Throws_NamingTheFileLineAndPosition()
    {
        using var temp = new TempFolder();
        string xml = temp.Write("return.xml", "<EXPSSDA903>\n  <CHILD>\n    <HEADER><CHILDID>1</CHILDID><DOB>01/01/2015</DOB></HEADER>\n  </CHILD>\n  <CHILD>\n    <HEADER><CHILDID>2</CHILDID></HEDER>\n  </CHILD>\n</EXPSSDA903>\n");

        var e = Assert.Throws<Ssda903FormatException>(() => Ssda903Reader.ReadXml(xml));

        Assert.Equal("return.xml", e.File);
        Assert.StartsWith("return.xml is not well-formed XML at line 6, position ", e.Message, StringComparison.Ordinal);
        Assert.IsType<XmlException>(e.InnerException);
    }

    [Fact]
    public void Doctype_IsRefused_AndNoEntityIsRead()
    {
        using var temp = new TempFolder();
        string secret = temp.Write("secret.txt", "should never be read");
        string xml = temp.Write("return.xml", $"<?xml version=\"1.0\"?>\n<!DOCTYPE EXPSSDA903 [ <!ENTITY x SYSTEM \"file://{secret}\"> ]>\n<EXPSSDA903><CHILD><HEADER><CHILDID>&x;</CHILDID><DOB>01/01/2015</DOB></HEADER></CHILD></EXPSSDA903>\n");

        var e = Assert.Throws<Ssda903FormatException>(() => Ssda903Reader.ReadXml(xml));

        Assert.StartsWith("return.xml is refused: it has a DOCTYPE", e.Message, StringComparison.Ordinal);
        Assert.Equal("return.xml", e.File);
        Assert.DoesNotContain("should never be read", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<CHILDREN><CHILD /></CHILDREN>", "its root element is <CHILDREN>")]
    [InlineData("", "is not well-formed XML from its start: Root element is missing")]
    [InlineData("<EXPSSDA903></EXPSSDA903><EXPSSDA903 />", "not well-formed XML at line 1")]
    public void NotAReturn_IsRefused_NamingTheFile(string text, string expected)
    {
        using var temp = new TempFolder();
        string xml = temp.Write("return.xml", text);
        var e = Assert.Throws<Ssda903FormatException>(() => Ssda903Reader.ReadXml(xml, new Ssda903ReadOptions { FullHistory = true }));
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), e.Message);
        Assert.Equal("return.xml", e.File);
    }

    [Fact]
    public void ElementsInAnyOrder_Wrappers_PlaceAlias_AndOtherRecords_AreRead()
    {
        using var temp = new TempFolder();
        string xml = temp.Write("return.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <EXPSSDA903>
              <CHILD>
                <EPISODES>
                  <EPISODE><LS>C2</LS><PLACE> u1 </PLACE><RNE>S</RNE><DECOM>2025-01-06</DECOM><CIN>N1</CIN></EPISODE>
                </EPISODES>
                <HEADER>
                  <AREVIEW><REVIEW_CODE>PN1</REVIEW_CODE><REVIEW>04/02/2025</REVIEW></AREVIEW>
                  <OC2><CONVICTED>0</CONVICTED></OC2>
                  <DOB>01/01/2015</DOB><SEX>1</SEX><CHILDID>7</CHILDID>
                </HEADER>
              </CHILD>
              <LA>999</LA>
            </EXPSSDA903>
            """);

        var read = Ssda903Reader.ReadXml(xml, new Ssda903ReadOptions { FullHistory = true });

        Assert.Empty(read.Problems);
        ChildCase child = Assert.Single(read.Children);
        Assert.Equal(new Iro.Rules.Legal.Episode(new LocalDate(2025, 1, 6), null, Iro.Rules.Legal.LegalStatus.C2, Iro.Rules.Legal.ReasonForNewEpisode.S, "U1"), Assert.Single(child.Episodes));
        Assert.Equal(new LocalDate(2025, 2, 4), Assert.Single(child.Reviews).Date);
        Assert.Equal((3, 3, 0), (read.RowsRead, read.RowsUsed, read.RowsRejected)); // the header, the episode, the review
        Assert.Equal(new[] { "return.xml/OC2" }, read.IgnoredFiles);
        Assert.Contains(read.Notes, n => n.Column == "EPISODE/PLACE" && n.Message.Contains("'u1' as 'U1'", StringComparison.Ordinal));
        Assert.Contains(read.Notes, n => n.Column == "LA" && n.Message.Contains("not a CHILD", StringComparison.Ordinal));
        Assert.Contains(read.Notes, n => n.Column == "OC2" && n.Count == 1 && n.Message.StartsWith("<OC2> records are not read", StringComparison.Ordinal));
    }

    private const string Episode = "<EPISODE><DECOM>06/01/2025</DECOM><RNE>S</RNE><LS>C2</LS><PL>U1</PL></EPISODE>";

    [Fact]
    public void ReviewRecords_NamedREVIEW_UnderChildOrInHeader_AreReadAsAREVIEWIs()
    {
        using var temp = new TempFolder();
        string areview = temp.Write("areview.xml", $"""
            <EXPSSDA903>
              <CHILD>
                <HEADER><CHILDID>1</CHILDID><DOB>01/01/2015</DOB>
                  <AREVIEW><REVIEW>04/02/2025</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
                </HEADER>
                {Episode}
                <AREVIEW><REVIEW>01/08/2025</REVIEW><REVIEW_CODE>PN0</REVIEW_CODE></AREVIEW>
              </CHILD>
            </EXPSSDA903>
            """);
        string review = temp.Write("review.xml", $"""
            <EXPSSDA903>
              <CHILD>
                <HEADER><CHILDID>1</CHILDID><DOB>01/01/2015</DOB>
                  <REVIEW><REVIEW>04/02/2025</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></REVIEW>
                </HEADER>
                {Episode}
                <REVIEW><REVIEW_CODE>PN0</REVIEW_CODE><REVIEW>01/08/2025</REVIEW></REVIEW>
              </CHILD>
            </EXPSSDA903>
            """);
        var options = new Ssda903ReadOptions { FullHistory = true };

        var expected = Ssda903Reader.ReadXml(areview, options);
        var read = Ssda903Reader.ReadXml(review, options);

        Assert.Equal(2, expected.Children.Single().Reviews.Count);
        Assert.Equal(expected.Children, read.Children);
        Assert.Empty(read.Problems);
        Assert.Empty(read.IgnoredFiles);
        Assert.Empty(read.Notes);
        Assert.Equal((4, 4, 0), (read.RowsRead, read.RowsUsed, read.RowsRejected)); // the header, the episode, two reviews

        // No REV-1 flag for want of the reviews: the same flags as from AREVIEW.
        var evaluator = new CaseloadEvaluator();
        static string Key(ChildEvaluation e) => e.ChildId + "|" + string.Join(";", e.Flags.Select(f => $"{f.Rule}/{f.StatusText}/{f.Date}/{f.Reason}"));
        Assert.Equal(evaluator.Evaluate(expected.Children, AsOf).Select(Key), evaluator.Evaluate(read.Children, AsOf).Select(Key));
    }

    [Fact]
    public void AReviewRecord_NamedREVIEW_WithABadValue_IsReportedWithItsElement()
    {
        using var temp = new TempFolder();
        string xml = temp.Write("return.xml", $"""
            <EXPSSDA903>
              <CHILD><HEADER><CHILDID>1</CHILDID><DOB>01/01/2015</DOB></HEADER>{Episode}
                <REVIEW><REVIEW>31/02/2025</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></REVIEW>
              </CHILD>
            </EXPSSDA903>
            """);

        var read = Ssda903Reader.ReadXml(xml, new Ssda903ReadOptions { FullHistory = true });

        Ssda903Problem p = Assert.Single(read.Problems);
        Assert.Equal((3, "REVIEW/REVIEW", "31/02/2025", "1"), (p.Line, p.Column, p.Value, p.ChildId));
        Assert.Empty(read.Children);
    }

    [Fact]
    public void AREVIEWField_WithTextOnly_IsAField_NotARecord()
    {
        using var temp = new TempFolder();
        string xml = temp.Write("return.xml", $"<EXPSSDA903><CHILD><HEADER><CHILDID>1</CHILDID><DOB>01/01/2015</DOB><REVIEW>04/02/2025</REVIEW></HEADER>{Episode}</CHILD></EXPSSDA903>");

        var read = Ssda903Reader.ReadXml(xml, new Ssda903ReadOptions { FullHistory = true });

        Assert.Empty(read.Problems);
        Assert.Empty(Assert.Single(read.Children).Reviews);
        Assert.Equal((2, 2), (read.RowsRead, read.RowsUsed)); // the header and the episode
    }

    [Fact]
    public void RecordsNotRead_AreNoted_OncePerElementWithACount_AndListed()
    {
        using var temp = new TempFolder();
        string xml = temp.Write("return.xml", $"""
            <EXPSSDA903>
              <CHILD>
                <HEADER><CHILDID>1</CHILDID><DOB>01/01/2015</DOB><OC2><CONVICTED>0</CONVICTED></OC2></HEADER>
                {Episode}
                <AMISSING><MISSING>M</MISSING></AMISSING>
              </CHILD>
              <CHILD>
                <HEADER><CHILDID>2</CHILDID><DOB>01/01/2015</DOB></HEADER>
                <EPISODES>{Episode}<PERMANENCE><DATE_PERM>01/01/2025</DATE_PERM></PERMANENCE></EPISODES>
                <AMISSING><MISSING>A</MISSING></AMISSING>
                <AMISSING><MISSING>M</MISSING><DETAIL><X>1</X></DETAIL></AMISSING>
              </CHILD>
            </EXPSSDA903>
            """);

        var read = Ssda903Reader.ReadXml(xml, new Ssda903ReadOptions { FullHistory = true });

        Assert.Equal(2, read.Children.Count);
        Assert.Empty(read.Problems);
        Assert.Equal(new[] { "return.xml/AMISSING", "return.xml/OC2", "return.xml/PERMANENCE" }, read.IgnoredFiles);
        var notes = read.Notes.Where(n => n.Code == "903-NOTE").Select(n => (n.File, n.Column, n.Count, n.FirstLines.Count)).ToArray();
        Assert.Equal(new[] { ("return.xml", "OC2", 1, 1), ("return.xml", "AMISSING", 3, 3), ("return.xml", "PERMANENCE", 1, 1) }, notes);
        Assert.Equal(new[] { 5, 10, 11 }, read.Notes.Single(n => n.Column == "AMISSING").FirstLines);
    }

    [Fact]
    public void ChildWithoutId_IsRowsWithNoKnownChild_AndMakesTheReadIncomplete()
    {
        using var temp = new TempFolder();
        string xml = temp.Write("return.xml", """
            <EXPSSDA903>
              <CHILD><HEADER><CHILDID>1</CHILDID><DOB>01/01/2015</DOB></HEADER><EPISODE><DECOM>06/01/2025</DECOM><RNE>S</RNE><LS>C2</LS><PL>U1</PL></EPISODE></CHILD>
              <CHILD>
                <HEADER><CHILDID> </CHILDID><DOB>01/01/2016</DOB></HEADER>
                <EPISODE><DECOM>06/01/2025</DECOM><RNE>S</RNE><LS>C2</LS><PL>U1</PL></EPISODE>
              </CHILD>
            </EXPSSDA903>
            """);

        var read = Ssda903Reader.ReadXml(xml, new Ssda903ReadOptions { FullHistory = true });

        Assert.Equal(new[] { "1" }, read.Children.Select(c => c.Id));
        Assert.Equal((4, 2, 2, 2), (read.RowsRead, read.RowsUsed, read.RowsRejected, read.RowsWithoutChild));
        Assert.Equal(new[] { 4, 5 }, read.Problems.Where(p => p.Code == "903-ORPHAN").Select(p => p.Line));
        Assert.True(read.IsIncomplete);
        Assert.Contains("2 rows have a CHILD with a blank or missing CHILDID in the XML return: their owners cannot be known, so some child may have been evaluated without them", read.IncompleteReasons);
        Assert.DoesNotContain(read.IncompleteReasons, r => r.Contains("header.csv", StringComparison.Ordinal)); // an XML run has no header.csv
        Assert.Equal(1, read.ChildrenRead);
    }

    [Fact]
    public void SameChildTwice_IsHeldWhole_AndReportedAsTwiceInTheFile()
    {
        using var temp = new TempFolder();
        string xml = temp.Write("return.xml", """
            <EXPSSDA903>
              <CHILD><HEADER><CHILDID>2</CHILDID><DOB>01/01/2015</DOB></HEADER></CHILD>
              <CHILD><HEADER><CHILDID>1</CHILDID><DOB>01/01/2015</DOB></HEADER><EPISODE><DECOM>06/01/2025</DECOM><RNE>S</RNE><LS>C2</LS><PL>U1</PL></EPISODE></CHILD>
              <CHILD><HEADER><CHILDID>2</CHILDID><DOB>01/01/2015</DOB></HEADER></CHILD>
            </EXPSSDA903>
            """);

        using (Ssda903Stream stream = Ssda903Reader.Open([xml], new Ssda903ReadOptions { FullHistory = true }))
        {
            Assert.False(stream.Streaming);
        }

        var read = Ssda903Reader.ReadXml(xml, new Ssda903ReadOptions { FullHistory = true });
        Assert.Equal(new[] { "1" }, read.Children.Select(c => c.Id));
        Assert.Contains(read.Problems, p => p.ChildId == "2" && p.Line == 4 && p.Message == "the child appears twice in return.xml");
        Assert.Equal((4, 2, 2), (read.RowsRead, read.RowsUsed, read.RowsRejected));
    }

    [Fact]
    public void OneXmlReturn_InAnyChildOrder_Streams()
    {
        using var temp = new TempFolder();
        string xml = temp.Write("return.xml", "<EXPSSDA903><CHILD><HEADER><CHILDID>9</CHILDID><DOB>01/01/2015</DOB></HEADER><EPISODE><DECOM>06/01/2025</DECOM><RNE>S</RNE><LS>C2</LS><PL>U1</PL></EPISODE></CHILD><CHILD><HEADER><CHILDID>1</CHILDID><DOB>01/01/2015</DOB></HEADER><EPISODE><DECOM>06/01/2025</DECOM><RNE>S</RNE><LS>C2</LS><PL>U1</PL></EPISODE></CHILD></EXPSSDA903>");
        using Ssda903Stream stream = Ssda903Reader.Open([xml], new Ssda903ReadOptions { FullHistory = true });
        Assert.True(stream.Streaming);
        Assert.Equal(new[] { "9", "1" }, stream.Children.Select(c => c.Id).ToArray());
        Assert.Equal(2, stream.Result.ChildrenEvaluated);
    }

    [Fact]
    public void BadValues_EachReportedWithTheirElement_AndDuplicateFields()
    {
        using var temp = new TempFolder();
        string xml = temp.Write("return.xml", """
            <EXPSSDA903>
              <CHILD>
                <HEADER><CHILDID>1</CHILDID><DOB>31/02/2015</DOB>
                  <AREVIEW><REVIEW>04/02/2025</REVIEW><REVIEW_CODE>PN9</REVIEW_CODE></AREVIEW>
                  <AD_PLACED><DATE_PLACED>10/02/2025</DATE_PLACED><DATE_PLACED_CEASED>01/02/2025</DATE_PLACED_CEASED><REASON_PLACED_CEASED>RD1</REASON_PLACED_CEASED></AD_PLACED>
                </HEADER>
                <EPISODE><DECOM>06/01/2025</DECOM><DECOM>07/01/2025</DECOM><RNE>S</RNE><LS>X9</LS><PL>U1</PL></EPISODE>
                <EPISODE><RNE>S</RNE><LS>C2</LS></EPISODE>
              </CHILD>
            </EXPSSDA903>
            """);

        var read = Ssda903Reader.ReadXml(xml, new Ssda903ReadOptions { FullHistory = true });

        Assert.Empty(read.Children);
        Assert.Equal(
            new[]
            {
                "3 HEADER/DOB 31/02/2015",
                "4 AREVIEW/REVIEW_CODE PN9",
                "5 AD_PLACED/DATE_PLACED_CEASED 01/02/2025",
                "7 EPISODE/DECOM 07/01/2025",
                "7 EPISODE/LS X9",
                "8 EPISODE/DECOM ",
                "8 EPISODE/PL ",
            },
            read.Problems.Select(p => $"{p.Line} {p.Column} {p.Value}"));
        Assert.Contains(read.Problems, p => p.Column == "EPISODE/DECOM" && p.Message.Contains("more than once", StringComparison.Ordinal));
        Assert.Contains(read.Problems, p => p.Column == "EPISODE/DECOM" && p.Message.StartsWith("the date is missing", StringComparison.Ordinal));
        Assert.Equal(read.RowsRead, read.RowsUsed + read.RowsRejected);
        Assert.Equal(5, read.RowsRejected);
    }

    [Fact]
    public void XmlAndCsvReturns_AreMergedAsTwoWindows()
    {
        using var temp = new TempFolder();
        // Last year's return as XML, this year's to date as CSV: one history, each child's rows from both.
        string xmlFolder = Path.Combine(temp.Path, "2024");
        Directory.CreateDirectory(xmlFolder);
        CsvToXml.Convert(Samples, Path.Combine(xmlFolder, "return-2024.xml"));

        var read = Ssda903Reader.ReadFolders([xmlFolder, Samples], new Ssda903ReadOptions { AsOf = AsOf });

        Assert.Equal(2, read.Windows.Count);
        Assert.Equal(Ssda903Reader.ReadFolders([Samples], new Ssda903ReadOptions { AsOf = AsOf }).Children.Select(c => c.Id), read.Children.Select(c => c.Id));
        Assert.Contains(read.Problems, p => p.File == "2024/return-2024.xml");
        Assert.Contains(read.IncompleteReasons, r => r.StartsWith("2 rows have a blank CHILD or one not in header.csv, or a CHILD with a blank or missing CHILDID in the XML return: ", StringComparison.Ordinal)); // one from each return
    }

    private static string XmlWording(string reason) =>
        reason.Replace("a blank CHILD or one not in header.csv", "a CHILD with a blank or missing CHILDID in the XML return", StringComparison.Ordinal);

    private static bool IsXmlText(string text)
    {
        try
        {
            XmlConvert.VerifyXmlChars(text);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>A temporary folder, deleted afterwards.</summary>
    private sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iro-rules-903xml-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Write(string name, string text)
        {
            string path = System.IO.Path.Combine(Path, name);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
