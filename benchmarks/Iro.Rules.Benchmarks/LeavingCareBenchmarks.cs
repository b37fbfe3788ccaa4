using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Iro.Rules.Legal;
using Iro.Rules.LeavingCare;
using NodaTime;

namespace Iro.Rules.Benchmarks;

/// <summary>
/// LC-1 to LC-3: leaving-care status for 100,000 young people aged 13-22 with 1-3 spells of care, beside a naive
/// version (a day-by-day night count with <see cref="DateTime"/>, ages by <see cref="DateTime.AddYears"/>).
/// </summary>
[MemoryDiagnoser]
public class LeavingCareBenchmarks
{
    private const int People = 100_000;
    private readonly LocalDate asOf = new(2025, 11, 24);
    private CareLeaverFacts[] facts = null!;
    private (DateTime Dob, (DateTime Start, DateTime End)[] Spells)[] naive = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261123);
        facts = new CareLeaverFacts[People];
        naive = new (DateTime, (DateTime, DateTime)[])[People];
        for (int i = 0; i < People; i++)
        {
            LocalDate dob = new LocalDate(2003, 1, 1).PlusDays(random.Next(0, 10 * 365));
            var episodes = new List<Episode>();
            LocalDate d = dob.PlusYears(12).PlusDays(random.Next(0, 1500));
            for (int s = random.Next(1, 4); s > 0 && d < asOf; s--)
            {
                LocalDate end = d.PlusDays(random.Next(20, 700));
                episodes.Add(new Episode(d, end, LegalStatus.C2, ReasonForNewEpisode.S));
                d = end.PlusDays(random.Next(1, 300));
            }

            facts[i] = new CareLeaverFacts(dob, episodes);
            naive[i] = (dob.ToDateTimeUnspecified(), episodes.Select(e => (e.Start.ToDateTimeUnspecified(), e.End!.Value.ToDateTimeUnspecified())).ToArray());
        }
    }

    [Benchmark(Baseline = true)]
    public int Naive_DayByDay()
    {
        int careLeavers = 0;
        DateTime today = asOf.ToDateTimeUnspecified();
        foreach (var (dob, spells) in naive)
        {
            careLeavers += NaiveStatus(dob, spells, today) != 0 ? 1 : 0;
        }

        return careLeavers;
    }

    [Benchmark]
    public int Library_Classify()
    {
        int careLeavers = 0;
        foreach (CareLeaverFacts f in facts)
        {
            careLeavers += CareLeavers.Classify(f, asOf) != CareLeaverStatus.None ? 1 : 0;
        }

        return careLeavers;
    }

    private static int NaiveStatus(DateTime dob, (DateTime Start, DateTime End)[] spells, DateTime day)
    {
        DateTime sixteen = dob.AddYears(16), eighteen = dob.AddYears(18), fourteen = dob.AddYears(14);
        if (day < sixteen || day >= dob.AddYears(25))
        {
            return 0;
        }

        if (day >= eighteen)
        {
            return NaiveStatus(dob, spells, eighteen.AddDays(-1)) is 1 or 2 ? 3 : 0;
        }

        int nights = 0;
        for (DateTime d = fourteen; d < day; d = d.AddDays(1))
        {
            if (spells.Any(s => s.Start <= d && d < s.End))
            {
                nights++;
            }
        }

        bool lookedAfter = spells.Any(s => s.Start <= day && day < s.End);
        if (lookedAfter)
        {
            return nights >= 91 ? 1 : 0;
        }

        var ended = spells.Where(s => s.End <= day).Select(s => s.End).DefaultIfEmpty(DateTime.MinValue).Max();
        return ended > sixteen && spells.Where(s => s.End <= ended).Sum(s => Math.Max(0, (Min(s.End, ended) - Max(s.Start, fourteen)).Days)) >= 91 ? 2 : 0;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
