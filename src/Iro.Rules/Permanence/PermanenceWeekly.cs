using System.Collections.Generic;
using Iro.Rules.Caseload;
using Iro.Rules.Explanations;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Permanence;

/// <summary>The weekly list's adoption flags, LOC-2 to LOC-4, for a child looked after on the as-of date, from the view's placement order in force, placement for adoption and decision.</summary>
/// <remarks>Each threshold is screened with integers; the finding is <see cref="PermanenceFlags"/>' own.</remarks>
internal static class PermanenceWeekly
{
    public static void Evaluate(in ChildView view, WeeklyRun run, List<CaseloadFlag> flags)
    {
        LocalPolicy p = run.Policy;
        if (!view.LookedAfter || !p.AdoptionFlagsEnabled)
        {
            return; // switched off: every finding would be not applicable
        }

        LocalDate asOf = view.AsOf;
        if (view.PlacementOrderOn is LocalDate order && asOf > CalendarMonths.Add(order, p.PlacementOrderFlagMonths))
        {
            Add(flags, view, order, PermanenceFlags.PlacementOrderDuration(order, null, asOf, p));
        }

        if (PermanenceFlags.WaitStart(view.AdoptionDecisionOn, view.PlacementOrderOn, p) is LocalDate waitStart && asOf > CalendarMonths.Add(waitStart, p.AdoptionWaitFlagMonths))
        {
            Add(flags, view, waitStart, PermanenceFlags.AdoptionWait(view.AdoptionDecisionOn, view.PlacementOrderOn, view.PlacedForAdoptionOn, asOf, p, view.DecisionReversedOn));
        }

        if (view.PlacedForAdoptionOn is LocalDate placed && asOf > Weeks.After(placed, p.PlacedForAdoptionFlagWeeks))
        {
            Add(flags, view, placed, PermanenceFlags.PlacedWithoutApplication(placed, view.Child.AdoptionApplicationOn, null, asOf, p));
        }
    }

    private static void Add(List<CaseloadFlag> flags, in ChildView view, LocalDate from, Finding finding)
    {
        if (finding.Outcome == Outcome.NotMet)
        {
            WeeklyRun.Add(flags, view, FlagStatus.Flag, from, finding);
        }
    }
}
