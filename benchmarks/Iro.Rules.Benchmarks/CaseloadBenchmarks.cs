using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CaseloadReport;
using Iro.Rules.Caseload;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Tests.Reference;
using NodaTime;

namespace Iro.Rules.Benchmarks;

/// <summary>
/// Issue E: the weekly flag list over N synthetic children (the sample's generator with long histories: about 6 episodes
/// and 8 reviews each), sequential and on both cores, beside a naive version written the obvious way (LINQ,
/// <see cref="DateTime"/>, a day-loop first-review deadline) that computes the main flags: the next review (REV-1 to
/// REV-3), the IRO visit (REV-10), PN codes (PAR-1) and s20 over 3 months (LOC-1). The bulk methods hand each flag to
/// a sink that counts it and lets it go, as the caseload sample writes each flag to flags.csv; keeping every flag in a
/// list instead moves them into the older GC generations, which is the caller's cost, not the evaluation's.
/// </summary>
[MemoryDiagnoser]
public class CaseloadBenchmarks
{
    private static readonly LocalDate AsOf = new(2026, 3, 31);
    private readonly CaseloadEvaluator evaluator = new();
    private readonly CountingFlagSink sink = new();
    private ChildCase[] children = null!;
    private NaiveCaseload naive = null!;

    [Params(1_000, 100_000, 1_000_000)]
    public int Children { get; set; }

    /// <summary>The share of records that fail validation (every tenth child gets a review before it was looked after), as FluentValidation's own benchmarks mix valid and invalid input.</summary>
    [Params(0, 10)]
    public int InvalidPercent { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        naive = new NaiveCaseload(new NaiveReviewSchedule(Iro.Rules.Calendars.WorkingDayCalendar.EnglandAndWales));
        children = SyntheticCaseload.Build(Children, AsOf, seed: 20261123, longHistories: true).ToArray();
        CaseloadTotals clean = evaluator.Evaluate(children, AsOf, sink);
        if (clean.NotEvaluated != 0)
        {
            throw new InvalidOperationException($"The synthetic caseload has {clean.NotEvaluated} invalid children.");
        }

        int every = InvalidPercent == 0 ? int.MaxValue : 100 / InvalidPercent;
        for (int i = every - 1; i < children.Length; i += every)
        {
            ChildCase c = children[i];
            children[i] = new ChildCase(c.Id, c.DateOfBirth, c.Episodes, c.Reviews.Append(new CaseReview(c.Episodes[0].Start.PlusDays(-1), ParticipationCode.PN1)));
        }

        sink.Clear();
        CaseloadTotals totals = evaluator.Evaluate(children, AsOf, sink);
        sink.Clear();
        Console.WriteLine($"// {Children:N0} children: {children.Average(c => c.Episodes.Count):F1} episodes, {children.Average(c => c.Reviews.Count):F1} reviews, {(double)totals.Flags / Children:F2} flags per child, {totals.NotEvaluated:N0} not evaluated.");
    }

    [Benchmark(Baseline = true)]
    public int Naive() => naive.CountFlags(children, AsOf);

    /// <summary><c>evaluate N R</c>: N synthetic children evaluated R times to a counting sink, in a plain process (for a
    /// profiler, which BenchmarkDotNet's child processes hide); prints each round's time.</summary>
    /// <param name="count">The number of children.</param>
    /// <param name="rounds">How many times they are evaluated.</param>
    /// <returns>The exit code.</returns>
    public static int Tool(int count, int rounds)
    {
        ChildCase[] all = SyntheticCaseload.Build(count, AsOf, seed: 20261123, longHistories: true).ToArray();
        var evaluator = new CaseloadEvaluator();
        var counter = new CountingFlagSink();
        for (int r = 0; r < rounds; r++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            CaseloadTotals totals = evaluator.Evaluate(all, AsOf, counter);
            Console.WriteLine($"round {r + 1}: {count:N0} children, {totals.Flags:N0} flags in {clock.Elapsed.TotalMilliseconds:N0} ms ({count / clock.Elapsed.TotalSeconds:N0} a second)");
            counter.Clear();
        }

        return 0;
    }

    [Benchmark]
    public int EvaluateToSink()
    {
        sink.Clear();
        return evaluator.Evaluate(children, AsOf, sink).Flags;
    }

    [Benchmark]
    public int EvaluateToSink_TwoCores()
    {
        sink.Clear();
        return evaluator.Evaluate(children, AsOf, sink, degreeOfParallelism: 2).Flags;
    }

    [Benchmark]
    public int Evaluate_PerChildResults()
    {
        int n = 0;
        foreach (ChildEvaluation e in evaluator.Evaluate(children, AsOf))
        {
            n += e.Flags.Count;
        }

        return n;
    }

    /// <summary>The baseline: the main weekly-list flags the obvious way, with a string per flag as the library writes.</summary>
    private sealed class NaiveCaseload(NaiveReviewSchedule reviews)
    {
        public int CountFlags(IEnumerable<ChildCase> caseload, LocalDate asOfDate)
        {
            DateTime asOf = asOfDate.ToDateTimeUnspecified();
            var found = new List<string>();
            foreach (ChildCase child in caseload)
            {
                DateTime dob = child.DateOfBirth.ToDateTimeUnspecified();
                var episodes = child.Episodes.OrderBy(e => e.Start).ToList();
                var current = episodes.LastOrDefault(e => e.Start.ToDateTimeUnspecified() <= asOf);
                if (current is null || (current.End is LocalDate end && end.ToDateTimeUnspecified() <= asOf))
                {
                    continue;
                }

                int first = episodes.FindLastIndex(e => e.Reason == ReasonForNewEpisode.S && e.Start.ToDateTimeUnspecified() <= asOf);
                DateTime periodStart = episodes[Math.Max(first, 0)].Start.ToDateTimeUnspecified();
                var held = child.Reviews.Select(r => r.Date.ToDateTimeUnspecified()).Where(d => d >= periodStart && d <= asOf).ToList();
                var schedule = reviews.Evaluate(periodStart, held, asOf);
                if (schedule.IsOverdue || (schedule.NextDueBy - asOf).TotalDays <= 14)
                {
                    found.Add($"{child.Id} review due {schedule.NextDueBy:yyyy-MM-dd}");
                }

                if (held.Count > 0 && child.IroVisits is { } visits
                    && !visits.Select(v => v.ToDateTimeUnspecified()).Any(v => v >= held.Max().AddDays(-42) && v < held.Max()))
                {
                    found.Add($"{child.Id} no IRO visit before {held.Max():yyyy-MM-dd}");
                }

                foreach (CaseReview r in child.Reviews.Where(r => r.Date.ToDateTimeUnspecified() <= asOf))
                {
                    DateTime date = r.Date.ToDateTimeUnspecified();
                    int age = date.Year - dob.Year - (date < dob.AddYears(date.Year - dob.Year) ? 1 : 0);
                    if (r.Code is ParticipationCode code && (age < 4) != (code == ParticipationCode.PN0))
                    {
                        found.Add($"{child.Id} {code} wrong for age {age} on {date:yyyy-MM-dd}");
                    }
                }

                var s20 = episodes.Where(e => e.Start.ToDateTimeUnspecified() <= asOf).Reverse().TakeWhile(e => e.LegalStatus == LegalStatus.V2).ToList();
                if (s20.Count > 0 && asOf > s20[^1].Start.ToDateTimeUnspecified().AddMonths(3))
                {
                    found.Add($"{child.Id} s20 since {s20[^1].Start.ToDateTimeUnspecified():yyyy-MM-dd}");
                }
            }

            return found.Count;
        }
    }
}
