using System.Collections.Generic;
using System.Linq;
using Iro.Rules.Caseload;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Escalation;

/// <summary>The weekly list's DRP-1: an open escalation past its overall deadline (overdue) or near it (due soon), as known on the as-of date.</summary>
/// <remarks>The finding is <see cref="DisputeResolution.Assess"/>'s own; the validator has already rejected stages the policy's protocol does not define.</remarks>
internal static class EscalationWeekly
{
    public static void Evaluate(in ChildView view, WeeklyRun run, List<CaseloadFlag> flags)
    {
        if (view.Child.Escalations is not { Count: > 0 } escalations)
        {
            return;
        }

        LocalDate asOf = view.AsOf;
        for (int i = 0; i < escalations.Count; i++)
        {
            if (escalations[i].ResolvedOn <= asOf || KnownOn(escalations[i], asOf) is not { } known)
            {
                continue; // resolved by the date of the list, or not yet raised
            }

            EscalationAssessment assessment = DisputeResolution.Assess(known, asOf, run.Policy, run.Calendar);
            Deadline overall = assessment.Overall;
            if (overall.Timeliness == Timeliness.Overdue || (overall.Timeliness == Timeliness.NotYetDue && run.DueSoon(asOf, overall.DueBy)))
            {
                WeeklyRun.Add(flags, view, overall.Timeliness == Timeliness.Overdue ? FlagStatus.Overdue : FlagStatus.DueSoon, overall.DueBy, assessment.Findings[0]);
            }
        }
    }

    /// <summary>The escalation as it stood on <paramref name="asOf"/>: later stages dropped, later completions and resolutions not yet known; null if not yet raised.</summary>
    internal static DisputeEscalation? KnownOn(DisputeEscalation escalation, LocalDate asOf)
    {
        EscalationStep[] steps = escalation.Steps.Where(s => s.RaisedOn <= asOf).Select(s => s.CompletedOn > asOf ? s with { CompletedOn = null } : s).ToArray();
        return steps.Length == 0 ? null : new DisputeEscalation(steps, escalation.ResolvedOn > asOf ? null : escalation.ResolvedOn);
    }
}
