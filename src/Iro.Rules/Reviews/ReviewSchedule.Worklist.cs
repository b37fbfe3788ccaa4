using System.Collections.Generic;
using Iro.Rules.Calendars;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Reviews;

public static partial class ReviewSchedule
{
    /// <summary>
    /// REV-10 for a review not yet held: the window in which the IRO should see the child before a review held on
    /// <paramref name="plannedOn"/> (the same window as <see cref="VisitBefore"/> checks once it is held), whether a
    /// recorded visit already falls in it, and the finding. The one home of the visit window, for the worklist.
    /// </summary>
    /// <param name="plannedOn">The day the review is planned for (its book-by date, or the as-of date when it is overdue).</param>
    /// <param name="reviewWords">The review in words, for example "review 3" or "the next review".</param>
    /// <param name="visits">The IRO visits recorded up to the as-of date, in date order, or <see langword="null"/> when the source does not record them.</param>
    /// <param name="overdue">Whether the review itself is overdue.</param>
    /// <param name="policy">The local window (<see cref="LocalPolicy.IroVisitWindowDays"/>, <see cref="LocalPolicy.CountSameDayVisit"/>).</param>
    /// <param name="notBefore">The start of the period of care: a visit before it does not count.</param>
    internal static (LocalDate From, LocalDate Through, LocalDate? Seen, Finding Finding) VisitWindow(
        LocalDate plannedOn, string reviewWords, IReadOnlyList<LocalDate>? visits, bool overdue, LocalPolicy policy, LocalDate notBefore)
    {
        (LocalDate? seen, LocalDate from, LocalDate through) = VisitBefore(plannedOn, plannedOn, visits ?? [], policy, notBefore);
        string range = $"{DateFormat.Iso(from)} to {DateFormat.Iso(through)}";
        string recorded = visits is null
            ? "the source does not record IRO visits"
            : seen is LocalDate v ? $"the visit on {DateFormat.Iso(v)} is in it" : "no visit in it is recorded yet";
        string when = overdue
            ? $"{reviewWords} is overdue, so for a review held on {DateFormat.Iso(plannedOn)} the IRO should see the child in the {policy.IroVisitWindowDays} days before it, {range}"
            : $"the IRO should see the child in the {policy.IroVisitWindowDays} days before {reviewWords}, booked by {DateFormat.Iso(plannedOn)}: {range}";
        var finding = new Finding(RuleId.IroVisit, seen is null ? (overdue ? Outcome.NotMet : Outcome.Pending) : Outcome.Met, Citations.IroVisit,
            $"{char.ToUpperInvariant(when[0])}{when[1..]} ({Citations.IroVisit.ShortForm}); {recorded}.");
        return (from, through, seen, finding);
    }

    /// <summary>The day to book a review by (CAL-4): the due date when it is a working day, otherwise the latest working
    /// day before it; the due date itself never moves. With the reason in words, or <see langword="null"/> when the two agree.</summary>
    internal static (LocalDate BookBy, string? Words) BookBy(LocalDate due, WorkingDayCalendar calendar)
    {
        LocalDate bookBy = CalendarMonths.SuggestedLatestWorkingDay(due, calendar);
        if (bookBy == due)
        {
            return (due, null);
        }

        string why = calendar.BankHolidays.Find(due) is BankHoliday holiday ? holiday.Name
            : due.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? due.DayOfWeek.ToString()
            : "a local closure day";
        return (bookBy, $"Book it by {DateFormat.Iso(bookBy)} ({bookBy.DayOfWeek}): {DateFormat.Iso(due)} is not a working day ({why}), and the due date itself does not move (CAL-4).");
    }
}
