using System.Collections.Generic;
using Iro.Rules.Caseload;
using Iro.Rules.Explanations;
using NodaTime;

namespace Iro.Rules.Legal;

/// <summary>The weekly list's legal-status rules: LOC-1 (s20 over three months) and LEG-1 (SSDA903 duration limits).</summary>
/// <remarks>Allocation-free screens (<see cref="Section20.IsFlagged"/>, <see cref="Episodes.MayBreachDurations"/>), then the rules' own
/// findings (<see cref="Section20.Assess"/>, <see cref="Episodes.DurationBreaches"/>) on the episodes as known on the as-of date.</remarks>
internal static class LegalWeekly
{
    public static void Section20Flag(in ChildView view, WeeklyRun run, List<CaseloadFlag> flags)
    {
        ChildCase child = view.Child;
        if (!view.LookedAfter || (child.Index.StatusMask & run.Section20Mask) == 0 || !Section20.IsFlagged(child.SortedEpisodes, view.AsOf, run.Policy))
        {
            return;
        }

        Section20Status s20 = Section20.Assess(view.Known(), view.AsOf, run.Policy);
        if (s20.IsFlagged)
        {
            WeeklyRun.Add(flags, view, FlagStatus.Flag, s20.CurrentRun!.Start, s20.Finding);
        }
    }

    public static void DurationFlags(in ChildView view, WeeklyRun run, List<CaseloadFlag> flags)
    {
        ChildCase child = view.Child;
        if ((child.Index.StatusMask & Episodes.DurationLimitMask) == 0 || !Episodes.MayBreachDurations(child.SortedEpisodes, view.AsOf))
        {
            return;
        }

        foreach (DurationBreach breach in Episodes.DurationBreaches(view.Known(), view.AsOf))
        {
            WeeklyRun.Add(flags, view, FlagStatus.Flag, breach.From, breach.Finding);
        }
    }
}
