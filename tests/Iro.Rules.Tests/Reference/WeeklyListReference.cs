using System;
using System.Collections.Generic;
using System.Linq;
using Iro.Rules.Calendars;
using Iro.Rules.Caseload;
using Iro.Rules.Escalation;
using Iro.Rules.Explanations;
using Iro.Rules.LeavingCare;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Permanence;
using Iro.Rules.Reviews;
using Iro.Rules.Secure;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Tests.Reference;

/// <summary>One entry of the weekly flag list as the public per-rule APIs say it should be.</summary>
/// <param name="Rule">The rule id of the finding.</param>
/// <param name="Status">Overdue, due soon, or a flag.</param>
/// <param name="Date">The date docs/weekly-list.md gives the flag.</param>
/// <param name="Reason">The finding's one-line summary.</param>
/// <param name="Citation">The finding's citation.</param>
public sealed record ExpectedFlag(RuleId Rule, FlagStatus Status, LocalDate Date, string Reason, Citation Citation)
{
    /// <summary>A sort key: rule, date, status, reason.</summary>
    public string Key => $"{Rule} | {Date:uuuu-MM-dd} | {Status} | {Reason}";

    public override string ToString() => $"{Key} | {Citation.ShortForm}";
}

/// <summary>The expected weekly list for one child: the flags, or the codes of the reasons it is not evaluated.</summary>
/// <param name="Flags">The flags (empty when none, or when not evaluated).</param>
/// <param name="RejectionCodes">The rejection codes, sorted; empty when evaluated.</param>
public sealed record ExpectedList(IReadOnlyList<ExpectedFlag> Flags, IReadOnlyList<string> RejectionCodes)
{
    /// <summary>Whether the child is evaluated.</summary>
    public bool Evaluated => RejectionCodes.Count == 0;
}

/// <summary>A child "as known on the as-of date" (docs/weekly-list.md, "The view"), built plainly from the record.</summary>
/// <param name="KnownEpisodes">Episodes begun by the as-of date, an end after it cleared (the episode is open).</param>
/// <param name="Periods">The known episodes split into periods of care by <see cref="Episodes.SplitIntoPeriods"/>.</param>
/// <param name="CurrentPeriod">The period open on the as-of date, or null when the child is not looked after.</param>
public sealed record ChildAsKnown(IReadOnlyList<Episode> KnownEpisodes, IReadOnlyList<PeriodOfCare> Periods, PeriodOfCare? CurrentPeriod)
{
    /// <summary>Whether the child is looked after on the as-of date.</summary>
    public bool LookedAfter => CurrentPeriod is not null;
}

/// <summary>
/// The weekly flag list (docs/weekly-list.md) written the obvious way from the public per-rule APIs only: the guard's
/// oracle. Each flag is a finding of the API the doc's table names, with the doc's status and date; nothing here
/// restates a rule. Clarity over speed.
/// </summary>
public static class WeeklyListReference
{
    /// <summary>The rejection code for a rule that cannot be evaluated for a valid record (a deadline past 2100-12-31).</summary>
    public const string OutOfRange = "IN-OUT-OF-RANGE";

    private static readonly string[] AdoptionPlacements = ["A3", "A4", "A5", "A6"];

    /// <summary>The Review of Children's Cases Regulations 1991 came into force on 14 October 1991 (docs/weekly-list.md, "Review timetables").</summary>
    private static readonly LocalDate ReviewTimetablesFrom = new(1991, 10, 14);

    /// <summary>The expected weekly list for one child.</summary>
    /// <param name="child">The child's record.</param>
    /// <param name="asOf">The date of the list.</param>
    /// <param name="policy">The evaluator's policy.</param>
    /// <param name="calendar">The evaluator's working-day calendar.</param>
    /// <param name="dueSoonDays">The evaluator's look-ahead for due-soon flags.</param>
    /// <returns>The flags, or why the child is not evaluated.</returns>
    public static ExpectedList Expected(ChildCase child, LocalDate asOf, LocalPolicy policy, WorkingDayCalendar calendar, int dueSoonDays)
    {
        // Not evaluated: the validator (with the evaluator's policy) rejects the record...
        var validation = new ChildCaseValidator(policy).Validate(child);
        if (!validation.IsValid)
        {
            return new ExpectedList([], validation.Errors.Select(e => e.ErrorCode).Order(StringComparer.Ordinal).ToArray());
        }

        // ...or a rule cannot be evaluated for this valid record: its public API throws ArgumentOutOfRangeException
        // (a deadline past the end of the supported range, 2100-12-31).
        try
        {
            return new ExpectedList(Flags(child, asOf, policy, calendar, dueSoonDays), []);
        }
        catch (ArgumentOutOfRangeException)
        {
            return new ExpectedList([], [OutOfRange]);
        }
    }

