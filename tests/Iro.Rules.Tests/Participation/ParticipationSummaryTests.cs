using Iro.Rules.Participation;
using Iro.Rules.Timescales;

namespace Iro.Rules.Tests.Participation;

/// <summary>PAR-1 summaries in the shape of the annual report table.</summary>
public class ParticipationSummaryTests
{
    private static ParticipationRecord R(ParticipationCode code, string date) => new(code, Dates.Parse(date));

    [Fact]
    public void ByReportingYear_SplitsOn1April_AndCountsEachCode()
    {
        var reviews = new[]
        {
            R(ParticipationCode.PN0, "2024-03-31"), // 2023-24
            R(ParticipationCode.PN0, "2024-04-01"), // 2024-25 from here
            R(ParticipationCode.PN1, "2024-06-01"),
            R(ParticipationCode.PN1, "2024-12-31"),
            R(ParticipationCode.PN5, "2025-01-01"),
            R(ParticipationCode.PN7, "2025-03-31"),
        };
        var years = ParticipationSummary.ByReportingYear(reviews);
        Assert.Equal(new[] { "2023-24", "2024-25" }, years.Select(y => y.Year.ToString()));
        var y2024 = years[1];
        Assert.Equal(5, y2024.Reviews);
        Assert.Equal(new[] { 1, 2, 0, 0, 0, 1, 0, 1 }, y2024.Counts);
        Assert.Equal(20m, y2024.Percentage(ParticipationCode.PN0));
        Assert.Equal(40m, y2024.Percentage(ParticipationCode.PN1));
        Assert.Equal(4, y2024.ReviewsOfChildrenAged4OrOver);
        Assert.Equal(3, y2024.Participated);
        Assert.Equal(75m, y2024.ParticipationRate);
        Assert.Contains("children aged 4 or over participated in 3 of 4 reviews (75.0%)", y2024.Finding.Summary, StringComparison.Ordinal);
        Assert.Contains("PN1 2 (40.0%)", y2024.Finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ForYear_Empty_IsAllZero()
    {
        var s = ParticipationSummary.ForYear(Array.Empty<ParticipationRecord>(), new ReportingYear(2030));
        Assert.Equal(0, s.Reviews);
        Assert.Equal(0m, s.ParticipationRate);
        Assert.Equal(0m, s.Percentage(ParticipationCode.PN3));
    }

    [Theory]
    [InlineData("2025-03-31", 2024)]
    [InlineData("2025-04-01", 2025)]
    [InlineData("2025-12-31", 2025)]
    [InlineData("2026-01-01", 2025)]
    public void ReportingYear_Of(string date, int startYear) => Assert.Equal(startYear, ReportingYear.Of(Dates.Parse(date)).StartYear);
}
