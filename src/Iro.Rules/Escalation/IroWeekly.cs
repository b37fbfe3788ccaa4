using System.Collections.Generic;
using Iro.Rules.Caseload;
using Iro.Rules.Explanations;
using NodaTime;

namespace Iro.Rules.Escalation;

/// <summary>The weekly list's IRO-1: a child in a current period of care with no IRO allocated, past the local deadline
/// (overdue) or near it (due soon), or whose first review was held without one (overdue).</summary>
/// <remarks>Only when the record holds allocations (<see cref="ChildCase.IroAllocations"/> not null); not for a period
/// known only in part (903-W), whose start, and first review, the data may not show. The finding is
/// <see cref="IroChecks.AppointedBeforeFirstReview"/>'s when the first review was held, else
/// <see cref="IroChecks.AllocatedInTimeByDate"/>'s. Date: the local due date.</remarks>
internal static class IroWeekly
{
    public static void Evaluate(in ChildView view, WeeklyRun run, List<CaseloadFlag> flags)
    {
        // The screen: looked after, fully known, allocations recorded and none made by the as-of date. (An allocation
        // made by then is either in force on the period's first day or made after it: either way one is allocated.)
        if (!view.LookedAfter || view.KnownInPart || view.Child.IroAllocations is not { } allocations
            || (allocations.Count > 0 && allocations[0].From <= view.AsOf))
        {
            return;
        }

        LocalDate due = IroChecks.AllocationDueBy(view.PeriodStart, run.Policy);
        if (view.ReviewTo > view.ReviewFrom)
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