    /// <summary>The child as known on <paramref name="asOf"/>: known episodes, periods, and the period open on the date.</summary>
    /// <param name="child">The child.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The view.</returns>
    public static ChildAsKnown AsKnownOn(ChildCase child, LocalDate asOf)
    {
        // An episode begun after the as-of date is not known; an end after it is not yet known, so the episode is open.
        Episode[] known = child.Episodes
            .Where(e => e.Start <= asOf)
            .Select(e => e.End is LocalDate end && end > asOf ? e with { End = null } : e)
            .ToArray();
        IReadOnlyList<PeriodOfCare> periods = Episodes.SplitIntoPeriods(known);

        // The period open on the as-of date. With later ends cleared only the last period can be open; a child whose
        // last episode ended on or before the as-of date is not looked after.
        PeriodOfCare? current = periods.LastOrDefault(p => p.Start <= asOf && (p.End is not LocalDate end || asOf < end));
        return new ChildAsKnown(known, periods, current);
    }

    private static List<ExpectedFlag> Flags(ChildCase child, LocalDate asOf, LocalPolicy policy, WorkingDayCalendar calendar, int dueSoonDays)
    {
        ChildAsKnown view = AsKnownOn(child, asOf);
        var flags = new List<ExpectedFlag>();

        if (view.CurrentPeriod is PeriodOfCare period)
        {
            // Review timetables are modelled from 14 October 1991: a current period that began before then gets no REV flag.
            if (period.Start < ReviewTimetablesFrom)
            {
                // no REV flag for a period that began before the 1991 Regulations, known in whole or in part
            }
            else if (child.KnownFrom is LocalDate knownFrom && (period.Start < knownFrom || period.Episodes[0].Reason != ReasonForNewEpisode.S))
            {
                // 903-W: a period known only in part: its next review at the latest date it can be in time.
                PartialReviewStatus partial = ReviewSchedule.NextReviewKnownInPart(
                    period.Episodes[0].Reason == ReasonForNewEpisode.S ? period.Start : null,
                    knownFrom,
                    child.Reviews.Select(r => r.Date).Where(d => d >= knownFrom && d >= period.Start && d <= asOf).ToArray(),
                    asOf);
                if (partial.Next.Timeliness == Timeliness.Overdue)
                {
                    flags.Add(Flag(partial.Finding, FlagStatus.Overdue, partial.DueByAtLatest));
                }
                else if (Period.DaysBetween(asOf, partial.DueByAtLatest) <= dueSoonDays)
                {
                    flags.Add(Flag(partial.Finding, FlagStatus.DueSoon, partial.DueByAtLatest));
                }
            }
            else
            {
                ReviewFlags(child, period, asOf, policy, calendar, dueSoonDays, flags);
            }

            Section20Flag(view, asOf, policy, flags);
            AdoptionFlags(child, view, period, asOf, policy, flags);

            // IRO-1, when allocations are recorded; for a period known only in part (903-W), its first review is unknown.
            if (child.IroAllocations is { } allocations)
            {
                bool knownInPart = child.KnownFrom is LocalDate from && (period.Start < from || period.Episodes[0].Reason != ReasonForNewEpisode.S);
                IroAppointmentFlag(child, allocations, period, knownInPart, asOf, policy, dueSoonDays, flags);
            }
        }

        // Looked after or not: PAR-1, LC-5, LEG-1, SEC-2 to SEC-5 and DRP-1.
        ParticipationFlags(child, asOf, policy, flags);
        PathwayPlanFlag(child, view, asOf, policy, flags);
        DurationFlags(view, asOf, flags);
        SecureFlags(child, asOf, policy, calendar, dueSoonDays, flags);
        EscalationFlags(child, asOf, policy, calendar, dueSoonDays, flags);
        return flags;
    }

