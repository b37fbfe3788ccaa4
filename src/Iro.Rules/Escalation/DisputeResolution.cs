using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iro.Rules.Calendars;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Escalation;

/// <summary>One stage of an escalation as it happened: when it was raised and, if so, when it was completed.</summary>
/// <param name="Stage">The protocol's stage number.</param>
/// <param name="RaisedOn">The day the IRO raised it.</param>
/// <param name="CompletedOn">The day it was answered or closed, if it was.</param>
public sealed record EscalationStep(int Stage, LocalDate RaisedOn, LocalDate? CompletedOn = null);

/// <summary>An IRO's escalation of a concern about a child's case through the dispute resolution protocol.</summary>
/// <param name="Steps">The stages raised, any order; stages may be skipped.</param>
/// <param name="ResolvedOn">The day the concern was resolved, if it was.</param>
public sealed record DisputeEscalation(IReadOnlyList<EscalationStep> Steps, LocalDate? ResolvedOn = null);

/// <summary>One stage's deadline assessed.</summary>
/// <param name="Step">The stage as it happened.</param>
/// <param name="Definition">The protocol's stage.</param>
/// <param name="Deadline">The stage's own deadline, when the protocol sets a per-stage limit.</param>
public sealed record EscalationStepOutcome(EscalationStep Step, DrpStage Definition, Deadline? Deadline);

/// <summary>An escalation assessed as of a date: the clock start, the overall deadline, each stage, and which is overdue.</summary>
/// <param name="ClockStartedOn">The day the clock started.</param>
/// <param name="Overall">The overall deadline (20 working days by default) assessed against the resolution date (or a Cafcass referral).</param>
/// <param name="Steps">Each stage in the order raised.</param>
/// <param name="OverdueStage">The stage whose own limit has passed without completion as of the date, or <see langword="null"/>.</param>
/// <param name="Findings">The explanation: the overall finding first, then one per stage with a limit.</param>
public sealed record EscalationAssessment(
    LocalDate ClockStartedOn, Deadline Overall, IReadOnlyList<EscalationStepOutcome> Steps, int? OverdueStage, IReadOnlyList<Finding> Findings)
{
    /// <summary>Whether the whole process met its limit (or still can).</summary>
    public bool IsWithinLimit => Overall.IsMetOrPending;
}

