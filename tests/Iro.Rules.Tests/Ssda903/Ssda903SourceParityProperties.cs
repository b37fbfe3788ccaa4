using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Ssda903;

namespace Iro.Rules.Tests.Ssda903Reading;

/// <summary>The same values, good and bad, give the same children, problems, notes and counts whether the return is
/// read from its CSV tables or from its XML: the value checks have one home (what a date is, which codes are
/// accepted, how a code is normalised and noted, the messages), only the names of the fields and the lines differ.</summary>
public class Ssda903SourceParityProperties
{
    private static readonly string[] Dates = ["06/01/2025", "2025-01-06", "6/1/2025", "06/01/2025 00:00", "2025-01-06T00:00:00", "06/01/2025 10:00", "31/02/2025", "", " 06/01/2025 ", "2025/01/06", "29/02/2024", "29/02/2025", "10/03/2025"];
    private static readonly string[] Ends = ["", "", "10/03/2025", "01/01/2025", "31/02/2025", "2025-03-10 00:00"];
    private static readonly string[] Births = ["01/01/2015", "2015-01-01", "1/1/2015", "31/02/2015", "", "2015-13-01"];
    private static readonly string[] Ls = ["C2", "V2", "c2", " V2 ", "X9", "", "J1", "v 2"];
    private static readonly string[] Rne = ["S", "P", "s", "Z", "", " B"];
    private static readonly string[] Places = ["U1", "A3", "u4", " K3", "Q9", "", "k3"];
    private static readonly string[] Recs = ["", "E11", "e3", " X1"];
    private static readonly string[] Pn = ["PN1", "PN7", "pn3", " PN2", "PN0", "PN8", "", "P N1", "pN1"];
    private static readonly string[] Reasons = ["", "RD1", "rd2", "RD9", " RD3"];

    /// <summary>One child's rows: the values of each field, picked from the pools above.</summary>
    public sealed record Rows(string Dob, string[][] Episodes, string[][] Reviews, string[][] Adoptions)
    {
        public override string ToString() =>
            $"DOB '{Dob}'; episodes {Show(Episodes)}; reviews {Show(Reviews)}; adoption {Show(Adoptions)}";

        private static string Show(string[][] rows) => string.Join(" | ", rows.Select(r => string.Join(",", r.Select(v => $"'{v}'"))));
    }

    public static class Arbs
    {
        public static Arbitrary<Rows> Rows()
        {
            Gen<string[]> episode =
                from start in Gen.Elements(Dates)
                from rne in Gen.Elements(Rne)
                from ls in Gen.Elements(Ls)
                from place in Gen.Elements(Places)
                from end in Gen.Elements(Ends)
                from rec in Gen.Elements(Recs)
                select new[] { start, rne, ls, place, end, rec };
            Gen<string[]> review =
                from date in Gen.Elements(Dates)
                from code in Gen.Elements(Pn)
                select new[] { date, code };
            Gen<string[]> adoption =
                from decided in Gen.Elements(Dates)
                from ceased in Gen.Elements(Ends)
                from reason in Gen.Elements(Reasons)
                select new[] { decided, ceased, reason };
            return (from dob in Gen.Elements(Births)
                    from episodes in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(episode, n))
                    from reviews in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(review, n))
                    from adoptions in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(adoption, n))
                    select new Rows(dob, episodes, reviews, adoptions)).ToArbitrary();
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 150)]
    public void AnyValues_GiveTheSameChildrenProblemsNotesAndCounts_FromCsvAndFromXml(Rows rows) => Same(rows);

    /// <summary>Found by the property above: a repeated review and a repeated adoption decision in one XML return were
    /// counted as one kind of note (both "(row)" of the same file), where the CSV tables count them apart; each XML
    /// record's repeats are now noted under its own kind (<c>AREVIEW/(row)</c>, <c>AD_PLACED/(row)</c>).</summary>
    [Fact]
    public void RepeatedReviewAndRepeatedAdoption_AreNotedApart_FromCsvAndFromXml() => Same(new Rows(
        "31/02/2015",
        [["10/03/2025", "P", "", "k3", "31/02/2025", ""]],
        [["06/01/2025", "pn3"], ["06/01/2025 00:00", "pn3"]],
        [["2025-01-06T00:00:00", "2025-03-10 00:00", " RD3"], ["2025-01-06", "2025-03-10 00:00", " RD3"]]));

    private static void Same(Rows rows)
    {
        using var temp = new TempFolder(
            $"CHILD,DOB\n1,{rows.Dob}\n",
            "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\n" + string.Concat(rows.Episodes.Select(e => "1," + string.Join(",", e) + "\n")),
            "CHILD,REVIEW,REVIEW_CODE\n" + string.Concat(rows.Reviews.Select(r => "1," + string.Join(",", r) + "\n")));
        temp.Write("placed_for_adoption.csv", "CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n" + string.Concat(rows.Adoptions.Select(a => "1," + string.Join(",", a) + "\n")));
        string xml = CsvToXml.Convert(temp.Path, Path.Combine(temp.Path, "return.xml"));
        var options = new Ssda903ReadOptions { FullHistory = true };

        var csv = Ssda903Reader.ReadFolder(temp.Path, options);
        var fromXml = Ssda903Reader.ReadXml(xml, options);

        Assert.Equal(csv.Children, fromXml.Children);
        Assert.Equal((csv.RowsRead, csv.RowsUsed, csv.RowsRejected, csv.ChildrenEvaluated), (fromXml.RowsRead, fromXml.RowsUsed, fromXml.RowsRejected, fromXml.ChildrenEvaluated));
        Assert.Equal(Problems(csv), Problems(fromXml)); // the XML gives a child's records in another order: compared sorted
        Assert.Equal(Notes(csv), Notes(fromXml));
        Assert.Equal(
            csv.NotEvaluated.Select(n => (n.ChildId, n.Rejections.Count)),
            fromXml.NotEvaluated.Select(n => (n.ChildId, n.Rejections.Count)));
    }

    /// <summary>The problems with what only the source decides taken out: the field's name (EPISODE/PL is the CSV's
    /// PLACE), the file and the lines.</summary>
    private static string[] Problems(Ssda903ReadResult read) =>
        read.Problems.Select(p => $"{p.Code} {p.ChildId} {Field(p.Column)} '{p.Value}': {Neutral(p.Message)}").Order(StringComparer.Ordinal).ToArray();

    private static string[] Notes(Ssda903ReadResult read) =>
        read.Notes.Where(n => n.Code == "903-NOTE" && n.Column.Length > 0)
            .Select(n => $"{Field(n.Column)} x{n.Count}: {Neutral(n.Message)}").Order(StringComparer.Ordinal).ToArray();

    private static string Field(string column)
    {
        string name = column[(column.LastIndexOf('/') + 1)..];
        return name switch { "PL" => "PLACE", "CHILDID" => "CHILD", _ => name };
    }

    private static string Neutral(string message)
    {
        string text = message.Replace("(PL, the CSV's PLACE)", "(PLACE)", StringComparison.Ordinal);
        text = Regex.Replace(text, @"(header|episodes|reviews|placed_for_adoption)\.csv|return\.xml", "FILE");
        return Regex.Replace(text, @"line \d+", "line N");
    }
}
