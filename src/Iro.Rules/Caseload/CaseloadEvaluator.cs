using System;
using System.Collections.Generic;
using System.Linq;
using Iro.Rules.Calendars;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using Iro.Rules.Legal;
using Iro.Rules.LeavingCare;
using Iro.Rules.Participation;
using Iro.Rules.Permanence;
using Iro.Rules.Reviews;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Caseload;

/// <summary>What kind of flag a weekly-list entry is.</summary>
public enum FlagStatus
{
    /// <summary>A deadline passed with nothing done ("overdue").</summary>
    Overdue = 0,

    /// <summary>A deadline coming up within the look-ahead ("due-soon").</summary>
    DueSoon = 1,

    /// <summary>A state or data finding, such as s20 over 3 months or a PN code wrong for the child's age ("flag").</summary>
    Flag = 2,
}

/// <summary>One entry of the weekly flag list.</summary>
/// <param name="ChildId">The child (SSDA903 CHILD).</param>
/// <param name="Rule">The rule id, for example REV-2 or LOC-1.</param>
/// <param name="Status">Overdue, due soon, or a flag.</param>
/// <param name="Date">The due date, or the date the flagged state began.</param>
/// <param name="Reason">One line saying why.</param>
public sealed record CaseloadFlag(string ChildId, RuleId Rule, FlagStatus Status, LocalDate Date, string Reason)
{
    /// <summary>The status as the flag list writes it: <c>overdue</c>, <c>due-soon</c> or <c>flag</c>.</summary>
    public string StatusText => Status switch { FlagStatus.Overdue => "overdue", FlagStatus.DueSoon => "due-soon", _ => "flag" };
}

/// <summary>One child's evaluation: the flags, or why the child could not be evaluated.</summary>
/// <param name="ChildId">The child.</param>
/// <param name="Flags">The open flags (empty when none, or when not evaluated).</param>
/// <param name="Rejections">Every reason the child was not evaluated; empty when evaluated.</param>
public sealed record ChildEvaluation(string ChildId, IReadOnlyList<CaseloadFlag> Flags, IReadOnlyList<string> Rejections)
{
    /// <summary>Whether the child was evaluated (no rejection reasons).</summary>
    public bool Evaluated => Rejections.Count == 0;
}

/// <summary>Evaluates a caseload as of a date: the weekly flag list, child by child, streaming, optionally in parallel.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. Rules: REV-1 to REV-3 (next review overdue or due soon), REV-10 (IRO visit before
/// the latest review, when visits are recorded), PAR-1 (PN code wrong for age), LOC-1 (s20 over 3 months; repeat
/// entries), LOC-2 to LOC-4, LC-5 (pathway plan), LEG-1 (SSDA903 duration limits). A child that fails
/// <see cref="ChildCaseValidator"/> is returned as not evaluated with every reason: children in = evaluated + not evaluated.</para>
/// <para>Parallel evaluation returns the same results in the same order as sequential.</para>
/// </remarks>
public sealed class CaseloadEvaluator
{
    /// <summary>An evaluator.</summary>
    /// <param name="policy">The local policy; the default when null.</param>
    /// <param name="calendar">The working-day calendar; England and Wales when null.</param>
    /// <param name="dueSoonDays">How many days ahead a due date counts as due soon (default 14).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueSoonDays"/> is negative or over 366.</exception>
    public CaseloadEvaluator(LocalPolicy? policy = null, WorkingDayCalendar? calendar = null, int dueSoonDays = 14)
    {
        Preconditions.CheckRange(dueSoonDays, 0, 366, nameof(dueSoonDays));
        Policy = policy ?? LocalPolicy.Default;
        Calendar = calendar ?? WorkingDayCalendar.EnglandAndWales;
        DueSoonDays = dueSoonDays;
    }

    /// <summary>The local policy.</summary>
    public LocalPolicy Policy { get; }

    /// <summary>The working-day calendar.</summary>
    public WorkingDayCalendar Calendar { get; }

    /// <summary>Days ahead that count as due soon.</summary>
    public int DueSoonDays { get; }

