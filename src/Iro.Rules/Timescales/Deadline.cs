using Iro.Rules.Calendars;
using Iro.Rules.Internal;
using NodaTime;

namespace Iro.Rules.Timescales;

/// <summary>A deadline and whether it was met: due date, the date acted on (if any), the outcome as of a date, and how late.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. <see cref="DueBy"/> is inclusive: an act on that date is on time (CAL-3, CAL-4; citations: <i>Zoan v Rouamba</i> [2000] 1 WLR 1509; Interpretation Act 1978 Sch 1).</para>
/// <para>Due 2025-02-03, held 2025-02-04: <see cref="Timeliness.Late"/>, 1 calendar day and 1 working day late.
/// Due 2025-05-20, nothing done, as of 2025-05-21: <see cref="Timeliness.Overdue"/>, 1 day late.</para>
/// </remarks>
/// <param name="DueBy">The last day on which the act is in time.</param>
/// <param name="ActedOn">The date of the act, or <see langword="null"/> if not (yet) done.</param>
/// <param name="AsOf">The date the deadline was assessed on.</param>
/// <param name="Timeliness">On time, late, overdue, not yet due, or not required.</param>
/// <param name="DaysLate">Calendar days after <paramref name="DueBy"/> of the act (or of <paramref name="AsOf"/> when overdue); 0 when on time or not yet due.</param>
/// <param name="WorkingDaysLate">The same in working days, where the rule counts working days; otherwise <see langword="null"/>.</param>
public readonly record struct Deadline(
    LocalDate DueBy,
    LocalDate? ActedOn,
    LocalDate AsOf,
    Timeliness Timeliness,
    int DaysLate,
    int? WorkingDaysLate)
{
    /// <summary>Whether the deadline was or can still be met: on time, not yet due, or not required.</summary>
    public bool IsMetOrPending => Timeliness is Timeliness.OnTime or Timeliness.NotYetDue or Timeliness.NotRequired;

    /// <summary>Assesses a deadline counted in calendar days or months (lateness in calendar days only).</summary>
    /// <param name="dueBy">The last day in time (inclusive).</param>
    /// <param name="actedOn">The date of the act, if done.</param>
    /// <param name="asOf">The date of the assessment.</param>
    /// <returns>The assessment.</returns>
    public static Deadline Assess(LocalDate dueBy, LocalDate? actedOn, LocalDate asOf) => Assess(dueBy, actedOn, asOf, null);

    /// <summary>Assesses a deadline; with a calendar, lateness is also given in working days.</summary>
    /// <param name="dueBy">The last day in time (inclusive).</param>
    /// <param name="actedOn">The date of the act, if done.</param>
    /// <param name="asOf">The date of the assessment.</param>
    /// <param name="workingDays">The calendar for working-day lateness, or <see langword="null"/>.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">With a calendar, a date is outside 1971-2100.</exception>
    public static Deadline Assess(LocalDate dueBy, LocalDate? actedOn, LocalDate asOf, WorkingDayCalendar? workingDays)
    {
        LocalDate? late = actedOn is LocalDate done
            ? (done > dueBy ? done : null)
            : (asOf > dueBy ? asOf : null);
        Timeliness timeliness = actedOn is null
            ? (late is null ? Timeliness.NotYetDue : Timeliness.Overdue)
            : (late is null ? Timeliness.OnTime : Timeliness.Late);
        int days = late is LocalDate l ? Period.DaysBetween(dueBy, l) : 0;
        int? working = workingDays is null ? null : late is LocalDate w ? workingDays.WorkingDaysBetween(dueBy, w) : 0;
        return new Deadline(dueBy, actedOn, asOf, timeliness, days, working);
    }

    /// <summary>A deadline that no longer applies, for example because the period of care ended first.</summary>
    /// <param name="dueBy">The due date it would have had.</param>
    /// <param name="asOf">The date of the assessment.</param>
    /// <returns>An assessment with <see cref="Timeliness.NotRequired"/>.</returns>
    public static Deadline NotRequired(LocalDate dueBy, LocalDate asOf) => new(dueBy, null, asOf, Timeliness.NotRequired, 0, null);

    /// <summary>Describes the outcome in words, for example "1 working day late" or "on time".</summary>
    /// <returns>A short phrase.</returns>
    public override string ToString() => Describe();

    /// <summary>The finding outcome this deadline implies: on time is met, late or overdue not met, not yet due pending, not required not applicable.</summary>
    internal Explanations.Outcome ToOutcome() => Timeliness switch
    {
        Timeliness.OnTime => Explanations.Outcome.Met,
        Timeliness.NotYetDue => Explanations.Outcome.Pending,
        Timeliness.NotRequired => Explanations.Outcome.NotApplicable,
        _ => Explanations.Outcome.NotMet,
    };

    internal string Describe()
    {
        string amount = WorkingDaysLate is int wd
            ? Plural(wd, "working day")
            : Plural(DaysLate, "day");
        return Timeliness switch
        {
            Timeliness.OnTime => "on time",
            Timeliness.Late => amount + " late",
            Timeliness.Overdue => $"overdue by {amount} as of {DateFormat.Iso(AsOf)}",
            Timeliness.NotYetDue => $"not yet due as of {DateFormat.Iso(AsOf)}",
            _ => "not required",
        };
    }

    internal static string Plural(int n, string unit) =>
        n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? string.Empty : "s");
}
