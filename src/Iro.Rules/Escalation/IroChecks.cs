using System;
using System.Collections.Generic;
using System.Globalization;
using Iro.Rules.Caseload;
using Iro.Rules.Explanations;
using Iro.Rules.Legal;
using Iro.Rules.Internal;
using NodaTime;

namespace Iro.Rules.Escalation;

/// <summary>Where an IRO's caseload falls against the range.</summary>
public enum CaseloadBand
{
    /// <summary>Below the range (informational).</summary>
    Below = 0,

    /// <summary>Within the range.</summary>
    Within = 1,

    /// <summary>Above the range.</summary>
    Above = 2,
}

/// <summary>An IRO's caseload assessed (IRO-3).</summary>
/// <param name="Band">Below, within or above.</param>
/// <param name="Minimum">The lower end for the IRO's FTE.</param>
/// <param name="Maximum">The upper end for the IRO's FTE.</param>
/// <param name="Finding">The explanation.</param>
public readonly record struct CaseloadAssessment(CaseloadBand Band, decimal Minimum, decimal Maximum, Finding Finding);

/// <summary>IRO-1 (appointment and allocation) and IRO-3 (caseload).</summary>
/// <remarks>
/// <para>IRO-1: an IRO appointed before the first review (CA 1989 s25A(2)), and allocated within the local time of the
/// notification that the child is looked after (24 hours by default). Notified 2025-01-06 10:00, allocated
/// 2025-01-07 09:00: met; at 11:00: local breach. With dates only, notified 2025-01-06: allocated 2025-01-07 met,
/// 2025-01-08 not met. First review 2025-02-03, IRO appointed 2025-02-04: statutory breach.</para>
/// <para>IRO-3: 50-70 children per full-time IRO, pro-rated by FTE (IRO Handbook 2010 ch. 7). 1.0 FTE with 72: above;
/// 0.6 FTE with 40 (limit 42): within; 1.0 FTE with 45: below.</para>
/// </remarks>
public static class IroChecks
{
    /// <summary>IRO-1 statutory: an IRO was appointed on or before the first part of the first review.</summary>
    /// <param name="appointedOn">When the IRO was appointed, if they have been.</param>
    /// <param name="firstReviewFirstPart">The first part of the first review, if held.</param>
    /// <returns>Met, not met, or pending (no review yet and no IRO yet).</returns>
    public static Finding AppointedBeforeFirstReview(LocalDate? appointedOn, LocalDate? firstReviewFirstPart)
    {
        if (firstReviewFirstPart is not LocalDate review)
        {
            return new Finding(RuleId.IroAppointment, appointedOn is null ? Outcome.Pending : Outcome.Met, Citations.IroAppointment,
                appointedOn is LocalDate a ? $"IRO appointed {DateFormat.Iso(a)}, before the first review." : "No IRO appointed yet; one must be appointed before the first review.");
        }

        bool met = AppointedBy(appointedOn, review);
        return new Finding(RuleId.IroAppointment, met ? Outcome.Met : Outcome.NotMet, Citations.IroAppointment,
            appointedOn is LocalDate when
                ? $"IRO appointed {DateFormat.Iso(when)}; first review {DateFormat.Iso(review)}: {(met ? "appointed before it" : "not appointed before it (IRO-1.NotAppointedBeforeFirstReview)")}."
                : $"No IRO appointed by the first review on {DateFormat.Iso(review)} (IRO-1.NotAppointedBeforeFirstReview).")
        {
            Reason = met ? null : ReasonCodes.NotAppointedBeforeFirstReview,
        };
    }

    /// <summary>IRO-1 statutory, the test alone: appointed on or before the first review (as <see cref="AppointedBeforeFirstReview"/>
    /// judges a review held), without building the finding: for counts such as the annual figures.</summary>
    internal static bool AppointedBy(LocalDate? appointedOn, LocalDate firstReview) => appointedOn is LocalDate on && on <= firstReview;

    /// <summary>IRO-1 local, the test alone: allocated on or before the due date (<see cref="AllocationDueBy"/>), as
    /// <see cref="AllocatedInTimeByDate"/> judges it; none allocated is not in time. For counts such as the annual figures.</summary>
    internal static bool AllocatedBy(LocalDate? allocatedOn, LocalDate due) => allocatedOn is LocalDate on && on <= due;