    /// <summary>Evaluates children one at a time, as they are read (the caseload is never held in memory).</summary>
    /// <param name="children">The children.</param>
    /// <param name="asOf">The date of the list.</param>
    /// <returns>One evaluation per child, in input order.</returns>
    public IEnumerable<ChildEvaluation> Evaluate(IEnumerable<ChildCase> children, LocalDate asOf)
    {
        Preconditions.CheckNotNull(children, nameof(children));
        foreach (ChildCase child in children)
        {
            yield return EvaluateChild(child, asOf);
        }
    }

    /// <summary>Evaluates children in parallel; the results come back in input order, the same as <see cref="Evaluate"/>.</summary>
    /// <param name="children">The children.</param>
    /// <param name="asOf">The date of the list.</param>
    /// <param name="degreeOfParallelism">The number of threads; all cores when null.</param>
    /// <returns>One evaluation per child, in input order.</returns>
    public IEnumerable<ChildEvaluation> EvaluateParallel(IEnumerable<ChildCase> children, LocalDate asOf, int? degreeOfParallelism = null)
    {
        Preconditions.CheckNotNull(children, nameof(children));
        return children.AsParallel().AsOrdered().WithDegreeOfParallelism(degreeOfParallelism ?? Environment.ProcessorCount).Select(c => EvaluateChild(c, asOf));
    }

    /// <summary>Evaluates one child.</summary>
    /// <param name="child">The child.</param>
    /// <param name="asOf">The date of the list.</param>
    /// <returns>The evaluation.</returns>
    public ChildEvaluation EvaluateChild(ChildCase child, LocalDate asOf)
    {
        if (child is null)
        {
            return new ChildEvaluation(string.Empty, Array.Empty<CaseloadFlag>(), new[] { "child record is missing (null)." });
        }

        var validation = ChildCaseValidator.Instance.Validate(child);
        if (!validation.IsValid)
        {
            return new ChildEvaluation(child.Id, Array.Empty<CaseloadFlag>(), validation.Errors.Select(e => $"{e.ErrorCode}: {e.ErrorMessage}").ToArray());
        }

        var flags = new List<CaseloadFlag>();
        IReadOnlyList<PeriodOfCare> periods = Episodes.SplitIntoPeriods(child.Episodes);
        PeriodOfCare? current = periods.LastOrDefault(p => p.Start <= asOf && (p.End is not LocalDate end || asOf < end));
        if (current is not null)
        {
            ReviewFlags(child, current, asOf, flags);
            Section20Flags(child, asOf, flags);
            AdoptionFlags(child, asOf, flags);
            PathwayPlanFlag(child, asOf, flags);
        }

        foreach (CaseReview r in child.Reviews)
        {
            if (r.Code is null && r.Date <= asOf)
            {
                flags.Add(new CaseloadFlag(child.Id, RuleId.Participation, FlagStatus.Flag, r.Date,
                    $"No participation code recorded for the review on {DateFormat.Iso(r.Date)}: every review needs one of PN0-PN7 (PAR-1)."));
            }

            if (r.Code is ParticipationCode code && r.Date <= asOf && r.Date >= child.DateOfBirth
                && !ParticipationCodes.IsValid(code, child.DateOfBirth, r.Date, Policy))
            {
                flags.Add(new CaseloadFlag(child.Id, RuleId.Participation, FlagStatus.Flag, r.Date,
                    ParticipationCodes.Validate(code, child.DateOfBirth, r.Date, Policy).Summary));
            }
        }

        // Only what was known on asOf: an episode ending later is still open then.
        IEnumerable<Episode> known = child.Episodes.Where(e => e.Start <= asOf).Select(e => e.End > asOf ? e with { End = null } : e);
        foreach ((LocalDate from, Finding f) in Episodes.DurationBreaches(known, asOf))
        {
            flags.Add(new CaseloadFlag(child.Id, f.Rule, FlagStatus.Flag, from, f.Summary));
        }

        return new ChildEvaluation(child.Id, flags.AsReadOnly(), Array.Empty<string>());
    }

