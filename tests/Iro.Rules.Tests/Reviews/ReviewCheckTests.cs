using Iro.Rules.Calendars;
using Iro.Rules.Reviews;

namespace Iro.Rules.Tests.Reviews;

/// <summary>REV-1 to REV-4 through the allocation-free <c>ReviewSchedule.Check</c>.</summary>
public class ReviewCheckTests
{
    private static readonly WorkingDayCalendar Ew = WorkingDayCalendar.EnglandAndWales;

    [Fact]
    public void Check_WorkedExample_LateFirstReview()
    {
        var results = new ReviewCheck[2];
        var status = ReviewSchedule.Check(new LocalDate(2025, 1, 6), new[] { new LocalDate(2025, 5, 4), new LocalDate(2025, 2, 4) }, new LocalDate(2025, 6, 1), results, Ew);
        Assert.Equal(new ReviewCheck(1, new LocalDate(2025, 2, 4), new LocalDate(2025, 2, 3), false), results[0]);
        Assert.Equal(new ReviewCheck(2, new LocalDate(2025, 5, 4), new LocalDate(2025, 5, 4), true), results[1]);
        Assert.Equal(new ReviewStatus(2, 1, 3, new LocalDate(2025, 11, 4), false), status);
    }

    [Fact]
    public void Check_ManyReviews_UsesAPooledBuffer_AndStaysCorrect()
    {
        var dates = Enumerable.Range(1, 100).Select(i => new LocalDate(2012, 1, 2).PlusDays(i * 20)).ToArray();
        var results = new ReviewCheck[100];
        var status = ReviewSchedule.Check(new LocalDate(2012, 1, 2), dates, new LocalDate(2018, 1, 1), results, Ew);
        Assert.Equal(100, status.ReviewsHeld);
        Assert.Equal(0, status.LateReviews);
        Assert.Equal(dates[^1].PlusMonths(6), status.NextDueBy);
    }

    [Theory]
    [InlineData("2025-01-05", "before the period of care began")]
    [InlineData("2025-07-01", "after asOf")]
    public void Check_BadReviewDate_ThrowsNamingTheValue(string date, string problem)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            ReviewSchedule.Check(new LocalDate(2025, 1, 6), new[] { Dates.Parse(date) }, new LocalDate(2025, 6, 1), new ReviewCheck[1], Ew));
        Assert.Equal("reviewDates", e.ParamName);
        Assert.Contains(date, e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DuplicateDate_Throws() =>
        Assert.Contains("listed twice", Assert.Throws<ArgumentException>(() =>
            ReviewSchedule.Check(new LocalDate(2025, 1, 6), new[] { new LocalDate(2025, 2, 3), new LocalDate(2025, 2, 3) }, new LocalDate(2025, 6, 1), new ReviewCheck[2], Ew)).Message, StringComparison.Ordinal);

    [Fact]
    public void Check_ResultsTooShort_Throws() =>
        Assert.Equal("results", Assert.Throws<ArgumentException>(() =>
            ReviewSchedule.Check(new LocalDate(2025, 1, 6), new[] { new LocalDate(2025, 2, 3) }, new LocalDate(2025, 6, 1), Span<ReviewCheck>.Empty, Ew)).ParamName);
}