    /// <summary>REV-1/2/3/9 (the next review), REV-6 (records) and REV-10 (the IRO's visit) for the current period.</summary>
    private static void ReviewFlags(
        ChildCase child, PeriodOfCare period, LocalDate asOf, LocalPolicy policy, WorkingDayCalendar calendar, int dueSoonDays, List<ExpectedFlag> flags)
    {
        // Reviews of the period: held from its start to the as-of date; record dates after the as-of date not yet known.
        Review[] reviews = child.Reviews
            .Where(r => r.Date >= period.Start && r.Date <= asOf)
            .Select(r => new Review(r.Date)
            {
                ChildRefusedIroVisit = r.ChildRefusedIroVisit,
                RecommendationsOn = r.RecommendationsOn is LocalDate sent && sent <= asOf ? sent : null,
                MinutesOn = r.MinutesOn is LocalDate minutes && minutes <= asOf ? minutes : null,
            })
            .ToArray();

        // IRO visits of the period: from its start to the as-of date.
        LocalDate[]? visits = child.IroVisits?.Where(v => v >= period.Start && v <= asOf).ToArray();

        // Short breaks: when every episode of the period is V3 or V4, its V3 episodes are the breaks (start to the day
        // before the end, or to the day before the as-of date while open; a break is at least its first day) and each
        // V4 agreement is a one-day break. The schedule decides whether reg 48 applies.
        ShortBreak[] breaks = period.Episodes.All(e => LegalStatuses.IsShortBreak(e.LegalStatus))
            ? period.Episodes.Select(e => new ShortBreak(e.Start, BreakEnd(e, asOf))).ToArray()
            : [];

        var carePeriod = new CarePeriod(period.Start, reviews)
        {
            IroVisits = visits,
            TracksReviewRecords = child.TracksReviewRecords,
            ShortBreaks = breaks,
        };
        ReviewTimeline timeline = ReviewSchedule.Evaluate(carePeriod, asOf, policy, calendar);

        // REV-1, REV-2, REV-3 or REV-9: the next review overdue, or due within the look-ahead. Date: the due date.
        Finding next = timeline.NextFinding;
        if (timeline.Next.Timeliness == Timeliness.Overdue)
        {
            flags.Add(Flag(next, FlagStatus.Overdue, timeline.NextDueBy));
        }
        else if (timeline.Next.Timeliness == Timeliness.NotYetDue && Period.DaysBetween(asOf, timeline.NextDueBy) <= dueSoonDays)
        {
            flags.Add(Flag(next, FlagStatus.DueSoon, timeline.NextDueBy));
        }

        // REV-6, when the source tracks review records: recommendations or minutes not sent by the local deadline
        // (a deadline passed with nothing sent). Date: the earliest such deadline of that review.
        if (child.TracksReviewRecords)
        {
            foreach (HeldReview held in timeline.Reviews)
            {
                LocalDate[] missed = new[] { (held.Recommendations, held.RecommendationsDueBy), (held.Minutes, held.MinutesDueBy) }
                    .Where(d => d.Item1 is { Timeliness: Timeliness.Overdue })
                    .Select(d => d.Item2)
                    .ToArray();
                if (missed.Length > 0)
                {
                    flags.Add(Flag(held.Record, FlagStatus.Overdue, missed.Min()));
                }
            }
        }

        // REV-10, when visits are recorded: no IRO visit before the latest review of the period (a refusal is exempt). Date: the review.
        if (child.IroVisits is not null && timeline.Reviews.Count > 0)
        {
            HeldReview latest = timeline.Reviews[^1];
            if (latest.IroVisit is { Outcome: Outcome.NotMet } visit)
            {
                flags.Add(Flag(visit, FlagStatus.Flag, latest.HeldOn));
            }
        }
    }

