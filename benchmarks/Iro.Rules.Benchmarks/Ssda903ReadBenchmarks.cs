using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Attributes;
using Iro.Rules.Caseload;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Ssda903;
using NodaTime;

namespace Iro.Rules.Benchmarks;

/// <summary>
/// Reading an SSDA903 return for N synthetic children (4-8 episodes and 6-10 reviews each, about 15 rows a child):
/// <see cref="Ssda903Reader.ReadFolder"/> from CSV files on disk, and <see cref="Ssda903Reader.Read"/> from the same
/// text in memory (parsing, building and validating the records without file I/O). The files are written once by
/// <see cref="Ssda903Reader.WriteFolder"/>; set-up fails if reading them back rejects any row.
/// </summary>
[MemoryDiagnoser]
public class Ssda903ReadBenchmarks
{
    private static readonly LocalDate AsOf = new(2025, 11, 24);
    private static readonly LegalStatus[] Statuses = [LegalStatus.C1, LegalStatus.C2, LegalStatus.V2];
    private static readonly string[] Placements = ["U1", "U2", "U3", "U4", "U5", "U6"];
    private string folder = null!;
    private string headerText = null!;
    private string episodesText = null!;
    private string reviewsText = null!;
    private string adoptionText = null!;

    [Params(10_000, 100_000)]
    public int Children { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261123);
        var children = new ChildCase[Children];
        for (int i = 0; i < Children; i++)
        {
            LocalDate start = AsOf.PlusDays(-random.Next(1_700, 2_600));
            LocalDate dob = start.PlusDays(-random.Next(1, 10 * 365));

            // Contiguous episodes: each starts the day the previous one ends; only the last is open.
            int episodeCount = random.Next(4, 9);
            var episodes = new List<Episode>(episodeCount);
            LocalDate from = start;
            for (int e = 0; e < episodeCount; e++)
            {
                LocalDate? to = e == episodeCount - 1 ? null : from.PlusDays(random.Next(20, 200));
                ReasonForNewEpisode reason = e == 0 ? ReasonForNewEpisode.S : random.Next(2) == 0 ? ReasonForNewEpisode.L : ReasonForNewEpisode.P;
                episodes.Add(new Episode(from, to, Statuses[random.Next(Statuses.Length)], reason, Placements[random.Next(Placements.Length)]));
                from = to ?? from;
            }

            // Reviews after care began, strictly increasing dates (so distinct), each with a code that fits the age.
            int reviewCount = random.Next(6, 11);
            var reviews = new List<CaseReview>(reviewCount);
            LocalDate review = start.PlusDays(random.Next(10, 21));
            for (int k = 0; k < reviewCount; k++)
            {
                ParticipationCode code = Period.Between(dob, review, PeriodUnits.Years).Years < 4
                    ? ParticipationCode.PN0
                    : (ParticipationCode)random.Next(1, 8);
                reviews.Add(new CaseReview(review, code));
                review = review.PlusDays(random.Next(60, 180));
            }

            children[i] = new ChildCase("C" + i.ToString(CultureInfo.InvariantCulture), dob, episodes, reviews);
        }

        folder = Path.Combine(Path.GetTempPath(), "iro-ssda903-bench-" + Guid.NewGuid().ToString("N"));
        Ssda903Reader.WriteFolder(children, folder);
        headerText = File.ReadAllText(Path.Combine(folder, "header.csv"));
        episodesText = File.ReadAllText(Path.Combine(folder, "episodes.csv"));
        reviewsText = File.ReadAllText(Path.Combine(folder, "reviews.csv"));
        adoptionText = File.ReadAllText(Path.Combine(folder, "placed_for_adoption.csv"));

        // A broken generator must fail loudly, not measure the rejection path.
        Check(Ssda903Reader.ReadFolder(folder), nameof(ReadFolder));
        Check(ReadText(), nameof(Read));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true)]
    public int ReadFolder() => Ssda903Reader.ReadFolder(folder).Children.Count;

    [Benchmark]
    public int Read() => ReadText().Children.Count;

    private Ssda903ReadResult ReadText()
    {
        using var header = new StringReader(headerText);
        using var episodes = new StringReader(episodesText);
        using var reviews = new StringReader(reviewsText);
        using var adoption = new StringReader(adoptionText);
        return Ssda903Reader.Read(header, episodes, reviews, adoption);
    }

    private void Check(Ssda903ReadResult result, string how)
    {
        if (result.Problems.Count > 0 || result.NotEvaluated.Count > 0 || result.RowsRejected > 0 || result.Children.Count != Children)
        {
            string first = result.Problems.Count > 0
                ? result.Problems[0].ToString()
                : result.NotEvaluated.Count > 0 ? $"{result.NotEvaluated[0].ChildId}: {string.Join("; ", result.NotEvaluated[0].Rejections)}" : "none";
            throw new InvalidOperationException(
                $"{how}: the synthetic SSDA903 data did not read back cleanly: {result.Children.Count} of {Children} children, " +
                $"{result.Problems.Count} problems, {result.NotEvaluated.Count} not evaluated, {result.RowsRejected} of {result.RowsRead} rows rejected; first: {first}");
        }

        Console.WriteLine($"// {how}: {result.Children.Count} children, {result.RowsRead} rows read, {result.RowsUsed} used, {result.RowsRejected} rejected");
    }
}
