using Iro.Rules.Internal;
using NodaTime;

namespace Iro.Rules.Timescales;

/// <summary>Periods in weeks and days: "N weeks after", "over N weeks", "within the N weeks before".</summary>
/// <remarks>
/// Rule CAL-5; citation: the CAL-3 principle (<i>Zoan v Rouamba</i> [2000] 1 WLR 1509): N weeks is 7 x N calendar days and the event day is excluded. Placed 2025-03-03: 10 weeks ends
/// 2025-05-12, and "over 10 weeks" is true from 2025-05-13. Review 2025-06-20: the 6 weeks before is
/// 2025-05-09 to 2025-06-20. 13 weeks from 2024-01-15 is 2024-04-15.
/// </remarks>
public static class Weeks
{
    /// <summary>The last day of the period of <paramref name="weeks"/> weeks after <paramref name="anchor"/>.</summary>
    /// <param name="anchor">The event date (excluded).</param>
    /// <param name="weeks">Zero or more weeks.</param>
    /// <returns><paramref name="anchor"/> plus 7 x <paramref name="weeks"/> days.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="weeks"/> is negative.</exception>
    public static LocalDate After(LocalDate anchor, int weeks)
    {
        Preconditions.CheckRange(weeks, 0, 52 * 200, nameof(weeks), "CAL-5");
        return anchor.PlusDays(7 * weeks);
    }

    /// <summary>Whether more than <paramref name="weeks"/> weeks have passed since <paramref name="anchor"/> on <paramref name="asOf"/>.</summary>
    /// <param name="anchor">The event date.</param>
    /// <param name="weeks">Zero or more weeks.</param>
    /// <param name="asOf">The date of the question.</param>
    /// <returns><c>asOf &gt; After(anchor, weeks)</c>.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="weeks"/> is negative.</exception>
    public static bool IsOver(LocalDate anchor, int weeks, LocalDate asOf) => asOf > After(anchor, weeks);

    /// <summary>The window of <paramref name="days"/> days before <paramref name="end"/>, both ends inclusive: <c>[end - days, end]</c>.</summary>
    /// <param name="end">The event the window leads up to (inclusive).</param>
    /// <param name="days">Zero or more days; 42 for "the 6 weeks before".</param>
    /// <returns>The inclusive interval.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public static DateInterval WindowBefore(LocalDate end, int days)
    {
        Preconditions.CheckRange(days, 0, 366 * 200, nameof(days), "CAL-5");
        return new DateInterval(WindowStart(end, days), end);
    }

    /// <summary>The first day of <see cref="WindowBefore"/>'s window, without allocating the interval (for bulk paths; the caller checks <paramref name="days"/>).</summary>
    internal static LocalDate WindowStart(LocalDate end, int days) => end.PlusDays(-days);
}
