using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Participation;

/// <summary>One review's participation code and date, for a summary.</summary>
/// <param name="Code">The code recorded.</param>
/// <param name="ReviewDate">The review date; it decides the reporting year.</param>
public readonly record struct ParticipationRecord(ParticipationCode Code, LocalDate ReviewDate);

/// <summary>The participation figures of one reporting year, in the shape of an IRO annual report table.</summary>
/// <remarks>Immutable. Rule PAR-1. Percentages are of all reviews in the year, as unrounded decimals (0-100).</remarks>
public sealed record ParticipationYearSummary
{
    /// <summary>The reporting year (1 April to 31 March).</summary>
    public required ReportingYear Year { get; init; }

    /// <summary>The number of reviews.</summary>
    public required int Reviews { get; init; }

    /// <summary>The number of reviews with each code, PN0 to PN7 (index = code).</summary>
    public required IReadOnlyList<int> Counts { get; init; }

    /// <summary>Reviews of children aged 4 or over: PN1 to PN7.</summary>
    public required int ReviewsOfChildrenAged4OrOver { get; init; }

    /// <summary>Reviews in which a child aged 4 or over participated: PN1 to PN6.</summary>
    public required int Participated { get; init; }

    /// <summary>The number of reviews with <paramref name="code"/>.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The count.</returns>
    public int Count(ParticipationCode code) => Counts[(int)code];

    /// <summary>The percentage of the year's reviews with <paramref name="code"/> (0-100; 0 when there are none).</summary>
    /// <param name="code">The code.</param>
    /// <returns>The percentage, unrounded.</returns>
    public decimal Percentage(ParticipationCode code) => Reviews == 0 ? 0m : 100m * Count(code) / Reviews;

    /// <summary>The percentage of reviews of children aged 4 or over in which the child participated (PN1-PN6 over PN1-PN7).</summary>
    public decimal ParticipationRate => ReviewsOfChildrenAged4OrOver == 0 ? 0m : 100m * Participated / ReviewsOfChildrenAged4OrOver;

    /// <summary>The year's figures as one sentence, with percentages to one decimal place.</summary>
    public Finding Finding => new(
        RuleId.Participation,
        Outcome.Information,
        Citations.Participation,
        $"{Year}: {Reviews.ToString(CultureInfo.InvariantCulture)} reviews; "
        + string.Join(", ", Enum.GetValues<ParticipationCode>().Select(c => $"{c} {Count(c).ToString(CultureInfo.InvariantCulture)} ({Percentage(c).ToString("0.0", CultureInfo.InvariantCulture)}%)"))
        + $"; children aged 4 or over participated in {Participated.ToString(CultureInfo.InvariantCulture)} of {ReviewsOfChildrenAged4OrOver.ToString(CultureInfo.InvariantCulture)} reviews ({ParticipationRate.ToString("0.0", CultureInfo.InvariantCulture)}%).");
}

/// <summary>Summaries of participation codes over many reviews, per reporting year.</summary>
/// <remarks>Rule PAR-1. The shape of the IRO annual report table: count and percentage per code, and the share of reviews of children aged 4 or over in which they participated (PN1-PN6).</remarks>
public static class ParticipationSummary
{
    /// <summary>Summarises reviews by reporting year (1 April to 31 March), earliest year first.</summary>
    /// <param name="reviews">The reviews.</param>
    /// <returns>One summary per reporting year that has reviews.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reviews"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A code is not defined.</exception>
    public static IReadOnlyList<ParticipationYearSummary> ByReportingYear(IEnumerable<ParticipationRecord> reviews)
    {
        Preconditions.CheckNotNull(reviews, nameof(reviews));
        var years = new SortedDictionary<int, int[]>();
        foreach (ParticipationRecord review in reviews)
        {
            Preconditions.CheckDefined(review.Code, nameof(reviews));
            int year = ReportingYear.Of(review.ReviewDate).StartYear;
            if (!years.TryGetValue(year, out int[]? counts))
            {
                counts = new int[8];
                years.Add(year, counts);
            }

            counts[(int)review.Code]++;
        }

        return years.Select(static pair => Summarise(new ReportingYear(pair.Key), pair.Value)).ToArray();
    }

    /// <summary>Summarises the reviews that fall in one reporting year.</summary>
    /// <param name="reviews">The reviews; those outside <paramref name="year"/> are ignored.</param>
    /// <param name="year">The reporting year.</param>
    /// <returns>The summary (all zero if none fall in the year).</returns>
    public static ParticipationYearSummary ForYear(IEnumerable<ParticipationRecord> reviews, ReportingYear year) =>
        ByReportingYear(Preconditions.CheckNotNull(reviews, nameof(reviews)).Where(r => year.Contains(r.ReviewDate))).FirstOrDefault()
        ?? Summarise(year, new int[8]);

    private static ParticipationYearSummary Summarise(ReportingYear year, int[] counts)
    {
        int total = counts.Sum();
        int aged4OrOver = total - counts[(int)ParticipationCode.PN0];
        return new ParticipationYearSummary
        {
            Year = year,
            Reviews = total,
            Counts = Array.AsReadOnly(counts),
            ReviewsOfChildrenAged4OrOver = aged4OrOver,
            Participated = aged4OrOver - counts[(int)ParticipationCode.PN7],
        };
    }
}