    private void ReviewFlags(ChildCase child, PeriodOfCare period, LocalDate asOf, List<CaseloadFlag> flags)
    {
        if (period.Start < ChildCaseValidator.ReviewsFrom)
        {
            return;
        }

        LocalDate[] reviews = child.Reviews.Where(r => r.Date >= period.Start && r.Date <= asOf).Select(static r => r.Date).OrderBy(static d => d).ToArray();
        Span<ReviewCheck> checks = reviews.Length <= 32 ? stackalloc ReviewCheck[reviews.Length] : new ReviewCheck[reviews.Length];
        ReviewStatus status;
        try
        {
            status = ShortBreakTimetable(period, reviews, asOf) ?? ReviewSchedule.Check(period.Start, reviews, asOf, checks, Calendar, Policy);
        }
        catch (ArgumentOutOfRangeException)
        {
            return; // a deadline beyond the supported range (2100): nothing to flag this week
        }

        bool shortBreaks = Policy.TreatV3V4AsShortBreaks && period.Episodes.All(e => LegalStatuses.IsShortBreak(e.LegalStatus));
        RuleId rule = shortBreaks ? RuleId.ShortBreaks : status.NextNumber == 1 ? RuleId.FirstReview : status.NextNumber == 2 ? RuleId.SecondReview : RuleId.SubsequentReview;
        string basis = status.NextNumber == 1
            ? (shortBreaks ? $"3 months after the first short break on {DateFormat.Iso(period.Start)}" : $"20 working days after the child became looked after on {DateFormat.Iso(period.Start)}")
            : $"{(status.NextNumber == 2 && !shortBreaks ? 3 : 6)} months after review {status.NextNumber - 1} on {DateFormat.Iso(reviews[^1])}";
        if (status.IsOverdue)
        {
            int days = Period.DaysBetween(status.NextDueBy, asOf);
            flags.Add(new CaseloadFlag(child.Id, rule, FlagStatus.Overdue, status.NextDueBy,
                $"Review {status.NextNumber} was due by {DateFormat.Iso(status.NextDueBy)} ({basis}); overdue by {Deadline.Plural(days, "day")}."));
        }
        else if (Period.DaysBetween(asOf, status.NextDueBy) <= DueSoonDays)
        {
            flags.Add(new CaseloadFlag(child.Id, rule, FlagStatus.DueSoon, status.NextDueBy,
                $"Review {status.NextNumber} is due by {DateFormat.Iso(status.NextDueBy)} ({basis})."));
        }

        if (child.IroVisits is { } visits && reviews.Length > 0)
        {
            LocalDate last = reviews[^1];
            (LocalDate? seen, LocalDate from, LocalDate through) = ReviewSchedule.VisitBefore(last, last, visits, Policy);
            if (seen is null)
            {
                flags.Add(new CaseloadFlag(child.Id, RuleId.IroVisit, FlagStatus.Flag, last,
                    $"No IRO visit in the {Policy.IroVisitWindowDays} days before review {reviews.Length} on {DateFormat.Iso(last)} ({DateFormat.Iso(from)} to {DateFormat.Iso(through)})."));
            }
        }
    }

    /// <summary>REV-9: a period of V3/V4 short breaks follows reg 48's timetable (through the explained schedule, as such children are few).</summary>
    private ReviewStatus? ShortBreakTimetable(PeriodOfCare period, LocalDate[] reviews, LocalDate asOf)
    {
        if (!Policy.TreatV3V4AsShortBreaks || !period.Episodes.All(e => LegalStatuses.IsShortBreak(e.LegalStatus)))
        {
            return null;
        }

        // V3 episodes are the individual breaks; a V4 episode records the agreement, not the stays, so its breaks
        // cannot be measured and the policy's TreatV3V4AsShortBreaks stands for the reg 48 conditions.
        var breaks = period.Episodes
            .Where(e => e.Start <= asOf)
            .Select(e => e.LegalStatus == LegalStatus.V4
                ? new ShortBreak(e.Start, e.Start)
                : new ShortBreak(e.Start, (e.End is LocalDate end && end <= asOf ? end : asOf) is LocalDate last && last > e.Start ? last.PlusDays(-1) : e.Start))
            .ToArray();
        var carePeriod = new CarePeriod(period.Start, reviews) { ShortBreaks = breaks };
        ReviewTimeline timeline = ReviewSchedule.Evaluate(carePeriod, asOf, Policy, Calendar);
        return new ReviewStatus(timeline.Reviews.Count, timeline.Reviews.Count(r => !r.OnTime), timeline.NextNumber, timeline.NextDueBy, timeline.IsOverdue);
    }

