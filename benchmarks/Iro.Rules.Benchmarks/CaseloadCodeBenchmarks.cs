using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using NodaTime;

namespace Iro.Rules.Benchmarks;

/// <summary>
/// PAR-1 and LOC-1 over 100,000 children: validating each child's latest participation code against their age, and
/// the Section 20 over-three-months flag, beside naive versions (strings, <see cref="DateTime"/>, LINQ).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CaseloadCodeBenchmarks
{
    private const int Children = 100_000;
    private readonly LocalPolicy policy = LocalPolicy.Default;
    private readonly LocalDate asOf = new(2025, 11, 24);
    private ParticipationCode[] codes = null!;
    private LocalDate[] births = null!;
    private LocalDate[] reviews = null!;
    private string[] codeTexts = null!;
    private DateTime[] birthTimes = null!;
    private DateTime[] reviewTimes = null!;
    private Episode[][] episodes = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261123);
        codes = new ParticipationCode[Children];
        births = new LocalDate[Children];
        reviews = new LocalDate[Children];
        episodes = new Episode[Children][];
        for (int i = 0; i < Children; i++)
        {
            births[i] = new LocalDate(2007, 1, 1).PlusDays(random.Next(0, 18 * 365));
            reviews[i] = new LocalDate(2025, 1, 1).PlusDays(random.Next(0, 300));
            codes[i] = (ParticipationCode)random.Next(0, 8);
            int count = random.Next(1, 5);
            var list = new List<Episode>(count);
            LocalDate start = new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 900));
            for (int e = 0; e < count; e++)
            {
                var status = random.Next(0, 3) == 0 ? LegalStatus.C2 : LegalStatus.V2;
                LocalDate? end = e == count - 1 ? null : start.PlusDays(random.Next(10, 200));
                list.Add(new Episode(start, end, status, e == 0 ? ReasonForNewEpisode.S : ReasonForNewEpisode.P));
                start = end ?? start;
            }

            episodes[i] = list.ToArray();
        }

        codeTexts = codes.Select(c => c.ToString()).ToArray();
        birthTimes = births.Select(b => b.ToDateTimeUnspecified()).ToArray();
        reviewTimes = reviews.Select(r => r.ToDateTimeUnspecified()).ToArray();
    }

    [BenchmarkCategory("PN"), Benchmark(Baseline = true)]
    public int Participation_Naive()
    {
        int invalid = 0;
        for (int i = 0; i < Children; i++)
        {
            int age = reviewTimes[i].Year - birthTimes[i].Year;
            if (reviewTimes[i] < birthTimes[i].AddYears(age))
            {
                age--;
            }

            invalid += (age < 4) == (codeTexts[i] == "PN0") ? 0 : 1;
        }

        return invalid;
    }

    [BenchmarkCategory("PN"), Benchmark]
    public int Participation_IsValid()
    {
        int invalid = 0;
        for (int i = 0; i < Children; i++)
        {
            invalid += ParticipationCodes.IsValid(codes[i], births[i], reviews[i], policy) ? 0 : 1;
        }

        return invalid;
    }

    [BenchmarkCategory("S20"), Benchmark(Baseline = true)]
    public int Section20_Naive()
    {
        int flagged = 0;
        DateTime today = asOf.ToDateTimeUnspecified();
        foreach (Episode[] child in episodes)
        {
            var list = child.OrderBy(e => e.Start).ToList();
            var current = list.FirstOrDefault(e => e.Start.ToDateTimeUnspecified() <= today && (e.End is null || today < e.End.Value.ToDateTimeUnspecified()));
            if (current is null || current.LegalStatus != LegalStatus.V2)
            {
                continue;
            }

            int index = list.IndexOf(current);
            while (index > 0 && list[index].Reason != ReasonForNewEpisode.S && list[index - 1].End == list[index].Start && list[index - 1].LegalStatus == LegalStatus.V2)
            {
                index--;
            }

            flagged += today > list[index].Start.ToDateTimeUnspecified().AddMonths(3) ? 1 : 0;
        }

        return flagged;
    }

    [BenchmarkCategory("S20"), Benchmark]
    public int Section20_IsFlagged()
    {
        int flagged = 0;
        foreach (Episode[] child in episodes)
        {
            flagged += Section20.IsFlagged(child, asOf, policy) ? 1 : 0;
        }

        return flagged;
    }

    [BenchmarkCategory("S20"), Benchmark]
    public int Section20_AssessWithExplanation()
    {
        int flagged = 0;
        foreach (Episode[] child in episodes)
        {
            flagged += Section20.Assess(child, asOf, policy).IsFlagged ? 1 : 0;
        }

        return flagged;
    }
}
