using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Iro.Rules.Calendars;
using Iro.Rules.Reviews;
using Iro.Rules.Tests.Reference;
using NodaTime;

namespace Iro.Rules.Benchmarks;

/// <summary>
/// REV-1 to REV-4: evaluating a 10-review history. Baseline: the naive version (DateTime arithmetic, a day-by-day
/// working-day loop, a LINQ sort; the test project's reference). Beside it the library's allocation-free
/// <c>ReviewSchedule.Check</c> and the explained <see cref="ReviewSchedule.Evaluate(LocalDate, System.Collections.Generic.IReadOnlyList{LocalDate}, LocalDate)"/>.
/// </summary>
[MemoryDiagnoser]
public class ReviewScheduleBenchmarks
{
    private readonly WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;
    private readonly ReviewCheck[] results = new ReviewCheck[10];
    private NaiveReviewSchedule naive = null!;
    private LocalDate start;
    private LocalDate asOf;
    private LocalDate[] reviews = null!;
    private DateTime startDateTime;
    private DateTime asOfDateTime;
    private DateTime[] reviewDateTimes = null!;

    [GlobalSetup]
    public void Setup()
    {
        naive = new NaiveReviewSchedule(calendar);
        start = new LocalDate(2019, 12, 13); // the first review's 20 working days cross Christmas and New Year
        var dates = new[] { "2020-01-10", "2020-04-09", "2020-10-01", "2021-03-30", "2021-10-01", "2022-03-31", "2022-09-29", "2023-03-31", "2023-09-30", "2024-04-02" };
        reviews = dates.Select(d => NodaTime.Text.LocalDatePattern.Iso.Parse(d).Value).Reverse().ToArray(); // given out of order
        asOf = new LocalDate(2024, 6, 1);
        startDateTime = start.ToDateTimeUnspecified();
        asOfDateTime = asOf.ToDateTimeUnspecified();
        reviewDateTimes = reviews.Select(r => r.ToDateTimeUnspecified()).ToArray();
    }

    [Benchmark(Baseline = true)]
    public DateTime Naive_DateTimeAndDayLoop() => naive.Evaluate(startDateTime, reviewDateTimes, asOfDateTime).NextDueBy;

    [Benchmark]
    public LocalDate Check_AllocationFree() => ReviewSchedule.Check(start, reviews, asOf, results, calendar).NextDueBy;

    [Benchmark]
    public LocalDate Evaluate_WithExplanations() => ReviewSchedule.Evaluate(start, reviews, asOf).NextDueBy;
}
