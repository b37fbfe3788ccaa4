using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Reviews;
using Iro.Rules.Tests.Calendars;

namespace Iro.Rules.Tests.Reviews;

/// <summary>REV-1 to REV-4 invariants over random review histories.</summary>
[Properties(Arbitrary = new[] { typeof(CalendarArbitraries), typeof(ReviewScheduleProperties.Arbs) }, MaxTest = 200)]
public class ReviewScheduleProperties
{
    /// <summary>Gaps in days between successive reviews (the first from the period start).</summary>
    public readonly record struct Gaps(int[] Days);

    /// <summary>A period start the review timetables model: 1991-10-14 to 2080-12-31.</summary>
    public readonly record struct CareStart(LocalDate Value);

    public static class Arbs
    {
        public static Arbitrary<CareStart> CareStart() =>
            Gen.Choose(0, Period.DaysBetween(new LocalDate(1991, 10, 14), new LocalDate(2080, 12, 31)))
                .Select(i => new CareStart(new LocalDate(1991, 10, 14).PlusDays(i)))
                .ToArbitrary();

        public static Arbitrary<Gaps> Gaps() =>
            Gen.Choose(1, 220).ArrayOf().Select(a => new Gaps(a.Take(12).ToArray())).ToArbitrary();
    }

    private static List<LocalDate> Reviews(LocalDate start, Gaps gaps)
    {
        // Keep every date (and asOf, up to 400 days later) inside the supported range, from 1991-10-14 to 2100.
        gaps = new Gaps(start.Year > 2080 ? Array.Empty<int>() : gaps.Days);
        var dates = new List<LocalDate>();
        LocalDate d = start;
        foreach (int gap in gaps.Days)
        {
            d = d.PlusDays(gap);
            dates.Add(d);
        }

        return dates;
    }

    [Property]
    public bool HeldOnTheDueDate_IsOnTime_AndTheDayAfterIsLate(CareStart start, Gaps gaps)
    {
        var reviews = Reviews(start.Value, gaps);
        LocalDate asOf = (reviews.Count == 0 ? start.Value : reviews[^1]).PlusDays(400);
        var timeline = ReviewSchedule.Evaluate(start.Value, reviews, asOf);
        LocalDate due = timeline.NextDueBy;
        var onDue = ReviewSchedule.Evaluate(start.Value, reviews.Append(due).ToList(), asOf);
        var dayAfter = ReviewSchedule.Evaluate(start.Value, reviews.Append(due.PlusDays(1)).ToList(), asOf);
        return onDue.Reviews[^1].OnTime && !dayAfter.Reviews[^1].OnTime && onDue.Reviews[^1].DueBy == due;
    }

    [Property]
    public bool AddingAReview_NeverChangesEarlierOutcomes(CareStart start, Gaps gaps)
    {
        var reviews = Reviews(start.Value, gaps);
        if (reviews.Count == 0)
        {
            return true;
        }

        LocalDate asOf = reviews[^1].PlusDays(10);
        var all = ReviewSchedule.Evaluate(start.Value, reviews, asOf);
        var fewer = ReviewSchedule.Evaluate(start.Value, reviews.Take(reviews.Count - 1).ToList(), asOf);
        return fewer.Reviews.Select(r => (r.Number, r.HeldOn, r.DueBy, r.OnTime))
            .SequenceEqual(all.Reviews.Take(fewer.Reviews.Count).Select(r => (r.Number, r.HeldOn, r.DueBy, r.OnTime)));
    }

    [Property]
    public bool Schedule_IsInvariantToTheOrderReviewsArePassedIn(CareStart start, Gaps gaps, int seed)
    {
        var reviews = Reviews(start.Value, gaps);
        LocalDate asOf = (reviews.Count == 0 ? start.Value : reviews[^1]).PlusDays(1);
        var random = new Random(seed);
        var shuffled = reviews.OrderBy(_ => random.Next()).ToList();
        var a = ReviewSchedule.Evaluate(start.Value, reviews, asOf);
        var b = ReviewSchedule.Evaluate(start.Value, shuffled, asOf);
        return a.NextDueBy == b.NextDueBy
            && a.Reviews.Select(r => (r.Number, r.HeldOn, r.DueBy, r.OnTime)).SequenceEqual(b.Reviews.Select(r => (r.Number, r.HeldOn, r.DueBy, r.OnTime)));
    }

    [Property]
    public bool EveryReviewHasAFindingCitingItsRule(CareStart start, Gaps gaps)
    {
        var reviews = Reviews(start.Value, gaps);
        LocalDate asOf = (reviews.Count == 0 ? start.Value : reviews[^1]).PlusDays(1);
        var t = ReviewSchedule.Evaluate(start.Value, reviews, asOf);
        return t.Reviews.All(r => r.Finding.Rule.Value == (r.Number == 1 ? "REV-1" : r.Number == 2 ? "REV-2" : "REV-3")
                                  && r.Finding.Summary.StartsWith($"Review {r.Number} was due by", StringComparison.Ordinal)
                                  && r.OnTime == (r.HeldOn <= r.DueBy));
    }
}

/// <summary>The allocation-free <c>ReviewSchedule.Check</c> against the rich path and the naive reference.</summary>
[Properties(Arbitrary = new[] { typeof(CalendarArbitraries), typeof(ReviewScheduleProperties.Arbs) }, MaxTest = 200)]
public class ReviewScheduleCheckProperties
{
    private static readonly Iro.Rules.Tests.Reference.NaiveReviewSchedule Naive = new(Iro.Rules.Calendars.WorkingDayCalendar.EnglandAndWales);

    [Property]
    public bool Check_AgreesWithEvaluate_AndWithTheNaiveReference(ReviewScheduleProperties.CareStart start, ReviewScheduleProperties.Gaps gaps)
    {
        LocalDate s = start.Value < new LocalDate(2011, 4, 1) ? start.Value.PlusYears(40) : start.Value; // the reference knows CPPCR 2010 only
        if (s.Year > 2080)
        {
            return true;
        }

        var reviews = new List<LocalDate>();
        LocalDate d = s;
        foreach (int gap in gaps.Days)
        {
            d = d.PlusDays(gap);
            reviews.Add(d);
        }

        LocalDate asOf = d.PlusDays(30);
        var checks = new ReviewCheck[reviews.Count];
        ReviewStatus status = ReviewSchedule.Check(s, reviews.ToArray(), asOf, checks, Iro.Rules.Calendars.WorkingDayCalendar.EnglandAndWales);
        var rich = ReviewSchedule.Evaluate(s, reviews, asOf);
        var naive = Naive.Evaluate(s.ToDateTimeUnspecified(), reviews.Select(r => r.ToDateTimeUnspecified()), asOf.ToDateTimeUnspecified());

        return status.NextDueBy == rich.NextDueBy
            && status.IsOverdue == rich.IsOverdue
            && status.LateReviews == rich.Reviews.Count(r => !r.OnTime)
            && checks.Select(c => (c.Number, c.HeldOn, c.DueBy, c.OnTime)).SequenceEqual(rich.Reviews.Select(r => (r.Number, r.HeldOn, r.DueBy, r.OnTime)))
            && naive.NextDueBy == status.NextDueBy.ToDateTimeUnspecified()
            && naive.IsOverdue == status.IsOverdue
            && naive.Reviews.Select(r => (r.DueBy, r.OnTime)).SequenceEqual(checks.Select(c => (c.DueBy.ToDateTimeUnspecified(), c.OnTime)));
    }
}
