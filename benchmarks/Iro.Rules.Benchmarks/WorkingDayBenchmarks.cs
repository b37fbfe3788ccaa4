using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Iro.Rules.Calendars;
using Iro.Rules.Tests.Reference;
using NodaTime;

namespace Iro.Rules.Benchmarks;

/// <summary>
/// CAL-1 and CAL-3: the library's table look-ups beside the obvious day-by-day loop (the tests' reference), England and
/// Wales calendar. Each call takes the next of 256 random dates in 2000-2049, so neither side sees one date only.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class WorkingDayBenchmarks
{
    private const int Mask = 255;
    private readonly WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;
    private NaiveWorkingDays naive = null!;
    private LocalDate[] starts = null!;
    private LocalDate[] ends = null!;
    private int next;

    [Params(5, 20, 250)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        naive = NaiveWorkingDays.For(calendar);
        var random = new Random(20261123);
        starts = Enumerable.Range(0, Mask + 1).Select(_ => new LocalDate(2000, 1, 1).PlusDays(random.Next(0, 18262))).ToArray();
        // For WorkingDaysBetween: an end about N working days (N * 7 / 5 calendar days) after each start.
        ends = starts.Select(s => s.PlusDays(N * 7 / 5)).ToArray();
    }

    [BenchmarkCategory("AddWorkingDays"), Benchmark(Baseline = true)]
    public LocalDate AddWorkingDays_NaiveLoop() => naive.Add(starts[next++ & Mask], N);

    [BenchmarkCategory("AddWorkingDays"), Benchmark]
    public LocalDate AddWorkingDays_Table() => calendar.AddWorkingDays(starts[next++ & Mask], N);

    [BenchmarkCategory("WorkingDaysBetween"), Benchmark(Baseline = true)]
    public int WorkingDaysBetween_NaiveLoop()
    {
        int i = next++ & Mask;
        return naive.Between(starts[i], ends[i]);
    }

    [BenchmarkCategory("WorkingDaysBetween"), Benchmark]
    public int WorkingDaysBetween_Table()
    {
        int i = next++ & Mask;
        return calendar.WorkingDaysBetween(starts[i], ends[i]);
    }
}

/// <summary>CAL-1: one working-day test, table look-up beside a weekday check plus a hash-set probe.</summary>
[MemoryDiagnoser]
public class IsWorkingDayBenchmarks
{
    private const int Mask = 255;
    private readonly WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;
    private NaiveWorkingDays naive = null!;
    private LocalDate[] dates = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        naive = NaiveWorkingDays.For(calendar);
        var random = new Random(20261123);
        dates = Enumerable.Range(0, Mask + 1).Select(_ => new LocalDate(2000, 1, 1).PlusDays(random.Next(0, 18262))).ToArray();
    }

    [Benchmark(Baseline = true)]
    public bool IsWorkingDay_NaiveHashSet() => naive.IsWorkingDay(dates[next++ & Mask]);

    [Benchmark]
    public bool IsWorkingDay_Table() => calendar.IsWorkingDay(dates[next++ & Mask]);
}
