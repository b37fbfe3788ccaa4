using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iro.Rules.Tests.Ssda903Reading;

namespace Iro.Rules.Tests.EndToEnd;

/// <summary>The main job on the samples' return written as XML gives what it gives on the CSV tables.</summary>
public class MainJobXmlTests
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "Ssda903Samples");

    [Fact]
    public void SamplesAsXml_GiveTheSameFlagsFiguresAndChildrenNotEvaluated_AsTheCsv()
    {
        using var folder = new JobFolder();
        string xmlFolder = Path.Combine(folder.Root, "xml");
        string xml = CsvToXml.ConvertWithCouncilFiles(Samples, xmlFolder); // with the council's iro_allocations.csv and iro_roster.csv beside it
        string csvOut = Path.Combine(folder.Root, "out-csv");

        JobRun fromCsv = MainJobProcess.Run(Returns.Args(csvOut, Samples));
        JobRun fromXml = MainJobProcess.Run(Returns.Args(folder.Out, xml));
        JobRun fromXmlFolder = MainJobProcess.Run(Returns.Args(Path.Combine(folder.Root, "out-folder"), xmlFolder)); // a folder holding the XML return

        Assert.True(fromCsv.ExitCode == 1, fromCsv.ToString()); // the samples have bad rows on purpose: incomplete
        Assert.True(fromXml.ExitCode == 1, fromXml.ToString());
        Assert.True(fromXmlFolder.ExitCode == 1, fromXmlFolder.ToString());
        byte[] flags = File.ReadAllBytes(Path.Combine(csvOut, "flags.csv"));
        Assert.Contains(File.ReadAllLines(Path.Combine(csvOut, "flags.csv")), l => l.Contains(",IRO-1,", StringComparison.Ordinal)); // the allocations are read
        Assert.Equal(flags, File.ReadAllBytes(folder.OutFile("flags.csv")));
        Assert.Equal(flags, File.ReadAllBytes(Path.Combine(folder.Root, "out-folder", "flags.csv")));

        Assert.Equal(FiguresWithoutInputs(Path.Combine(csvOut, "figures.json")), FiguresWithoutInputs(folder.OutFile("figures.json")));
        Assert.Equal(FiguresWithoutInputs(Path.Combine(csvOut, "figures.json")), FiguresWithoutInputs(Path.Combine(folder.Root, "out-folder", "figures.json")));
        JsonElement figures = folder.Figures();
        Assert.Equal((37, 30, 7, 1), (figures.GetProperty("rows_read").GetInt32(), figures.GetProperty("rows_used").GetInt32(), figures.GetProperty("rows_rejected").GetInt32(), figures.GetProperty("rows_without_known_child").GetInt32()));
        Assert.True(figures.GetProperty("iro_caseloads").GetProperty("roster").GetBoolean()); // the roster beside the XML is read (IRO-3)

        // not_evaluated.csv: the same children and reasons; the XML's name the file, line and element.
        static string[] Reasons(List<string[]> rows) => rows.Skip(1).Select(r => r[0] + " " + r[1]).ToArray();
        List<string[]> csvRows = JobFolder.CsvRows(File.ReadAllText(Path.Combine(csvOut, "not_evaluated.csv")));
        List<string[]> xmlRows = folder.Csv("not_evaluated.csv");
        Assert.Equal(Reasons(csvRows), Reasons(xmlRows));
        string[] decom = Assert.Single(xmlRows, r => r[0] == "1006" && r[1] == "903-VALUE");
        int line = Array.FindIndex(File.ReadAllLines(xml), l => l.Contains("<DECOM>31/02/2025</DECOM>", StringComparison.Ordinal)) + 1;
        Assert.Equal(new[] { "return.xml", line.ToString(System.Globalization.CultureInfo.InvariantCulture), "EPISODE/DECOM", "31/02/2025" }, decom[2..6]);
    }

    [Fact]
    public void RecordsNotRead_AreNotedOnTheConsole_AndReviewRecordsNamedREVIEW_AreRead()
    {
        using var folder = new JobFolder();
        string xml = Path.Combine(folder.Root, "return.xml");
        File.WriteAllText(xml, """
            <EXPSSDA903>
              <CHILD>
                <HEADER><CHILDID>1</CHILDID><DOB>01/01/2015</DOB><OC2><CONVICTED>0</CONVICTED></OC2></HEADER>
                <EPISODE><DECOM>06/01/2025</DECOM><RNE>S</RNE><LS>C2</LS><PL>U1</PL></EPISODE>
                <REVIEW><REVIEW>04/02/2025</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></REVIEW>
              </CHILD>
            </EXPSSDA903>
            """);

        JobRun run = MainJobProcess.Run([.. Returns.Args(folder.Out, xml), "--full-history"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("note: return.xml OC2: <OC2> records are not read", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Rows read 3 = rows used 3 + rows rejected 0.", run.Stdout, StringComparison.Ordinal); // the review is a row
    }

    [Fact]
    public void MalformedXml_IsRefused_NamingTheFileAndLine_AndNothingIsWritten()
    {
        using var folder = new JobFolder();
        string xml = Path.Combine(folder.Root, "return.xml");
        File.WriteAllText(xml, "<EXPSSDA903>\n  <CHILD>\n    <HEADER><CHILDID>1</CHILDID></HEDER>\n  </CHILD>\n</EXPSSDA903>\n");

        JobRun run = MainJobProcess.Run(Returns.Args(folder.Out, xml));

        Assert.True(run.ExitCode == 2, run.ToString());
        string first = run.Stderr.Split('\n')[0];
        Assert.Contains("return.xml is not well-formed XML at line 3", first, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal); // no stack trace
        Assert.False(Directory.Exists(folder.Out));
    }

    [Fact]
    public void AFileThatIsNotXml_IsRefused_SayingWhatToGive()
    {
        using var folder = new JobFolder();
        string csv = Path.Combine(folder.Root, "header.csv");
        File.WriteAllText(csv, "CHILD,DOB\n");

        JobRun run = MainJobProcess.Run(Returns.Args(folder.Out, csv));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("is a file; give the folder that holds header.csv, episodes.csv and reviews.csv, or the return's XML file (.xml)", run.Stderr, StringComparison.Ordinal);
    }

    private static string FiguresWithoutInputs(string path)
    {
        JsonObject json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json.Remove("inputs");
        return json.ToJsonString();
    }
}
