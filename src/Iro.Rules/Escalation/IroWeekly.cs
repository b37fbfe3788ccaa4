using System.Collections.Generic;
using Iro.Rules.Caseload;
using Iro.Rules.Explanations;
using NodaTime;

namespace Iro.Rules.Escalation;

/// <summary>The weekly list's IRO-1: a child in a current period of care with no IRO allocated to it, past the local
/// deadline (overdue) or near it (due soon), or whose first review was held without one (overdue).</summary>
/// <remarks>Only when the record holds allocations (<see cref="ChildCase.IroAllocations"/> not null). The allocation
/// counted is the period's own (<see cref="IroChecks.AllocationForPeriod"/>: one made in an earlier period of care ended
/// with it). The finding is <see cref="IroChecks.AppointedBeforeFirstReview"/>'s when the first review was held, else
/// <see cref="IroChecks.AllocatedInTimeByDate"/>'s. For a period known only in part (903-W) its first review is unknown,
/// so only a vacancy on the as-of date is flagged (overdue; the start shown is the earliest the data holds).
/// Date: the local due date.</remarks>
internal static class IroWeekly
{
    public static void Evaluate(in ChildView view, WeeklyRun run, List<CaseloadFlag> flags)
    {
        // The screen: looked after, allocations recorded, and none for this period made by the as-of date.
        if (!view.LookedAfter || view.Child.IroAllocations is null
            || IroChecks.AllocationForPeriod(view.Child, view.PeriodStart, view.AsOf) is not null)
        {
            return;
        }

        LocalDate due = IroChecks.AllocationDueBy(view.PeriodStart, run.Policy);
        if (!view.KnownInPart && view.ReviewTo > view.ReviewFrom)
        {
            // The first review of the period was held with no IRO: the statutory breach, still open.
            WeeklyRun.Add(flags, view, FlagStatus.Overdue, due, IroChecks.AppointedBeforeFirstReview(null, view.Child.SortedReviews[view.ReviewFrom].Date));
            return;
        }

        Finding local = IroChecks.AllocatedInTimeByDate(view.PeriodStart, null, view.AsOf, run.Policy);
        if (local.Outcome == Outcome.NotMet)
        {
            WeeklyRun.Add(flags, view, FlagStatus.Overdue, due, local);
        }
        else if (run.DueSoon(view.AsOf, due))
        {
            WeeklyRun.Add(flags, view, FlagStatus.DueSoon, due, local);
        }
    }
}