    private static LocalDate BreakEnd(Episode e, LocalDate asOf)
    {
        if (e.LegalStatus == LegalStatus.V4)
        {
            return e.Start;
        }

        LocalDate dayBefore = (e.End ?? asOf).PlusDays(-1);
        return dayBefore < e.Start ? e.Start : dayBefore;
    }

    /// <summary>LOC-1: s20 for over the threshold. Date: the start of the s20 run.</summary>
    private static void Section20Flag(ChildAsKnown view, LocalDate asOf, LocalPolicy policy, List<ExpectedFlag> flags)
    {
        Section20Status s20 = Section20.Assess(view.KnownEpisodes, asOf, policy);
        if (s20.Finding.Outcome == Outcome.NotMet)
        {
            flags.Add(Flag(s20.Finding, FlagStatus.Flag, s20.CurrentRun!.Start));
        }
    }

    /// <summary>LOC-2, LOC-3 and LOC-4 from the order in force, the placement for adoption and the decision, as known.</summary>
    private static void AdoptionFlags(ChildCase child, ChildAsKnown view, PeriodOfCare period, LocalDate asOf, LocalPolicy policy, List<ExpectedFlag> flags)
    {
        // The placement order in force: recorded by the source, or the start of the E1 run covering the as-of date
        // (runs never cross a period, so it is in the current period).
        LocalDate? order = child.PlacementOrderOn ?? Episodes.RunOn(view.KnownEpisodes, asOf, s => s == LegalStatus.E1)?.Start;

        // Placed for adoption: recorded by the source, or the start of the unbroken run of PLACE A3-A6 episodes, in the
        // current period, covering the as-of date.
        LocalDate? placed = child.PlacedForAdoptionOn ?? PlacedForAdoptionRunStart(period);

        // The adoption decision: on or before the as-of date and not before the current period began; a reversal on
        // or before the as-of date ends the wait.
        LocalDate? decision = child.ShouldBePlacedForAdoptionOn is LocalDate d && d <= asOf && d >= period.Start ? d : null;
        LocalDate? reversed = child.AdoptionDecisionReversedOn is LocalDate r && r <= asOf ? r : null;

        if (order is LocalDate orderOn)
        {
            Finding loc2 = PermanenceFlags.PlacementOrderDuration(orderOn, null, asOf, policy);
            if (loc2.Outcome == Outcome.NotMet)
            {
                flags.Add(Flag(loc2, FlagStatus.Flag, orderOn));
            }
        }

        Finding loc3 = PermanenceFlags.AdoptionWait(decision, order, placed, asOf, policy, reversed);
        if (loc3.Outcome == Outcome.NotMet)
        {
            LocalDate waitStart = (policy.WaitStart == AdoptionWaitStart.AdmDecision ? decision ?? order : order)!.Value;
            flags.Add(Flag(loc3, FlagStatus.Flag, waitStart));
        }

        if (placed is LocalDate placedOn)
        {
            Finding loc4 = PermanenceFlags.PlacedWithoutApplication(placedOn, child.AdoptionApplicationOn, null, asOf, policy);
            if (loc4.Outcome == Outcome.NotMet)
            {
                flags.Add(Flag(loc4, FlagStatus.Flag, placedOn));
            }
        }
    }

    private static LocalDate? PlacedForAdoptionRunStart(PeriodOfCare period)
    {
        // The period is open, so its last episode covers the as-of date; walk back over placed-for-adoption episodes.
        IReadOnlyList<Episode> episodes = period.Episodes;
        int i = episodes.Count - 1;
        if (!AdoptionPlacements.Contains(episodes[i].PlacementType))
        {
            return null;
        }

        while (i > 0 && AdoptionPlacements.Contains(episodes[i - 1].PlacementType))
        {
            i--;
        }

        return episodes[i].Start;
    }

