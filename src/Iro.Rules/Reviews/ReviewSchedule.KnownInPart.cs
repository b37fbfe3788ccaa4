using System;
using System.Collections.Generic;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Reviews;

/// <summary>The next review of a period of care that the source knows only in part: when it is due at the latest, and the finding.</summary>
/// <param name="DueByAtLatest">The last day the next review can be in time, whatever the reviews the source does not hold.</param>
/// <param name="Next">The deadline as of the date asked.</param>
/// <param name="Finding">The explanation (REV-3 with 903-W).</param>
public sealed record PartialReviewStatus(LocalDate DueByAtLatest, Deadline Next, Finding Finding);

public static partial class ReviewSchedule
{
    /// <summary>
    /// The next review of a period of care that began before the source's history does (an SSDA903 return is a
    /// one-year window): only what the data can show. Whatever the reviews before <paramref name="knownFrom"/> were,
    /// no interval is ever longer than 6 months, so the next review is due at the latest 6 months after the latest
    /// review held, or, with none held since <paramref name="knownFrom"/>, 6 months after it.
    /// </summary>
    /// <remarks>
    /// <para>Rules REV-3 and 903-W; citation: CPPCR 2010 reg 33(2) (RCCR 1991 reg 3 before 1 April 2011). Reviews before
    /// <paramref name="knownFrom"/> are unknown, not absent, so they are not numbered from 1. When the period began
    /// long enough before (more than 20 working days and 3 months), reviews 1 and 2 were due before the window and the
    /// next is a 6-monthly review; otherwise the bound is still the latest the next review can be in time, and the
    /// previous return would settle the rest.</para>
    /// <para>Period began 2018-05-01, return from 2025-04-01, one review on 2025-05-10: due by 2025-11-10 at the latest.
    /// No review in the window: due by 2025-10-01 at the latest, so certainly overdue only from 2025-10-02.</para>
    /// </remarks>
    /// <param name="periodStart">When the period began, if the source holds its first episode (RNE S); otherwise <see langword="null"/>.</param>
    /// <param name="knownFrom">The first day the source holds (the start of the earliest window).</param>
    /// <param name="reviewsSinceKnownFrom">The reviews held from <paramref name="knownFrom"/> to <paramref name="asOf"/>, any order.</param>
    /// <param name="asOf">The date of the assessment.</param>
    /// <returns>The bound, the deadline and the finding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reviewsSinceKnownFrom"/> is null.</exception>
    /// <exception cref="ArgumentException">A review is before <paramref name="knownFrom"/> or after <paramref name="asOf"/>, or <paramref name="periodStart"/> is not before <paramref name="knownFrom"/> (the period is then fully known: use <see cref="Evaluate(CarePeriod, LocalDate, LocalPolicy, Calendars.WorkingDayCalendar)"/>).</exception>
    public static PartialReviewStatus NextReviewKnownInPart(LocalDate? periodStart, LocalDate knownFrom, IReadOnlyList<LocalDate> reviewsSinceKnownFrom, LocalDate asOf)
    {
        Preconditions.CheckNotNull(reviewsSinceKnownFrom, nameof(reviewsSinceKnownFrom));
        if (periodStart is LocalDate began && began >= knownFrom)
        {
            throw new ArgumentException(
                $"periodStart {DateFormat.Iso(began)} is not before knownFrom {DateFormat.Iso(knownFrom)}: the period is fully known (903-W).", nameof(periodStart));
        }

        LocalDate? latest = null;
        for (int i = 0; i < reviewsSinceKnownFrom.Count; i++)
        {
            LocalDate r = reviewsSinceKnownFrom[i];
            if (r < knownFrom || r > asOf)
            {
                throw new ArgumentException(
                    $"reviewsSinceKnownFrom has a review on {DateFormat.Iso(r)}, outside {DateFormat.Iso(knownFrom)} to asOf {DateFormat.Iso(asOf)} (903-W).", nameof(reviewsSinceKnownFrom));
            }

            latest = latest is LocalDate l && l >= r ? l : r;
        }

        return KnownInPart(periodStart, knownFrom, latest, asOf);
    }

    /// <summary>The first review's due date (REV-1, or the 1991 rule), if the period start is modelled and the date is in range.</summary>
    internal static bool TryFirstDueInRange(LocalDate periodStart, Calendars.WorkingDayCalendar calendar, LocalPolicy policy, out LocalDate due)
    {
        due = default;
        return periodStart >= ReviewTimetable.EarliestStart && periodStart <= Calendars.WorkingDayCalendar.MaxDate
            && ReviewTimetable.TryFirstDue(ReviewTimetable.For(ReviewTimetableKind.Ordinary, periodStart), periodStart, calendar, policy, out due);
    }

    /// <summary>The core of <see cref="NextReviewKnownInPart"/> for the weekly list: the latest review (or none) already found.</summary>
    internal static PartialReviewStatus KnownInPart(LocalDate? periodStart, LocalDate knownFrom, LocalDate? latest, LocalDate asOf)
    {
        LocalDate from = latest ?? knownFrom;
        LocalDate due = CalendarMonths.Add(from, 6);
        Deadline next = Deadline.Assess(due, null, asOf);
        Citation citation = ReviewTimetable.For(ReviewTimetableKind.Ordinary, from).LaterCitation;
        string began = periodStart is LocalDate start ? $"the period of care began on {DateFormat.Iso(start)}" : "the period of care began before the first episode the source holds";
        string basis = latest is LocalDate held
            ? $"6 months after the review on {DateFormat.Iso(held)}, the latest the source holds"
            : $"6 months after {DateFormat.Iso(knownFrom)}: the source holds no review since then, and any earlier review was at most 6 months before the next";
        string unknown = $"{began}, and the source holds nothing before {DateFormat.Iso(knownFrom)} (903-W), so earlier reviews are unknown and this review's number cannot be known; the previous SSDA903 return would settle it";
        return new PartialReviewStatus(due, next, new Finding(RuleId.SubsequentReview, next.ToOutcome(), citation,
            $"The next review is due by {DateFormat.Iso(due)} at the latest, {basis} ({citation.ShortForm}); {unknown}; {next.Describe()}."));
    }
}
