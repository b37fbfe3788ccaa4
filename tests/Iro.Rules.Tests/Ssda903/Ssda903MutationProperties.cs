using System.IO;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Caseload;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Ssda903;

namespace Iro.Rules.Tests.Ssda903Reading;

/// <summary>Issue H, section 7: any mutation of a valid 903 folder either throws <see cref="Ssda903FormatException"/>
/// naming the file, or accounts for every row and child; the streamed and the buffered reads agree.</summary>
public class Ssda903MutationProperties
{
    private static readonly string[] Files = ["header.csv", "episodes.csv", "reviews.csv", "placed_for_adoption.csv"];
    private static readonly string[] Junk = ["", "zz", "31/02/2025", "2025-01-06 10:00", "pn9", "c2", " U1 ", "\"", "9999-12-31", "0001-01-01", "1O01", "A;B"];

    /// <summary>One mutation: which kind, on which file, and where.</summary>
    public sealed record Mutation(int Kind, int File, int Row, int Column, int Pick, int Cut)
    {
        public override string ToString() =>
            $"{new[] { "delete column", "rename column", "corrupt value", "blank CHILD", "stray quote", "truncate", "duplicate row", "swap rows" }[Kind]} in {Files[File]} row {Row} column {Column} pick {Pick} cut {Cut}";
    }

    public static class Arbs
    {
        public static Arbitrary<Mutation> Mutation() =>
            (from kind in Gen.Choose(0, 7)
             from file in Gen.Choose(0, 3)
             from row in Gen.Choose(0, 40)
             from column in Gen.Choose(0, 12)
             from pick in Gen.Choose(0, Junk.Length - 1)
             from cut in Gen.Choose(0, 100)
             select new Mutation(kind, file, row, column, pick, cut)).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 200)]
    public void AnyMutation_ThrowsNamingTheFile_OrAccountsForEveryRowAndChild(Mutation mutation)
    {
        string folder = Path.Combine(Path.GetTempPath(), "iro-903m-" + Guid.NewGuid().ToString("N"));
        try
        {
            Ssda903Reader.WriteFolder(Children(), folder);
            string path = Path.Combine(folder, Files[mutation.File]);
            string mutated = Mutate(File.ReadAllText(path), mutation);
            File.WriteAllText(path, mutated);
            Ssda903ReadResult read;
            try
            {
                read = Ssda903Reader.ReadFolder(folder);
            }
            catch (Ssda903FormatException e)
            {
                Assert.Equal(Files[mutation.File], e.File);
                Assert.Contains(Files[mutation.File], e.Message, StringComparison.Ordinal);
                return;
            }

            Assert.Equal(read.RowsRead, read.RowsUsed + read.RowsRejected);
            Assert.Equal(read.ChildrenRead, read.Children.Count + read.NotEvaluated.Count);
            Assert.All(read.NotEvaluated, n => Assert.NotEmpty(n.Rejections));
            Assert.Empty(read.Children.Select(c => c.Id).Intersect(read.NotEvaluated.Select(n => n.ChildId)));
            Assert.Equal(read.RowsWithoutChild, read.Problems.Count(p => p.Code == "903-ORPHAN"));

            // Every row is counted: without quotes, each non-blank line after the header is one row.
            if (!File.ReadAllText(Path.Combine(folder, Files[mutation.File])).Contains('"', StringComparison.Ordinal))
            {
                int lines = Files.Sum(f => File.ReadAllLines(Path.Combine(folder, f)).Skip(1).Count(l => l.Trim().Length > 0));
                Assert.Equal(lines, read.RowsRead);
            }

            // The buffered read from readers gives the same children and counts as the (streamed) folder read.
            using var header = new StreamReader(Path.Combine(folder, Files[0]));
            using var episodes = new StreamReader(Path.Combine(folder, Files[1]));
            using var reviews = new StreamReader(Path.Combine(folder, Files[2]));
            using var adoption = new StreamReader(Path.Combine(folder, Files[3]));
            var buffered = Ssda903Reader.Read(header, episodes, reviews, adoption);
            Assert.Equal(read.Children.OrderBy(c => c.Id, StringComparer.Ordinal), buffered.Children.OrderBy(c => c.Id, StringComparer.Ordinal));
            Assert.Equal((read.RowsRead, read.RowsUsed, read.RowsWithoutChild, read.ChildrenRead), (buffered.RowsRead, buffered.RowsUsed, buffered.RowsWithoutChild, buffered.ChildrenRead));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Mutate(string text, Mutation m)
    {
        var lines = text.Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        int row = lines.Count <= 1 ? 0 : 1 + (m.Row % (lines.Count - 1));
        string[] Fields(int i) => lines[i].Split(',');
        int column = m.Column % Fields(0).Length;
        switch (m.Kind)
        {
            case 0:
                lines = lines.Select(l => string.Join(",", l.Split(',').Where((_, i) => i != column))).ToList();
                break;
            case 1:
                string[] head = Fields(0);
                head[column] = head[column] + "X";
                lines[0] = string.Join(",", head);
                break;
            case 2:
                string[] fields = Fields(row);
                fields[m.Column % fields.Length] = Junk[m.Pick];
                lines[row] = string.Join(",", fields);
                break;
            case 3:
                if (row > 0)
                {
                    string[] f = Fields(row);
                    f[0] = string.Empty;
                    lines[row] = string.Join(",", f);
                }

                break;
            case 4:
                string joined = string.Join("\n", lines);
                int at = joined.Length * m.Cut / 100;
                return joined.Insert(at, "\"") + "\n";
            case 5:
                string all = string.Join("\n", lines) + "\n";
                return all[..(all.Length * m.Cut / 100)];
            case 6:
                lines.Insert(row, lines[row]);
                break;
            default:
                if (lines.Count > 2)
                {
                    int other = 1 + (m.Cut % (lines.Count - 1));
                    (lines[row], lines[other]) = (lines[other], lines[row]);
                }

                break;
        }

        return string.Join("\n", lines) + "\n";
    }

    /// <summary>A small valid caseload with every table used, ordered by child.</summary>
    private static ChildCase[] Children()
    {
        var children = new List<ChildCase>();
        for (int i = 0; i < 12; i++)
        {
            var start = new LocalDate(2023, 1, 10).PlusDays(i * 40);
            var dob = new LocalDate(2012, 3, 1).PlusDays(i * 90);
            var episodes = new List<Episode>
            {
                new(start, start.PlusDays(100), LegalStatus.C1, ReasonForNewEpisode.S, "U1"),
                new(start.PlusDays(100), i % 3 == 0 ? start.PlusDays(400) : null, i % 2 == 0 ? LegalStatus.E1 : LegalStatus.C2, ReasonForNewEpisode.P, i % 4 == 0 ? "A3" : "U3"),
            };
            var reviews = Enumerable.Range(0, 1 + (i % 4)).Select(k => new CaseReview(start.PlusDays(15 + (k * 120)), ParticipationCode.PN1)).ToArray();
            children.Add(new ChildCase("C" + (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), dob, episodes, reviews)
            {
                ShouldBePlacedForAdoptionOn = i % 4 == 0 ? start.PlusDays(90) : null,
            });
        }

        return children.Where(c => ChildCaseValidator.Instance.Validate(c).IsValid).ToArray();
    }
}