    /// <summary>IRO-1: no IRO allocated to the current period by the as-of date (none in force when it began, none made
    /// since): overdue past the local deadline, due soon before it; overdue whatever the deadline when the first review
    /// of the period was held without one (the statutory finding). Date: the local due date.</summary>
    private static void IroAppointmentFlag(
        ChildCase child, IReadOnlyList<IroAllocation> allocations, PeriodOfCare period, bool knownInPart, LocalDate asOf, LocalPolicy policy, int dueSoonDays, List<ExpectedFlag> flags)
    {
        // Written out from RULES.md IRO-1, not from the library: an allocation counts for this period when it was made
        // after the earlier period ended (or on or after this one's start), on or before the as-of date.
        LocalDate? earlierEnd = child.Episodes.Where(e => e.Start < period.Start).Select(e => e.End).LastOrDefault();
        bool allocated = allocations.Any(a => a.From <= asOf && (earlierEnd is not LocalDate end || a.From > end || a.From >= period.Start));
        if (allocated)
        {
            return; // in time or late, an IRO is allocated: nothing is open
        }

        LocalDate due = IroChecks.AllocationDueBy(period.Start, policy);
        CaseReview[] held = child.Reviews.Where(r => r.Date >= period.Start && r.Date <= asOf).ToArray();
        if (held.Length > 0 && !knownInPart)
        {
            flags.Add(Flag(IroChecks.AppointedBeforeFirstReview(null, held[0].Date), FlagStatus.Overdue, due));
            return;
        }

        Finding local = IroChecks.AllocatedInTimeByDate(period.Start, null, asOf, policy);
        if (local.Outcome == Outcome.NotMet)
        {
            flags.Add(Flag(local, FlagStatus.Overdue, due));
        }
        else if (Period.DaysBetween(asOf, due) <= dueSoonDays)
        {
            flags.Add(Flag(local, FlagStatus.DueSoon, due));
        }
    }

    /// <summary>PAR-1: every review held by the as-of date with no PN code or a code wrong for the child's age. Date: the review.</summary>
    private static void ParticipationFlags(ChildCase child, LocalDate asOf, LocalPolicy policy, List<ExpectedFlag> flags)
    {
        foreach (CaseReview review in child.Reviews.Where(r => r.Date <= asOf))
        {
            Finding f = ParticipationCodes.ValidateRecorded(review.Code, child.DateOfBirth, review.Date, policy);
            if (f.Outcome == Outcome.NotMet)
            {
                flags.Add(Flag(f, FlagStatus.Flag, review.Date));
            }
        }
    }

    /// <summary>LC-5: an eligible or relevant young person, in care or not, without a pathway plan. Date: the day the plan was required from.</summary>
    private static void PathwayPlanFlag(ChildCase child, ChildAsKnown view, LocalDate asOf, LocalPolicy policy, List<ExpectedFlag> flags)
    {
        var facts = new CareLeaverFacts(child.DateOfBirth, view.KnownEpisodes);
        Finding f = CareLeavers.PathwayPlanInPlace(facts, child.PathwayPlanOn, asOf, policy);
        if (f.Outcome == Outcome.NotMet)
        {
            flags.Add(Flag(f, FlagStatus.Overdue, CareLeavers.PathwayPlanRequiredFrom(child.DateOfBirth, policy)));
        }
    }

    /// <summary>LEG-1: the SSDA903 duration limits over the known episodes. Date: the start of the breaching run (or reporting year).</summary>
    private static void DurationFlags(ChildAsKnown view, LocalDate asOf, List<ExpectedFlag> flags)
    {
        foreach (DurationBreach breach in Episodes.DurationBreaches(view.KnownEpisodes, asOf))
        {
            flags.Add(Flag(breach.Finding, FlagStatus.Flag, breach.From));
        }
    }

