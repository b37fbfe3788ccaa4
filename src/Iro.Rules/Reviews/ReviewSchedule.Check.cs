using System;
using System.Buffers;
using Iro.Rules.Calendars;
using Iro.Rules.Explanations;
using Iro.Rules.Timescales;
using Iro.Rules.Internal;
using NodaTime;

namespace Iro.Rules.Reviews;

public static partial class ReviewSchedule
{
    /// <summary>
    /// The allocation-free core of the review schedule: each review's due date and timeliness, and the next due date,
    /// for single-meeting reviews under the statutory defaults. For explanations, series of meetings, short breaks and
    /// local policy, use <see cref="Evaluate(CarePeriod, LocalDate, LocalPolicy, WorkingDayCalendar)"/>, which gives the same dates.
    /// </summary>
    /// <remarks>
    /// Rules REV-1 to REV-4 (CPPCR 2010 reg 33; RCCR 1991 reg 3 for periods that began before 1 April 2011). Allocates
    /// nothing for up to 64 reviews (more use a pooled buffer).
    /// </remarks>
    /// <param name="periodStart">The day the child became looked after.</param>
    /// <param name="reviewDates">The review dates, in any order.</param>
    /// <param name="asOf">The date to evaluate as of; no review may be after it.</param>
    /// <param name="results">Receives one <see cref="ReviewCheck"/> per review, in date order; at least as long as <paramref name="reviewDates"/>.</param>
    /// <param name="calendar">The working-day calendar (England and Wales for the Regulations).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="results"/> is too short, or a review date is before <paramref name="periodStart"/>, after <paramref name="asOf"/>, or repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodStart"/> is before 1991-10-14 or after 2100-12-31, <paramref name="asOf"/> is before <paramref name="periodStart"/> or after 2100-12-31, or the first review's due date would be after 2100-12-31.</exception>
    public static ReviewStatus Check(
        LocalDate periodStart, ReadOnlySpan<LocalDate> reviewDates, LocalDate asOf, Span<ReviewCheck> results, WorkingDayCalendar calendar) =>
        Check(periodStart, reviewDates, asOf, results, calendar, LocalPolicy.Default);

