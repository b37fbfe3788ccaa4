using System;
using Iro.Rules.Calendars;
using Iro.Rules.Internal;
using NodaTime;

namespace Iro.Rules.Timescales;

/// <summary>Calendar-month periods: "3 months after", "intervals of not more than 6 months", "over 3 months".</summary>
/// <remarks>
/// <para>Rule CAL-4. Citation: Interpretation Act 1978 s5 and Schedule 1 ("month" means calendar month); the
/// corresponding-date rule, <i>Dodds v Walker</i> [1981] 1 WLR 1027 (HL).</para>
/// <para>N months after D ends on the day of the N-th following month with D's day number; when that month is too
/// short, on its last day: 2025-01-31 + 3 months is 2025-04-30; 2024-11-30 + 3 is 2025-02-28; 2023-11-30 + 3 is
/// 2024-02-29; 2024-02-29 + 6 is 2024-08-29. The anchor day is excluded and the whole corresponding day included.
/// A deadline that falls on a weekend or bank holiday is not extended.</para>
/// <para>Always count from the real anchor, never from an earlier deadline: chaining would ratchet 31st to 30th to 28th.</para>
/// </remarks>
public static class CalendarMonths
{
    /// <summary>The date <paramref name="months"/> calendar months after <paramref name="anchor"/>, by the corresponding-date rule.</summary>
    /// <param name="anchor">The event date (excluded from the period).</param>
    /// <param name="months">Zero or more months.</param>
    /// <returns>The last day of the period (inclusive).</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="months"/> is negative.</exception>
    public static LocalDate Add(LocalDate anchor, int months)
    {
        Preconditions.CheckRange(months, 0, 12 * 200, nameof(months), "CAL-4");
        if (anchor.Calendar != CalendarSystem.Iso || anchor.Year > 9000)
        {
            // NodaTime's PlusMonths keeps the day number and clamps to the month's last day: the corresponding-date rule.
            return anchor.PlusMonths(months);
        }

        // The same rule for ISO dates, in integers (about twice as fast as PlusMonths; the bulk paths add many months).
        int monthIndex = anchor.Month - 1 + months;
        int year = anchor.Year + (monthIndex / 12);
        int month = (monthIndex % 12) + 1;
        return new LocalDate(year, month, Math.Min(anchor.Day, CalendarSystem.Iso.GetDaysInMonth(year, month)));
    }

    /// <summary>Whether more than <paramref name="months"/> months have passed since <paramref name="anchor"/> on <paramref name="asOf"/>: <c>asOf &gt; Add(anchor, months)</c>.</summary>
    /// <remarks>Rule CAL-4. Section 20 since 2025-01-31: "over 3 months" is false on 2025-04-30 and true on 2025-05-01.</remarks>
    /// <param name="anchor">The event date.</param>
    /// <param name="months">Zero or more months.</param>
    /// <param name="asOf">The date of the question.</param>
    /// <returns><see langword="true"/> if <paramref name="asOf"/> is after the period's last day.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="months"/> is negative.</exception>
    public static bool IsOver(LocalDate anchor, int months, LocalDate asOf) => asOf > Add(anchor, months);

    /// <summary>The last working day on or before <paramref name="deadline"/>: a suggestion for scheduling, never a change to the deadline.</summary>
    /// <remarks>Rule CAL-4: month deadlines are not rolled forward; 2025-12-14 (a Sunday) suggests Friday 2025-12-12.</remarks>
    /// <param name="deadline">A calendar-month deadline.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <returns>The deadline itself if it is a working day, else the working day before it.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="deadline"/> is outside 1971-2100.</exception>
    public static LocalDate SuggestedLatestWorkingDay(LocalDate deadline, WorkingDayCalendar calendar)
    {
        Preconditions.CheckNotNull(calendar, nameof(calendar));
        return calendar.IsWorkingDay(deadline) ? deadline : calendar.AddWorkingDays(deadline, -1);
    }
}
