using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Iro.Rules.Caseload;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Tests.Reference;
using NodaTime;

namespace Iro.Rules.Benchmarks;

/// <summary>
/// Issue E: the weekly flag list over N synthetic children (about 8 reviews and 2 episodes each), sequential and in
/// parallel, beside a naive version (LINQ, <see cref="DateTime"/>, a day-loop first-review deadline) that computes the
/// review flags only.
/// </summary>
[MemoryDiagnoser]
public class CaseloadBenchmarks
{
    private static readonly LocalDate AsOf = new(2025, 11, 10);
    private ChildCase[] children = null!;
    private NaiveReviewSchedule naive = null!;
    private readonly CaseloadEvaluator evaluator = new();

    [Params(1_000, 100_000)]
    public int Children { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        naive = new NaiveReviewSchedule(Iro.Rules.Calendars.WorkingDayCalendar.EnglandAndWales);
        var random = new Random(20261123);
        children = new ChildCase[Children];
        for (int i = 0; i < Children; i++)
        {
            LocalDate dob = AsOf.PlusDays(-random.Next(400, 17 * 365));
            LocalDate start = AsOf.PlusDays(-random.Next(30, Math.Min(4 * 365, Period.DaysBetween(dob, AsOf))));
            var episodes = new List<Episode>();
            LocalDate change = start.PlusDays(random.Next(10, 300));
            if (change < AsOf)
            {
                episodes.Add(new Episode(start, change, random.Next(4) == 0 ? LegalStatus.V2 : LegalStatus.C1, ReasonForNewEpisode.S, "U1"));
                episodes.Add(new Episode(change, null, LegalStatus.C2, ReasonForNewEpisode.L, "U1"));
            }
            else
            {
                episodes.Add(new Episode(start, null, LegalStatus.C2, ReasonForNewEpisode.S, "U1"));
            }

            var reviews = new List<CaseReview>();
            LocalDate r = start.PlusDays(25);
            for (int k = 0; k < 8 && r <= AsOf; k++)
            {
                reviews.Add(new CaseReview(r, Period.Between(dob, r, PeriodUnits.Years).Years < 4 ? ParticipationCode.PN0 : ParticipationCode.PN1));
                r = r.PlusDays(k == 0 ? 85 : 175);
            }

            children[i] = new ChildCase("C" + i, dob, episodes, reviews);
        }
    }

    [Benchmark(Baseline = true)]
    public int Naive_ReviewFlagsOnly()
    {
        int overdue = 0;
        DateTime asOf = AsOf.ToDateTimeUnspecified();
        foreach (ChildCase c in children)
        {
            DateTime start = c.Episodes.Min(e => e.Start).ToDateTimeUnspecified();
            var result = naive.Evaluate(start, c.Reviews.Select(x => x.Date.ToDateTimeUnspecified()), asOf);
            overdue += result.IsOverdue ? 1 : 0;
        }

        return overdue;
    }

    [Benchmark]
    public int Evaluator_Sequential() => evaluator.Evaluate(children, AsOf).Sum(e => e.Flags.Count);

    [Benchmark]
    public int Evaluator_Parallel() => evaluator.EvaluateParallel(children, AsOf).Sum(e => e.Flags.Count);
}