    /// <summary>As <see cref="Check(LocalDate, ReadOnlySpan{LocalDate}, LocalDate, Span{ReviewCheck}, WorkingDayCalendar)"/>, with a local policy:
    /// its <see cref="LocalPolicy.WorkingDayCounting"/> and <see cref="LocalPolicy.ResetScheduleOnEveryReview"/> apply.</summary>
    /// <remarks>Rules REV-1 to REV-4; citation: CPPCR 2010 reg 33.</remarks>
    /// <param name="periodStart">The day the child became looked after.</param>
    /// <param name="reviewDates">The review dates, in any order.</param>
    /// <param name="asOf">The date to evaluate as of.</param>
    /// <param name="results">Receives one <see cref="ReviewCheck"/> per review, in date order.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="policy">The local policy.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> or <paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException">As the other overload.</exception>
    public static ReviewStatus Check(
        LocalDate periodStart, ReadOnlySpan<LocalDate> reviewDates, LocalDate asOf, Span<ReviewCheck> results, WorkingDayCalendar calendar, LocalPolicy policy)
    {
        Preconditions.CheckNotNull(calendar, nameof(calendar));
        Preconditions.CheckNotNull(policy, nameof(policy));
        if (results.Length < reviewDates.Length)
        {
            throw new ArgumentException(
                $"results has room for {results.Length} reviews but reviewDates has {reviewDates.Length}.", nameof(results));
        }

        CheckStart(periodStart, nameof(periodStart));
        Preconditions.CheckDateRange(asOf, periodStart, WorkingDayCalendar.MaxDate, nameof(asOf), "REV-1");

        // Sort by day number with the original index in the low bits: integer sorting, no comparer, no allocation.
        long[]? rented = null;
        Span<long> keys = reviewDates.Length <= 64
            ? stackalloc long[64]
            : (rented = ArrayPool<long>.Shared.Rent(reviewDates.Length));
        try
        {
            keys = keys[..reviewDates.Length];
            for (int i = 0; i < reviewDates.Length; i++)
            {
                keys[i] = ((long)reviewDates[i].ToDateOnly().DayNumber << 32) | (uint)i;
            }

            keys.Sort();
            int startDay = periodStart.ToDateOnly().DayNumber;
            int asOfDay = asOf.ToDateOnly().DayNumber;
            for (int i = 0; i < keys.Length; i++)
            {
                int day = (int)(keys[i] >> 32);
                if (day < startDay || day > asOfDay || (i > 0 && day == (int)(keys[i - 1] >> 32)))
                {
                    ThrowBadReviewDate(reviewDates[(int)(keys[i] & 0xFFFFFFFF)], periodStart, asOf);
                }
            }

            Span<LocalDate> sorted = keys.Length <= 64 ? stackalloc LocalDate[keys.Length] : new LocalDate[keys.Length];
            for (int i = 0; i < keys.Length; i++)
            {
                sorted[i] = reviewDates[(int)(keys[i] & 0xFFFFFFFF)];
            }

            return CheckSorted(periodStart, sorted, asOf, results, calendar, policy);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<long>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The core of <see cref="Check(LocalDate, ReadOnlySpan{LocalDate}, LocalDate, Span{ReviewCheck}, WorkingDayCalendar, LocalPolicy)"/>
    /// for review dates already checked and in date order (distinct, from <paramref name="periodStart"/> to
    /// <paramref name="asOf"/>): the caseload path, whose records are kept sorted, calls it directly.
    /// </summary>
    internal static ReviewStatus CheckSorted(
        LocalDate periodStart, ReadOnlySpan<LocalDate> sortedDates, LocalDate asOf, Span<ReviewCheck> results, WorkingDayCalendar calendar, LocalPolicy policy)
    {
        LocalDate? previous = null;
        LocalDate? previousDue = null;
        int late = 0;
        for (int i = 0; i < sortedDates.Length; i++)
        {
            LocalDate held = sortedDates[i];
            LocalDate due = DueDate(ReviewTimetableKind.Ordinary, i + 1, periodStart, previous, previousDue, policy, calendar, nameof(periodStart)).Due;
            bool onTime = held <= due;
            late += onTime ? 0 : 1;
            results[i] = new ReviewCheck(i + 1, held, due, onTime);
            previous = held;
            previousDue = due;
        }

        LocalDate nextDue = DueDate(ReviewTimetableKind.Ordinary, sortedDates.Length + 1, periodStart, previous, previousDue, policy, calendar, nameof(periodStart)).Due;
        return new ReviewStatus(sortedDates.Length, late, sortedDates.Length + 1, nextDue, asOf > nextDue);
    }

    /// <summary>
    /// The weekly list's next-review check on the ordinary timetable (REV-1 to REV-3), for an open period whose
    /// single-meeting reviews are already checked and sorted: an allocation-free screen, then, only when the next review
    /// is overdue or due within <paramref name="dueSoonDays"/>, the same finding as
    /// <see cref="Evaluate(CarePeriod, LocalDate, LocalPolicy, WorkingDayCalendar)"/>'s <see cref="ReviewTimeline.NextFinding"/>
    /// (built by the same code), with its deadline.
    /// </summary>
    /// <returns>The finding, or <see langword="null"/> when the next review is neither overdue nor due soon.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The first review's due date would be after 2100-12-31.</exception>
    internal static Finding? NextReviewFlag(
        LocalDate periodStart, ReadOnlySpan<LocalDate> sortedDates, LocalDate asOf, WorkingDayCalendar calendar, LocalPolicy policy, int dueSoonDays, out Deadline next)
    {
        LocalDate? previous = null;
        LocalDate? previousDue = null;
        for (int i = 0; i < sortedDates.Length; i++)
        {
            LocalDate due = DueDate(ReviewTimetableKind.Ordinary, i + 1, periodStart, previous, previousDue, policy, calendar, "period.Start").Due;
            previous = sortedDates[i];
            previousDue = due;
        }

        int number = sortedDates.Length + 1;
        (LocalDate nextDue, ReviewTimetable.Regime regime, LocalDate from) = DueDate(ReviewTimetableKind.Ordinary, number, periodStart, previous, previousDue, policy, calendar, "period.Start");
        if (asOf <= nextDue && Period.DaysBetween(asOf, nextDue) > dueSoonDays)
        {
            next = default;
            return null;
        }

        next = Deadline.Assess(nextDue, null, asOf, number == 1 && regime.FirstUnit == ReviewTimetable.FirstLimitUnit.WorkingDays && nextDue <= WorkingDayCalendar.MaxDate ? calendar : null);
        string basis = Basis(ReviewTimetableKind.Ordinary, number, regime, periodStart, from, previous);
        return NextFinding(number, nextDue, basis, regime, next, null, policy, ReviewTimetableKind.Ordinary);
    }

    private static void ThrowBadReviewDate(LocalDate date, LocalDate periodStart, LocalDate asOf)
    {
        string problem = date < periodStart
            ? $"before the period of care began on {DateFormat.Iso(periodStart)} (REV-1)"
            : date > asOf
                ? $"after asOf {DateFormat.Iso(asOf)}: only reviews already held can be assessed (REV-1)"
                : "listed twice: a date can hold one review (REV-4)";
        throw new ArgumentException($"reviewDates has a review on {DateFormat.Iso(date)}, {problem}.", "reviewDates");
    }
}
