using Iro.Rules.Caseload;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Timescales;

namespace Iro.Rules.Tests.Caseload;

/// <summary>A small caseload whose every flag and figure is worked out by hand here.</summary>
public class CaseloadTests
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    internal static ChildCase[] SmallCaseload() =>
    [
        // A: s20 since 2025-01-06; reviews 2025-02-04 (1 working day late) and 2025-05-04.
        new("A", D("2015-01-01"), new[] { new Episode(D("2025-01-06"), null, LegalStatus.V2, ReasonForNewEpisode.S) },
            new[] { new CaseReview(D("2025-02-04"), ParticipationCode.PN1), new CaseReview(D("2025-05-04"), ParticipationCode.PN1) }),
        // B: aged 2, in care from 2025-10-20, no review yet.
        new("B", D("2023-06-01"), new[] { new Episode(D("2025-10-20"), null, LegalStatus.C2, ReasonForNewEpisode.S) }, Array.Empty<CaseReview>()),
        // C: overlapping episodes: not evaluated.
        new("C", D("2012-03-03"), new[]
        {
            new Episode(D("2024-01-01"), D("2024-06-01"), LegalStatus.C1, ReasonForNewEpisode.S),
            new Episode(D("2024-05-01"), null, LegalStatus.C2, ReasonForNewEpisode.L),
        }, Array.Empty<CaseReview>()),
        // D: turned 4 on 2024-01-01; PN0 recorded at 4 on 2024-05-01; review 3 due 2024-11-01, never held.
        new("D", D("2020-01-01"), new[] { new Episode(D("2024-01-08"), null, LegalStatus.C2, ReasonForNewEpisode.S) },
            new[] { new CaseReview(D("2024-02-01"), ParticipationCode.PN1), new CaseReview(D("2024-05-01"), ParticipationCode.PN0) }),
    ];

    [Fact]
    public void WeeklyFlags_WorkedByHand()
    {
        var results = new CaseloadEvaluator().Evaluate(SmallCaseload(), D("2025-11-10")).ToList();
        Assert.Equal(new[] { "A", "B", "C", "D" }, results.Select(r => r.ChildId));

        var flags = results.SelectMany(r => r.Flags).Select(f => $"{f.ChildId} {f.Rule} {f.StatusText} {f.Date:uuuu-MM-dd}").ToList();
        Assert.Equal(
            new[]
            {
                "A REV-3 overdue 2025-11-04", // 6 months after 2025-05-04
                "A LOC-1 flag 2025-01-06", // s20 over 3 months since 2025-04-07
                "B REV-1 due-soon 2025-11-17", // 20 working days after 2025-10-20
                "D REV-3 overdue 2024-11-01", // 6 months after 2024-05-01
                "D PAR-1 flag 2024-05-01", // PN0 at age 4
            },
            flags);
        Assert.False(results[2].Evaluated);
        Assert.Contains(results[2].Rejections, r => r.Code == "IN-EPISODES" && r.Field == "Episodes" && r.Message.Contains("overlapping", StringComparison.Ordinal));
    }

    [Fact]
    public void AnnualFigures_WorkedByHand()
    {
        var f = AnnualFigures.Compute(SmallCaseload(), new ReportingYear(2024));
        Assert.Equal((4, 3, 1), (f.ChildrenRead, f.ChildrenUsed, f.Rejected.Count));
        Assert.Equal((1, 2), (f["reviews_on_time"].Numerator, f["reviews_on_time"].Denominator)); // A's first late, D's second on time
        Assert.Equal((0, 1), (f["first_reviews_on_time"].Numerator, f["first_reviews_on_time"].Denominator));
        Assert.Equal((1, 1), (f["second_reviews_on_time"].Numerator, f["second_reviews_on_time"].Denominator));
        Assert.Equal((0, 0), (f["subsequent_reviews_on_time"].Numerator, f["subsequent_reviews_on_time"].Denominator));
        Assert.Equal(2, f["looked_after_at_year_end"].Numerator); // A and D on 2025-03-31
        Assert.Equal(1, f["started_in_year"].Numerator); // A
        Assert.Equal((1, 2), (f["s20_at_year_end"].Numerator, f["s20_at_year_end"].Denominator));
        Assert.Equal(0, f["s20_over_three_months"].Numerator); // A's 3 months end 2025-04-06
        Assert.Equal(1, f.Participation.Count(ParticipationCode.PN0));
        Assert.Equal(1, f.Participation.Count(ParticipationCode.PN1));
        Assert.Equal(50.0m, f["reviews_on_time"].Percent);
        Assert.Equal(1, f.ReviewsByMonth.Single(m => m.Month == new YearMonth(2025, 2)).Held);
    }

    [Fact]
    public void Validator_ListsEveryReason_WithCodes()
    {
        var child = new ChildCase("", D("2020-01-01"), Array.Empty<Episode>(), new[] { new CaseReview(D("2021-01-01")), new CaseReview(D("2021-01-01")) });
        var result = ChildCaseValidator.Instance.Validate(child);
        Assert.Equal(new[] { "IN-ID-MISSING", "IN-EPISODES", "IN-REVIEW-DUPLICATE" }, result.Errors.Select(e => e.ErrorCode));
    }

    [Fact]
    public void Validator_ReviewBeforeCare_IsNamed()
    {
        var child = new ChildCase("X", D("2020-01-01"), new[] { new Episode(D("2024-01-08"), null, LegalStatus.C2, ReasonForNewEpisode.S) }, new[] { new CaseReview(D("2023-12-01")) });
        var error = Assert.Single(ChildCaseValidator.Instance.Validate(child).Errors);
        Assert.Equal("IN-REVIEW-BEFORE-CARE", error.ErrorCode);
        Assert.Contains("child X: review on 2023-12-01", error.ErrorMessage, StringComparison.Ordinal);
    }
}
