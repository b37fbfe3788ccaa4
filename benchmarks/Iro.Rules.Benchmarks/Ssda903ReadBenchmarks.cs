using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CaseloadReport;
using Iro.Rules.Caseload;
using Iro.Rules.Ssda903;
using NodaTime;

namespace Iro.Rules.Benchmarks;

/// <summary>
/// Reading an SSDA903 return for N synthetic children (the sample's <c>SyntheticCaseload</c> with long histories:
/// about 6 episodes and 8 reviews each), written once by <see cref="Ssda903Reader.WriteFolder"/> with ids in order:
/// <see cref="Ssda903Reader.ReadFolder"/> (every child held in the result), <see cref="Ssda903Reader.Open"/> (one
/// child at a time), and <see cref="Ssda903Reader.Read"/> from the same text in memory (buffered). Set-up fails if
/// reading back rejects any row.
/// </summary>
/// <remarks>For peak memory, time a whole process with <c>farm-bench</c>: <c>ssda903-write N folder</c> writes the
/// data, <c>ssda903-read folder</c> streams it (see benchmarks/README.md).</remarks>
[MemoryDiagnoser]
public class Ssda903ReadBenchmarks
{
    private static readonly LocalDate AsOf = new(2025, 11, 24);
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
        folder = Path.Combine(Path.GetTempPath(), "iro-ssda903-bench-" + Guid.NewGuid().ToString("N"));
        Write(Children, folder);
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
    public int Stream()
    {
        using Ssda903Stream stream = Ssda903Reader.Open([folder], new Ssda903ReadOptions { FullHistory = true });
        int n = 0;
        foreach (ChildCase _ in stream.Children)
        {
            n++;
        }

        return n;
    }

    [Benchmark]
    public int Read() => ReadText().Children.Count;

    /// <summary>The command-line tool: <c>ssda903-write N folder</c> or <c>ssda903-read folder</c>.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Tool(string[] args)
    {
        if (args is ["ssda903-write", string count, string to])
        {
            Write(int.Parse(count, CultureInfo.InvariantCulture), to);
            return 0;
        }

        if (args is ["ssda903-read-buffered", string held])
        {
            // The buffered path for comparison: one pass from readers, every child held.
            var clock = Stopwatch.StartNew();
            using var header = new StreamReader(Path.Combine(held, "header.csv"));
            using var episodes = new StreamReader(Path.Combine(held, "episodes.csv"));
            using var reviews = new StreamReader(Path.Combine(held, "reviews.csv"));
            using var adoption = new StreamReader(Path.Combine(held, "placed_for_adoption.csv"));
            Ssda903ReadResult r = Ssda903Reader.Read(header, episodes, reviews, adoption);
            Report(false, r.Children.Count, r, held, clock.Elapsed.TotalSeconds);
            return r.RowsRejected == 0 ? 0 : 1;
        }

        if (args is ["ssda903-read", string from])
        {
            var clock = Stopwatch.StartNew();
            using Ssda903Stream stream = Ssda903Reader.Open([from], new Ssda903ReadOptions { FullHistory = true });
            long children = 0;
            foreach (ChildCase _ in stream.Children)
            {
                children++;
            }

            Ssda903ReadResult r = stream.Result;
            Report(stream.Streaming, children, r, from, clock.Elapsed.TotalSeconds);
            return r.RowsRejected == 0 ? 0 : 1;
        }

        Console.Error.WriteLine("usage: ssda903-write N folder | ssda903-read folder");
        return 2;
    }

    private static void Report(bool streaming, long children, Ssda903ReadResult r, string from, double seconds)
    {
        long bytes = Directory.GetFiles(from, "*.csv").Sum(f => new FileInfo(f).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"streaming={streaming} children={children} rows={r.RowsRead} rejected={r.RowsRejected} MB={bytes / 1e6:F1} seconds={seconds:F2} MB/s={bytes / 1e6 / seconds:F1} children/s={children / seconds:F0}"));
    }

    /// <summary>Writes N synthetic children, ids zero-padded so the files are ordered by child as returns are.</summary>
    private static void Write(int count, string to) =>
        Ssda903Reader.WriteFolder(
            SyntheticCaseload.Build(count, AsOf, seed: 20261123, longHistories: true).Select((c, i) =>
                new ChildCase("C" + i.ToString("D7", CultureInfo.InvariantCulture), c.DateOfBirth, c.Episodes, c.Reviews)
                {
                    ShouldBePlacedForAdoptionOn = c.ShouldBePlacedForAdoptionOn,
                    AdoptionDecisionReversedOn = c.AdoptionDecisionReversedOn,
                }),
            to);

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