/// <summary>The Dispute Resolution Process: each stage's deadline in working days and whether the process met its ceiling.</summary>
/// <remarks>
/// <para>Rule DRP-1. Citation: IRO Handbook 2010 ch. 6 para 6.2; CA 1989 s25B(3); CPPCR 2010 reg 45. Working days are
/// CAL-1/CAL-3 in the council's calendar; skipping stages is allowed; a Cafcass referral closes the internal clock.</para>
/// <para>Stage 1 raised 2025-03-03, resolved 2025-03-31: within (deadline 2025-03-31); resolved 2025-04-01: not. Stage 1
/// on 2025-03-03, stage 2 on 2025-03-17, resolved 2025-04-10: not within from the first stage, within from the first
/// formal stage (deadline 2025-04-14).</para>
/// </remarks>
public static class DisputeResolution
{
    /// <summary>Assesses an escalation as of a date under the policy's protocol.</summary>
    /// <param name="escalation">The escalation.</param>
    /// <param name="asOf">The date to assess as of.</param>
    /// <param name="policy">The policy (its <see cref="LocalPolicy.DisputeResolution"/> protocol); the default when null.</param>
    /// <param name="calendar">The council's working-day calendar; England and Wales when null.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="escalation"/> is null.</exception>
    /// <exception cref="ArgumentException">No stages, an unknown stage, a stage completed before it was raised, or a date after <paramref name="asOf"/>; the message names the field and the value.</exception>
    public static EscalationAssessment Assess(DisputeEscalation escalation, LocalDate asOf, LocalPolicy? policy = null, WorkingDayCalendar? calendar = null)
    {
        Preconditions.CheckNotNull(escalation, nameof(escalation));
        Preconditions.CheckNotNull(escalation.Steps, "escalation.Steps");
        DisputeResolutionProtocol protocol = (policy ?? LocalPolicy.Default).DisputeResolution;
        WorkingDayCalendar days = calendar ?? WorkingDayCalendar.EnglandAndWales;
        EscalationStep[] steps = escalation.Steps.Select(s => Preconditions.CheckNotNull(s, "escalation.Steps")).OrderBy(static s => s.RaisedOn).ThenBy(static s => s.Stage).ToArray();
        if (steps.Length == 0)
        {
            throw new ArgumentException("escalation.Steps is empty: an escalation has at least one stage (DRP-1).", "escalation.Steps");
        }

        foreach (EscalationStep step in steps)
        {
            if (protocol.Stage(step.Stage) is null)
            {
                throw new ArgumentException(
                    $"escalation.Steps has stage {step.Stage.ToString(CultureInfo.InvariantCulture)}, which the protocol does not define (stages {string.Join(", ", protocol.Stages.Select(s => s.Number))}) (DRP-1).", "escalation.Steps");
            }

            if ((step.CompletedOn is LocalDate done && done < step.RaisedOn) || step.RaisedOn > asOf || step.CompletedOn > asOf)
            {
                throw new ArgumentException(
                    $"escalation.Steps has stage {step.Stage.ToString(CultureInfo.InvariantCulture)} raised {DateFormat.Iso(step.RaisedOn)} and completed {(step.CompletedOn is LocalDate c ? DateFormat.Iso(c) : "never")}: a stage cannot be completed before it is raised, and neither date can be after asOf {DateFormat.Iso(asOf)} (DRP-1).",
                    "escalation.Steps");
            }
        }

        LocalDate lastEvent = steps.Max(s => s.CompletedOn is LocalDate c && c > s.RaisedOn ? c : s.RaisedOn);
        if (escalation.ResolvedOn is LocalDate resolved && (resolved < lastEvent || resolved > asOf))
        {
            throw new ArgumentException(
                $"escalation.ResolvedOn was {DateFormat.Iso(resolved)}: it must be on or after every stage raised or completed (the last on {DateFormat.Iso(lastEvent)}) and by asOf {DateFormat.Iso(asOf)} (DRP-1).", "escalation.ResolvedOn");
        }

        EscalationStep startStep = protocol.ClockStart == DrpClockStart.FirstFormalStage
            ? steps.FirstOrDefault(s => protocol.Stage(s.Stage)!.IsFormal) ?? steps[0]
            : steps[0];
        LocalDate start = startStep.RaisedOn;
        LocalDate deadline = WorkingDaysAfter(days, start, protocol.OverallLimitWorkingDays, "escalation.Steps");
        LocalDate? cafcass = steps.Where(s => protocol.Stage(s.Stage)!.ClosesInternalClock).Select(static s => (LocalDate?)s.RaisedOn).FirstOrDefault();
        LocalDate? ended = escalation.ResolvedOn is LocalDate r && (cafcass is null || r < cafcass) ? r : cafcass;
        Deadline overall = Deadline.Assess(deadline, ended, asOf, days);

        var outcomes = new List<EscalationStepOutcome>(steps.Length);
        var findings = new List<Finding>();
        int? overdueStage = null;
        foreach (EscalationStep step in steps)
        {
            DrpStage definition = protocol.Stage(step.Stage)!;
            Deadline? stageDeadline = definition.LimitWorkingDays is int limit
                ? Deadline.Assess(WorkingDaysAfter(days, step.RaisedOn, limit, "escalation.Steps"), step.CompletedOn ?? (ended is LocalDate e && e >= step.RaisedOn ? e : null), asOf, days)
                : null;
            outcomes.Add(new EscalationStepOutcome(step, definition, stageDeadline));
            if (stageDeadline is Deadline d)
            {
                if (d.Timeliness == Timeliness.Overdue)
                {
                    overdueStage ??= step.Stage;
                }

                findings.Add(new Finding(RuleId.DisputeResolution, d.ToOutcome(), Citations.DisputeResolution,
                    $"Stage {step.Stage.ToString(CultureInfo.InvariantCulture)} ({definition.Name}) raised {DateFormat.Iso(step.RaisedOn)}: due by {DateFormat.Iso(d.DueBy)} ({Deadline.Plural(definition.LimitWorkingDays!.Value, "working day")}), {d.Describe()}."));
            }
        }

        // With no per-stage limits (the Manchester default), every stage shares the overall deadline: once it has
        // passed unresolved, the stage reached last is the overdue one.
        if (overdueStage is null && overall.Timeliness == Timeliness.Overdue)
        {
            overdueStage = steps[^1].Stage;
        }

        string clock = protocol.ClockStart == DrpClockStart.FirstStage ? "the first stage" : "the first formal stage";
        string how = ended is LocalDate end
            ? (cafcass == end ? $"referred to Cafcass on {DateFormat.Iso(end)}, closing the internal process" : $"resolved on {DateFormat.Iso(end)}")
            : "not yet resolved";
        findings.Insert(0, new Finding(RuleId.DisputeResolution, overall.ToOutcome(), Citations.DisputeResolution,
            $"Escalation from {clock} on {DateFormat.Iso(start)}: due by {DateFormat.Iso(deadline)} ({Deadline.Plural(protocol.OverallLimitWorkingDays, "working day")}); {how}, {overall.Describe()}; stages {string.Join(", ", steps.Select(s => s.Stage.ToString(CultureInfo.InvariantCulture)))}."));
        return new EscalationAssessment(start, overall, outcomes.AsReadOnly(), overdueStage, findings.AsReadOnly());
    }

    /// <summary>The deadline of a process started on <paramref name="start"/>: the protocol's ceiling in working days (CAL-3).</summary>
    /// <param name="start">The clock start.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <param name="calendar">The calendar; England and Wales when null.</param>
    /// <returns>A working day.</returns>
    public static LocalDate DeadlineFrom(LocalDate start, LocalPolicy? policy = null, WorkingDayCalendar? calendar = null) =>
        WorkingDaysAfter(calendar ?? WorkingDayCalendar.EnglandAndWales, start, (policy ?? LocalPolicy.Default).DisputeResolution.OverallLimitWorkingDays, nameof(start));

    /// <summary>One place for DRP-1's working-day deadlines (CAL-3), with an edge error naming the caller's argument near the end of the supported range.</summary>
    private static LocalDate WorkingDaysAfter(WorkingDayCalendar days, LocalDate start, int workingDays, string paramName) =>
        days.TryAddWorkingDays(start, workingDays, out LocalDate due)
            ? due
            : throw new ArgumentOutOfRangeException(paramName, start, $"{paramName}: the deadline {workingDays} working days from {DateFormat.Iso(start)} falls outside the supported range {DateFormat.Iso(WorkingDayCalendar.MinDate)} to {DateFormat.Iso(WorkingDayCalendar.MaxDate)} (DRP-1).");
}