    /// <summary>SEC-2 (with SEC-3 in the evaluator's calendar), SEC-4 and SEC-5.</summary>
    private static void SecureFlags(ChildCase child, LocalDate asOf, LocalPolicy policy, WorkingDayCalendar calendar, int dueSoonDays, List<ExpectedFlag> flags)
    {
        LocalDateTime endOfDay = asOf.PlusDays(1).AtMidnight();
        SecureOrder[] orders = (child.SecureOrders ?? []).Where(o => o.Start <= asOf).ToArray();
        SecureStay[] stays = (child.SecureStays ?? []).Where(s => s.Start < endOfDay).ToArray();

        // SEC-4: each order begun by the as-of date. Date: the order's start.
        foreach (SecureOrder order in orders)
        {
            Finding f = SecureAccommodation.AssessOrder(order);
            if (f.Outcome == Outcome.NotMet)
            {
                flags.Add(Flag(f, FlagStatus.Flag, order.Start));
            }
        }

        if (stays.Length == 0)
        {
            return;
        }

        // SEC-2: stays begun by the end of the as-of date, cut off there while open (an end after it is not yet
        // known); orders are authority from their first day's 00:00 to the end of their last day. Date: the day the
        // limit was reached.
        SecureInterval[] placed = stays
            .Select(s => SecureInterval.InLondon(s.Start, s.End is LocalDateTime end && end < endOfDay ? end : endOfDay))
            .ToArray();
        SecureInterval[] authorised = orders
            .Select(o => SecureInterval.InLondon(o.Start.AtMidnight(), o.End.PlusDays(1).AtMidnight()))
            .ToArray();
        SecureTimeResult time = SecureTimeLimit.Assess(placed, authorised, policy, calendar.BankHolidays);
        if (time.Finding.Outcome == Outcome.NotMet)
        {
            flags.Add(Flag(time.Finding, FlagStatus.Flag, time.LimitReachedAt!.Value.InZone(SecureInterval.London).Date));
        }

        // SEC-5: the current secure placement (begun by the end of the as-of date, no end known by then).
        SecureStay[] current = stays.Where(s => s.End is not LocalDateTime end || end >= endOfDay).ToArray();
        if (current.Length == 0)
        {
            return;
        }

        LocalDate placedOn = current[^1].Start.Date;
        SecureReview[] reviews = (child.SecureReviews ?? []).Where(r => r.HeldOn >= placedOn && r.HeldOn <= asOf).ToArray();
        SecureReviewTimeline timeline = SecureAccommodation.Reviews(placedOn, reviews, asOf);
        if (timeline.Next.Timeliness == Timeliness.Overdue)
        {
            flags.Add(Flag(timeline.NextFinding, FlagStatus.Overdue, timeline.NextDueBy));
        }
        else if (timeline.Next.Timeliness == Timeliness.NotYetDue && Period.DaysBetween(asOf, timeline.NextDueBy) <= dueSoonDays)
        {
            flags.Add(Flag(timeline.NextFinding, FlagStatus.DueSoon, timeline.NextDueBy));
        }

        foreach (SecureReviewOutcome review in timeline.Reviews.Where(r => !r.PanelMeetsRegulations))
        {
            flags.Add(Flag(review.Finding, FlagStatus.Flag, review.Review.HeldOn));
        }
    }

    /// <summary>DRP-1: each escalation open on the as-of date (stages raised by then; later completions and resolutions not yet known) past or near its overall deadline.</summary>
    private static void EscalationFlags(ChildCase child, LocalDate asOf, LocalPolicy policy, WorkingDayCalendar calendar, int dueSoonDays, List<ExpectedFlag> flags)
    {
        foreach (DisputeEscalation escalation in child.Escalations ?? [])
        {
            if (escalation.ResolvedOn is LocalDate resolved && resolved <= asOf)
            {
                continue; // resolved by the date of the list: not open
            }

            EscalationStep[] known = escalation.Steps
                .Where(s => s.RaisedOn <= asOf)
                .Select(s => s.CompletedOn is LocalDate done && done > asOf ? s with { CompletedOn = null } : s)
                .ToArray();
            if (known.Length == 0)
            {
                continue; // not yet raised
            }

            EscalationAssessment assessment = DisputeResolution.Assess(new DisputeEscalation(known), asOf, policy, calendar);
            Deadline overall = assessment.Overall;
            if (overall.Timeliness == Timeliness.Overdue)
            {
                flags.Add(Flag(assessment.Findings[0], FlagStatus.Overdue, overall.DueBy));
            }
            else if (overall.Timeliness == Timeliness.NotYetDue && Period.DaysBetween(asOf, overall.DueBy) <= dueSoonDays)
            {
                flags.Add(Flag(assessment.Findings[0], FlagStatus.DueSoon, overall.DueBy));
            }
        }
    }

    private static ExpectedFlag Flag(Finding finding, FlagStatus status, LocalDate date) =>
        new(finding.Rule, status, date, finding.Summary, finding.Citation);
}