    /// <summary>IRO-1 local, with dates only: the last day an IRO can be allocated in time, the notification date plus
    /// <see cref="LocalPolicy.LocalAllocationHours"/> in whole days, rounded up (24 hours: the next day).</summary>
    /// <param name="notifiedOn">The day the IRO service was told the child is looked after (the start of the period of care).</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <returns>The due date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="notifiedOn"/> or the due date is outside 1971-01-01 to 2100-12-31.</exception>
    public static LocalDate AllocationDueBy(LocalDate notifiedOn, LocalPolicy? policy = null)
    {
        Preconditions.CheckDateRange(notifiedOn, Calendars.WorkingDayCalendar.MinDate, Calendars.WorkingDayCalendar.MaxDate, nameof(notifiedOn), "IRO-1");
        int hours = (policy ?? LocalPolicy.Default).LocalAllocationHours;
        LocalDate due = notifiedOn.PlusDays((hours + 23) / 24);
        Preconditions.CheckDateRange(due, Calendars.WorkingDayCalendar.MinDate, Calendars.WorkingDayCalendar.MaxDate, "allocationDueBy", "IRO-1");
        return due;
    }

    /// <summary>IRO-1 local, with dates only: an IRO allocated by <see cref="AllocationDueBy"/>, as RULES.md reads the
    /// rule when only dates are known ("allocation date &lt;= notification date + 1 calendar day" for 24 hours).</summary>
    /// <remarks>Rule IRO-1; citation: CA 1989 s25A and local policy. An allocation on or before the notification date
    /// (an IRO already allocated when the child became looked after, for example from an earlier period of care) is in
    /// time. Notified 2025-01-06: allocated 2025-01-07 met, 2025-01-08 not met (reason <c>IRO-1.NotAllocatedInTime</c>);
    /// none allocated: pending to 2025-01-07, not met from 2025-01-08.</remarks>
    /// <param name="notifiedOn">The day the IRO service was told the child is looked after (the start of the period of care).</param>
    /// <param name="allocatedOn">The day an IRO was allocated, if one has been.</param>
    /// <param name="asOf">The date of the assessment.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <returns>Met, not met, or pending.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="notifiedOn"/> or the due date is outside 1971-01-01 to 2100-12-31.</exception>
    public static Finding AllocatedInTimeByDate(LocalDate notifiedOn, LocalDate? allocatedOn, LocalDate asOf, LocalPolicy? policy = null)
    {
        int hours = (policy ?? LocalPolicy.Default).LocalAllocationHours;
        LocalDate due = AllocationDueBy(notifiedOn, policy);
        string window = $"within {hours.ToString(CultureInfo.InvariantCulture)} hours of notification on {DateFormat.Iso(notifiedOn)} (by {DateFormat.Iso(due)} with dates only, local policy)";
        if (allocatedOn is LocalDate on)
        {
            bool met = AllocatedBy(on, due);
            return new Finding(RuleId.IroAppointment, met ? Outcome.Met : Outcome.NotMet, Citations.IroAppointment,
                on < notifiedOn ? $"IRO allocated {DateFormat.Iso(on)}, already in place when the child became looked after on {DateFormat.Iso(notifiedOn)}: {window}."
                : $"IRO allocated {DateFormat.Iso(on)}: {(met ? "" : "not ")}{window}{(met ? "" : " (IRO-1.NotAllocatedInTime)")}.")
            {
                Reason = met ? null : ReasonCodes.NotAllocatedInTime,
            };
        }

        bool late = asOf > due;
        return new Finding(RuleId.IroAppointment, late ? Outcome.NotMet : Outcome.Pending, Citations.IroAppointment,
            $"No IRO allocated as of {DateFormat.Iso(asOf)}; due {window}{(late ? " (IRO-1.NotAllocatedInTime)" : "")}.")
        {
            Reason = late ? ReasonCodes.NotAllocatedInTime : null,
        };
    }