    private void Section20Flags(ChildCase child, LocalDate asOf, List<CaseloadFlag> flags)
    {
        Episode[] episodes = child.Episodes.Where(e => e.Start <= asOf).ToArray();
        bool flagged = Section20.IsFlagged(Episodes.SplitIntoPeriods(episodes).SelectMany(static p => p.Episodes).ToArray(), asOf, Policy);
        if (!flagged && !episodes.Any(e => e.Covers(asOf) && LegalStatuses.IsSection20(e.LegalStatus, Policy)))
        {
            return;
        }

        Section20Status s20 = Section20.Assess(episodes, asOf, Policy);
        if (s20.IsFlagged)
        {
            flags.Add(new CaseloadFlag(child.Id, RuleId.Section20OverThreeMonths, FlagStatus.Flag, s20.CurrentRun!.Start, s20.Finding.Summary));
        }
        else if (s20.CurrentRun is not null && s20.HasRepeatEntries)
        {
            flags.Add(new CaseloadFlag(child.Id, RuleId.Section20OverThreeMonths, FlagStatus.Flag, s20.CurrentRun.Start,
                "Repeat entry into s20: " + s20.Finding.Summary));
        }
    }

    private void AdoptionFlags(ChildCase child, LocalDate asOf, List<CaseloadFlag> flags)
    {
        if (child.PlacementOrderOn is LocalDate order && order <= asOf)
        {
            Add(PermanenceFlags.PlacementOrderDuration(order, null, asOf, Policy), order); // an adopted child has left care, so no end date is needed here
        }

        LocalDate? waitStart = Policy.WaitStart == AdoptionWaitStart.AdmDecision ? child.ShouldBePlacedForAdoptionOn ?? child.PlacementOrderOn : child.PlacementOrderOn;
        if (waitStart is LocalDate start && start <= asOf)
        {
            Add(PermanenceFlags.AdoptionWait(child.ShouldBePlacedForAdoptionOn, child.PlacementOrderOn, child.PlacedForAdoptionOn, asOf, Policy), start);
        }

        if (child.PlacedForAdoptionOn is LocalDate placedOn && placedOn <= asOf)
        {
            Add(PermanenceFlags.PlacedWithoutApplication(placedOn, child.AdoptionApplicationOn, null, asOf, Policy), placedOn);
        }

        void Add(Finding f, LocalDate from)
        {
            if (f.Outcome == Outcome.NotMet)
            {
                flags.Add(new CaseloadFlag(child.Id, f.Rule, FlagStatus.Flag, from, f.Summary));
            }
        }
    }

    private void PathwayPlanFlag(ChildCase child, LocalDate asOf, List<CaseloadFlag> flags)
    {
        if (asOf < Age.AnniversaryTrusted(child.DateOfBirth, 16, Policy.LeapDayBirthday) || asOf >= Age.AnniversaryTrusted(child.DateOfBirth, 18, Policy.LeapDayBirthday))
        {
            return;
        }

        var facts = new CareLeaverFacts(child.DateOfBirth, child.Episodes);
        Finding f = CareLeavers.PathwayPlanInPlace(facts, child.PathwayPlanOn is LocalDate plan && plan <= asOf ? plan : null, asOf, Policy);
        if (f.Outcome == Outcome.NotMet)
        {
            flags.Add(new CaseloadFlag(child.Id, f.Rule, FlagStatus.Overdue, CareLeavers.PathwayPlanRequiredFrom(child.DateOfBirth, Policy), f.Summary));
        }
    }
}