    /// <summary>The IRO allocated to <paramref name="child"/> on <paramref name="date"/>: of the allocations made for the
    /// period of care the date falls in (or the latest one begun by then), the one with the latest
    /// <see cref="IroAllocation.From"/> on or before the date (of two on the same day, the later in the list);
    /// <see langword="null"/> when none, or when the child's allocations are not recorded.</summary>
    /// <remarks>Rules IRO-1 and IRO-3; citation: CA 1989 s25A(1). An allocation lasts until the child's next one, but not
    /// beyond its period of care: the appointment is for a looked after child, so one made on or before the day an earlier
    /// period ended ended with that period, and a child who comes back into care needs an IRO allocated again. One made
    /// after the earlier period ended and before the new one began (an IRO allocated ahead of a planned admission)
    /// counts for the new period. Example: looked after 2023-05-01 to 2023-09-01 with IRO A from 2023-05-02, looked after
    /// again from 2025-10-01: no IRO on 2025-11-10 (A's allocation ended in 2023).</remarks>
    /// <param name="child">The child's record.</param>
    /// <param name="date">The date.</param>
    /// <returns>The allocation, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="child"/> is null.</exception>
    public static IroAllocation? AllocationOn(ChildCase child, LocalDate date)
    {
        Preconditions.CheckNotNull(child, nameof(child));
        if (child.IroAllocations is not { Count: > 0 } allocations)
        {
            return null;
        }

        LocalDate? earlierEnd = EarlierPeriodEnd(child.SortedEpisodes, date, out LocalDate? periodStart);
        return InForce(allocations, date, earlierEnd, periodStart);
    }

    /// <summary>IRO-1's allocation for a period of care: the one in force on its first day (<see cref="AllocationOn"/>), or
    /// else the first made after it, on or before <paramref name="until"/>; null when none.</summary>
    internal static IroAllocation? AllocationForPeriod(ChildCase child, LocalDate periodStart, LocalDate until)
    {
        if (child.IroAllocations is not { Count: > 0 } allocations)
        {
            return null;
        }

        LocalDate? earlierEnd = EarlierPeriodEnd(child.SortedEpisodes, periodStart, out _);
        if (InForce(allocations, periodStart, earlierEnd, periodStart) is IroAllocation inForce)
        {
            return inForce;
        }

        for (int i = 0; i < allocations.Count; i++)
        {
            if (allocations[i].From > periodStart)
            {
                return allocations[i].From <= until ? allocations[i] : null;
            }
        }

        return null;
    }

    /// <summary>The allocation in force on <paramref name="date"/> among those made for the period that began on
    /// <paramref name="periodStart"/>: after <paramref name="earlierEnd"/> (the end of the period before it), or on or after its start.</summary>
    private static IroAllocation? InForce(IReadOnlyList<IroAllocation> allocations, LocalDate date, LocalDate? earlierEnd, LocalDate? periodStart)
    {
        IroAllocation? found = null;
        for (int i = 0; i < allocations.Count; i++)
        {
            IroAllocation a = allocations[i];
            bool forThisPeriod = earlierEnd is not LocalDate end || a.From > end || (periodStart is LocalDate start && a.From >= start);
            if (forThisPeriod && a.From <= date && (found is not IroAllocation f || a.From >= f.From))
            {
                found = a;
            }
        }

        return found;
    }

    /// <summary>The end of the period of care before the one <paramref name="date"/> falls in (or the latest one begun by
    /// then), and that period's start; null when there is no earlier period (episodes sorted, as <see cref="ChildCase"/> keeps them).</summary>
    private static LocalDate? EarlierPeriodEnd(Episode[] sorted, LocalDate date, out LocalDate? periodStart)
    {
        LocalDate? earlierEnd = null;
        periodStart = null;
        for (int i = 0; i < sorted.Length && sorted[i].Start <= date; i++)
        {
            if (i == 0 || Episodes.StartsNewPeriod(sorted, i))
            {
                earlierEnd = i == 0 ? null : sorted[i - 1].End;
                periodStart = sorted[i].Start;
            }
        }

        return earlierEnd;
    }

    /// <summary>IRO-1 local: the IRO was allocated within <see cref="LocalPolicy.LocalAllocationHours"/> of notification.</summary>
    /// <param name="notifiedAt">When the IRO service was told the child is looked after (local time).</param>
    /// <param name="allocatedAt">When an IRO was allocated, if one has been.</param>
    /// <param name="asOf">The moment of the assessment.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <returns>Met, not met, or pending.</returns>
    /// <exception cref="ArgumentException"><paramref name="allocatedAt"/> is before <paramref name="notifiedAt"/>.</exception>
    public static Finding AllocatedInTime(LocalDateTime notifiedAt, LocalDateTime? allocatedAt, LocalDateTime asOf, LocalPolicy? policy = null)
    {
        int hours = (policy ?? LocalPolicy.Default).LocalAllocationHours;
        if (allocatedAt is LocalDateTime early && early < notifiedAt)
        {
            throw new ArgumentException($"allocatedAt was {Text(early)}, before notifiedAt {Text(notifiedAt)} (IRO-1).", nameof(allocatedAt));
        }

        // Real hours across a clock change: 24 hours from 10:00 on the Saturday before the October change is 09:00 on the Sunday.
        DateTimeZone london = Secure.SecureInterval.London;
        LocalDateTime limit = notifiedAt.InZoneLeniently(london).ToInstant().Plus(Duration.FromHours(hours)).InZone(london).LocalDateTime;
        string window = $"within {hours.ToString(CultureInfo.InvariantCulture)} hours of notification at {Text(notifiedAt)} (by {Text(limit)}, local policy)";
        if (allocatedAt is LocalDateTime at)
        {
            bool met = at.InZoneLeniently(london).ToInstant() <= limit.InZoneLeniently(london).ToInstant();
            return new Finding(RuleId.IroAppointment, met ? Outcome.Met : Outcome.NotMet, Citations.IroAppointment,
                $"IRO allocated {Text(at)}: {(met ? "" : "not ")}{window}.");
        }

        return new Finding(RuleId.IroAppointment, asOf.InZoneLeniently(london).ToInstant() > limit.InZoneLeniently(london).ToInstant() ? Outcome.NotMet : Outcome.Pending, Citations.IroAppointment,
            $"No IRO allocated as of {Text(asOf)}; due {window}.");
    }

    /// <summary>IRO-3: an IRO's caseload against the range pro-rated by FTE.</summary>
    /// <param name="children">Distinct children with an open period of care allocated to the IRO.</param>
    /// <param name="fullTimeEquivalent">The IRO's FTE, above 0 and at most 1.5.</param>
    /// <param name="policy">The policy (<see cref="LocalPolicy.CaseloadMin"/>, <see cref="LocalPolicy.CaseloadMax"/>); the default when null.</param>
    /// <returns>The band and its finding.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="children"/> is negative, or <paramref name="fullTimeEquivalent"/> is zero, negative or over 1.5.</exception>
    public static CaseloadAssessment Caseload(int children, decimal fullTimeEquivalent, LocalPolicy? policy = null)
    {
        Preconditions.CheckRange(children, 0, 100_000, nameof(children), "IRO-3");
        if (fullTimeEquivalent <= 0m || fullTimeEquivalent > 1.5m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(fullTimeEquivalent), fullTimeEquivalent, $"fullTimeEquivalent was {fullTimeEquivalent.ToString(CultureInfo.InvariantCulture)}; it must be above 0 and at most 1.5 (IRO-3).");
        }

        LocalPolicy p = policy ?? LocalPolicy.Default;
        if (p.CaseloadMin > p.CaseloadMax)
        {
            throw new ArgumentException($"policy.CaseloadMin ({p.CaseloadMin}) is above policy.CaseloadMax ({p.CaseloadMax}) (IRO-3).", nameof(policy));
        }

        decimal min = p.CaseloadMin * fullTimeEquivalent;
        decimal max = p.CaseloadMax * fullTimeEquivalent;
        CaseloadBand band = children > max ? CaseloadBand.Above : children < min ? CaseloadBand.Below : CaseloadBand.Within;
        string range = $"{min.ToString("0.#", CultureInfo.InvariantCulture)}-{max.ToString("0.#", CultureInfo.InvariantCulture)}";
        return new CaseloadAssessment(band, min, max, new Finding(
            RuleId.IroCaseload,
            band == CaseloadBand.Above ? Outcome.NotMet : band == CaseloadBand.Within ? Outcome.Met : Outcome.Information,
            Citations.IroCaseload,
            $"{children.ToString(CultureInfo.InvariantCulture)} {(children == 1 ? "child" : "children")} at {fullTimeEquivalent.ToString("0.##", CultureInfo.InvariantCulture)} FTE: {band.ToString().ToLowerInvariant()} the range of {range}."));
    }

    private static string Text(LocalDateTime t) => t.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
