using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iro.Rules.Calendars;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Reviews;

/// <summary>The statutory review timetable of a looked after child: which reviews were late, which is due next, and why.</summary>
/// <remarks>
/// <para>Rules REV-1 to REV-10. Citations: Care Planning, Placement and Case Review (England) Regulations 2010
/// regs 32, 33, 36 and 48; for a period of care that began before 1 April 2011, the Review of Children's Cases
/// Regulations 1991 reg 3 (first review within 4 weeks).</para>
/// <para>REV-1: the first review is due 20 working days after the child became looked after (the start day is day 0).
/// REV-2: the second within 3 months of the first as held. REV-3: each later review within 6 months of the previous
/// review as held. REV-4: every review held, early or not, restarts the interval (no review is ever "too early").
/// Month deadlines are not moved off weekends or bank holidays.</para>
/// <para>Started 2025-01-06 and first reviewed 2025-02-04: review 1 was due by 2025-02-03 and was 1 working day late;
/// review 2 is due by 2025-05-04.</para>
/// </remarks>
public static partial class ReviewSchedule
{
    /// <summary>Evaluates a period of care from its start and its review dates, with the England and Wales calendar and the statutory defaults.</summary>
    /// <param name="periodStart">The day the child became looked after.</param>
    /// <param name="reviewDates">The dates the reviews were completed, in any order.</param>
    /// <param name="asOf">The date to evaluate as of; no review may be after it.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reviewDates"/> is null.</exception>
    /// <exception cref="ArgumentException">A review date is before <paramref name="periodStart"/>, after <paramref name="asOf"/>, or repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside 1971-2100.</exception>
    public static ReviewTimeline Evaluate(LocalDate periodStart, IReadOnlyList<LocalDate> reviewDates, LocalDate asOf)
    {
        Preconditions.CheckNotNull(reviewDates, nameof(reviewDates));
        return Evaluate(new CarePeriod(periodStart, reviewDates), asOf, LocalPolicy.Default, WorkingDayCalendar.EnglandAndWales, nameof(reviewDates));
    }

    /// <summary>Evaluates a period of care with the England and Wales calendar and the default policy.</summary>
    /// <param name="period">The period of care.</param>
    /// <param name="asOf">The date to evaluate as of.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException">The period's data is inconsistent; the message names the field, the value and the rule.</exception>
    public static ReviewTimeline Evaluate(CarePeriod period, LocalDate asOf) =>
        Evaluate(period, asOf, LocalPolicy.Default, WorkingDayCalendar.EnglandAndWales);

    /// <summary>Evaluates a period of care.</summary>
    /// <param name="period">The period of care.</param>
    /// <param name="asOf">The date to evaluate as of.</param>
    /// <param name="policy">Local policy and the options the law leaves open.</param>
    /// <param name="calendar">The working-day calendar (England and Wales for the Regulations).</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The period's data is inconsistent; the message names the field, the value and the rule.</exception>
    public static ReviewTimeline Evaluate(CarePeriod period, LocalDate asOf, LocalPolicy policy, WorkingDayCalendar calendar) =>
        Evaluate(period, asOf, policy, calendar, "period." + nameof(CarePeriod.Reviews));

    /// <summary>The first review's due date: 20 working days after <paramref name="becameLookedAfter"/> (REV-1), or 4 weeks for a period that began before 1 April 2011.</summary>
    /// <param name="becameLookedAfter">The day the period of care began (day 0).</param>
    /// <param name="calendar">The working-day calendar; England and Wales when null.</param>
    /// <returns>The last day in time.</returns>
    public static LocalDate FirstReviewDue(LocalDate becameLookedAfter, WorkingDayCalendar? calendar = null)
    {
        ReviewTimetable.Regime regime = ReviewTimetable.For(ReviewTimetableKind.Ordinary, becameLookedAfter);
        return ReviewTimetable.FirstDue(regime, becameLookedAfter, calendar ?? WorkingDayCalendar.EnglandAndWales);
    }

    /// <summary>The second review's due date: 3 months after the first review as held (REV-2).</summary>
    /// <param name="firstReview">The date the first review was held.</param>
    /// <returns>The last day in time.</returns>
    public static LocalDate SecondReviewDue(LocalDate firstReview) => CalendarMonths.Add(firstReview, 3);

    /// <summary>A later review's due date: 6 months after the previous review as held (REV-3).</summary>
    /// <param name="previousReview">The date the previous review was held.</param>
    /// <returns>The last day in time.</returns>
    public static LocalDate NextReviewDue(LocalDate previousReview) => CalendarMonths.Add(previousReview, 6);

    private static ReviewTimeline Evaluate(CarePeriod period, LocalDate asOf, LocalPolicy policy, WorkingDayCalendar calendar, string reviewsName)
    {
        Preconditions.CheckNotNull(period, nameof(period));
        Preconditions.CheckNotNull(policy, nameof(policy));
        Preconditions.CheckNotNull(calendar, nameof(calendar));
        Review[] reviews = Validate(period, asOf, policy, reviewsName);

        (ReviewTimetableKind kind, LocalDate anchor, Finding? shortBreakFinding) = ChooseTimetable(period, policy);
        var held = new List<HeldReview>(reviews.Length);
        var findings = new List<Finding>(reviews.Length * 4 + 4);
        LocalDate? previousDate = null;
        LocalDate? previousDue = null;

        for (int i = 0; i < reviews.Length; i++)
        {
            Review review = reviews[i];
            int number = i + 1;
            (LocalDate due, ReviewTimetable.Regime regime, string basis) = DueFor(kind, number, anchor, previousDate, previousDue, policy, calendar);
            HeldReview result = Assess(review, number, due, regime, basis, asOf, policy, calendar, period.IroVisits, kind);
            held.Add(result);
            findings.Add(result.Finding);
            if (result.Adjournment is not null)
            {
                findings.Add(result.Adjournment);
            }

            findings.Add(result.Record);
            if (result.IroVisit is not null)
            {
                findings.Add(result.IroVisit);
            }

            previousDate = result.HeldOn;
            previousDue = due;
        }

        int nextNumber = reviews.Length + 1;
        (LocalDate nextDue, ReviewTimetable.Regime nextRegime, string nextBasis) = DueFor(kind, nextNumber, anchor, previousDate, previousDue, policy, calendar);
        LocalDate effectiveAsOf = period.End is LocalDate end && end < asOf ? end : asOf;
        Deadline next = period.End is LocalDate ended && ended <= asOf && ended <= nextDue
            ? Deadline.NotRequired(nextDue, asOf)
            : Deadline.Assess(nextDue, null, effectiveAsOf, nextNumber == 1 && nextRegime.FirstUnit == ReviewTimetable.FirstLimitUnit.WorkingDays ? calendar : null);
        Finding nextFinding = NextFinding(nextNumber, nextDue, nextBasis, nextRegime, next, period.End, policy, kind);
        findings.Add(nextFinding);

        var changes = period.SignificantChanges.Select(c => SignificantChangeFinding(c, reviews, policy)).ToArray();
        findings.AddRange(changes);
        if (shortBreakFinding is not null)
        {
            findings.Add(shortBreakFinding);
        }

        return new ReviewTimeline
        {
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            AsOf = asOf,
            Timetable = kind,
            Reviews = held,
            NextNumber = nextNumber,
            NextDueBy = nextDue,
            Next = next,
            NextFinding = nextFinding,
            SignificantChanges = changes,
            ShortBreakConditions = shortBreakFinding,
            Findings = findings,
        };
    }

    private static Review[] Validate(CarePeriod period, LocalDate asOf, LocalPolicy policy, string reviewsName)
    {
        if (period.End is LocalDate end && end < period.Start)
        {
            throw new ArgumentException(
                $"period.End was {DateFormat.Iso(end)}, before the period's start {DateFormat.Iso(period.Start)} (REV-1).", "period.End");
        }

        if (asOf < period.Start)
        {
            throw new ArgumentException($"asOf was {DateFormat.Iso(asOf)}, before the period's start {DateFormat.Iso(period.Start)} (REV-1).", nameof(asOf));
        }

        Review[] reviews = period.Reviews.OrderBy(r => r.DateUnder(policy.ReviewDateBasis)).ThenBy(r => r.LastPart).ToArray();
        for (int i = 0; i < reviews.Length; i++)
        {
            Review r = reviews[i];
            if (r.FirstPart < period.Start)
            {
                throw new ArgumentException(
                    $"{reviewsName} has a review on {DateFormat.Iso(r.FirstPart)}, before the period of care began on {DateFormat.Iso(period.Start)} (REV-1).", reviewsName);
            }

            if (r.LastPart > asOf)
            {
                throw new ArgumentException(
                    $"{reviewsName} has a review on {DateFormat.Iso(r.LastPart)}, after asOf {DateFormat.Iso(asOf)}: only reviews already held can be assessed (REV-1).", reviewsName);
            }

            if (period.End is LocalDate e && r.FirstPart > e)
            {
                throw new ArgumentException(
                    $"{reviewsName} has a review on {DateFormat.Iso(r.FirstPart)}, after the period of care ended on {DateFormat.Iso(e)} (REV-1).", reviewsName);
            }

            if (i > 0 && reviews[i - 1].DateUnder(policy.ReviewDateBasis) == r.DateUnder(policy.ReviewDateBasis))
            {
                throw new ArgumentException(
                    $"{reviewsName} has two reviews on {DateFormat.Iso(r.DateUnder(policy.ReviewDateBasis))}: a date can hold one review (REV-4).", reviewsName);
            }
        }

        foreach (SignificantChange change in period.SignificantChanges)
        {
            if (change.MadeOn < change.ProposedOn)
            {
                throw new ArgumentException(
                    $"period.SignificantChanges has '{change.Description}' made on {DateFormat.Iso(change.MadeOn)}, before it was proposed on {DateFormat.Iso(change.ProposedOn)} (REV-7).",
                    "period.SignificantChanges");
            }
        }

        foreach (ShortBreak shortBreak in period.ShortBreaks)
        {
            if (shortBreak.End < shortBreak.Start || shortBreak.IntendedDays is < 0)
            {
                throw new ArgumentException(
                    $"period.ShortBreaks has a break from {DateFormat.Iso(shortBreak.Start)} to {DateFormat.Iso(shortBreak.End)} (intended {shortBreak.IntendedDays?.ToString(CultureInfo.InvariantCulture) ?? "unknown"} days) that ends before it starts or has a negative length (REV-9).",
                    "period.ShortBreaks");
            }
        }

        return reviews;
    }

    private static (ReviewTimetableKind Kind, LocalDate Anchor, Finding? Finding) ChooseTimetable(CarePeriod period, LocalPolicy policy)
    {
        if (period.ShortBreaks.Count == 0)
        {
            return (ReviewTimetableKind.Ordinary, period.Start, null);
        }

        ShortBreak[] breaks = period.ShortBreaks.OrderBy(static b => b.Start).ToArray();
        LocalDate first = breaks[0].Start;
        string? failure = null;
        foreach (ShortBreak b in breaks)
        {
            int intended = b.IntendedDays ?? b.Days;
            if (intended > 17)
            {
                failure = $"the break from {DateFormat.Iso(b.Start)} was {(b.IntendedDays is null ? "" : "intended ")}to last {intended} days, over 17 (reg 48(2))";
                break;
            }
        }

        if (failure is null)
        {
            foreach (ShortBreak b in breaks)
            {
                LocalDate windowEnd = CalendarMonths.Add(b.Start, 12).PlusDays(-1);
                int days = 0;
                foreach (ShortBreak other in breaks)
                {
                    LocalDate from = other.Start > b.Start ? other.Start : b.Start;
                    LocalDate to = other.End < windowEnd ? other.End : windowEnd;
                    if (to >= from)
                    {
                        days += Period.DaysBetween(from, to) + 1;
                    }
                }

                if (days > 75)
                {
                    failure = $"the breaks total {days} days in the 12 months from {DateFormat.Iso(b.Start)}, over 75 (reg 48(2))";
                    break;
                }
            }
        }

        if (failure is not null)
        {
            return (ReviewTimetableKind.Ordinary, period.Start, new Finding(
                RuleId.ShortBreaks, Outcome.NotApplicable, Citations.ShortBreaks,
                $"The short-break review timetable does not apply: {failure}; the ordinary timetable applies from {DateFormat.Iso(period.Start)}."));
        }

        if (!policy.TreatV3V4AsShortBreaks)
        {
            return (ReviewTimetableKind.Ordinary, period.Start, new Finding(
                RuleId.ShortBreaks, Outcome.NotApplicable, Citations.ShortBreaks,
                "The short-break review timetable is switched off by local policy (TreatV3V4AsShortBreaks = false); the ordinary timetable applies."));
        }

        return (ReviewTimetableKind.ShortBreaks, first, new Finding(
            RuleId.ShortBreaks, Outcome.Met, Citations.ShortBreaks,
            $"Short breaks: no break over 17 days and no more than 75 days in any 12 months, so reviews follow reg 48: the first within 3 months of the first break on {DateFormat.Iso(first)}, then every 6 months."));
    }

    private static (LocalDate Due, ReviewTimetable.Regime Regime, string Basis) DueFor(
        ReviewTimetableKind kind, int number, LocalDate anchor, LocalDate? previousDate, LocalDate? previousDue, LocalPolicy policy, WorkingDayCalendar calendar)
    {
        (LocalDate due, ReviewTimetable.Regime regime, LocalDate from) = DueDate(kind, number, anchor, previousDate, previousDue, policy.ResetScheduleOnEveryReview, calendar);
        return (due, regime, Basis(kind, number, regime, anchor, from, previousDate));
    }

    /// <summary>REV-1 to REV-4 and REV-9: a review's due date and the date its interval runs from. Allocates nothing.</summary>
    private static (LocalDate Due, ReviewTimetable.Regime Regime, LocalDate From) DueDate(
        ReviewTimetableKind kind, int number, LocalDate anchor, LocalDate? previousDate, LocalDate? previousDue, bool resetOnEveryReview, WorkingDayCalendar calendar)
    {
        if (number == 1 || previousDate is not LocalDate previous)
        {
            ReviewTimetable.Regime first = ReviewTimetable.For(kind, anchor);
            return (ReviewTimetable.FirstDue(first, anchor, calendar), first, anchor);
        }

        ReviewTimetable.Regime regime = ReviewTimetable.For(kind, previous);
        int months = number == 2 ? regime.SecondMonths : regime.LaterMonths;

        // REV-4: the interval runs from the previous review as held. The legacy option keeps a fixed anniversary: a
        // review held early or on time does not move the next due date.
        LocalDate from = !resetOnEveryReview && previousDue is LocalDate due && previous <= due ? due : previous;
        return (CalendarMonths.Add(from, months), regime, from);
    }

    private static string Basis(ReviewTimetableKind kind, int number, ReviewTimetable.Regime regime, LocalDate anchor, LocalDate from, LocalDate? previousDate)
    {
        if (number == 1 || previousDate is not LocalDate previous)
        {
            string what = kind == ReviewTimetableKind.ShortBreaks
                ? $"the first short break began on {DateFormat.Iso(anchor)}"
                : $"the child became looked after on {DateFormat.Iso(anchor)}";
            return $"{regime.FirstWords} after {what}";
        }

        int months = number == 2 ? regime.SecondMonths : regime.LaterMonths;
        string previousNumber = (number - 1).ToString(CultureInfo.InvariantCulture);
        string fromWords = from == previous
            ? $"review {previousNumber} on {DateFormat.Iso(previous)}"
            : $"review {previousNumber}'s due date {DateFormat.Iso(from)} (fixed anniversary, non-statutory)";
        return $"{Deadline.Plural(months, "month")} after {fromWords}";
    }

    private static HeldReview Assess(
        Review review,
        int number,
        LocalDate due,
        ReviewTimetable.Regime regime,
        string basis,
        LocalDate asOf,
        LocalPolicy policy,
        WorkingDayCalendar calendar,
        IReadOnlyList<LocalDate>? iroVisits,
        ReviewTimetableKind kind)
    {
        LocalDate heldOn = review.DateUnder(policy.ReviewDateBasis);
        bool workingDayRule = number == 1 && regime.FirstUnit == ReviewTimetable.FirstLimitUnit.WorkingDays;
        Deadline deadline = Deadline.Assess(due, heldOn, asOf, workingDayRule ? calendar : null);

        // REV-5: one adjournment of at most 20 working days.
        Finding? adjournment = null;
        bool lawfulAdjournment = false;
        int adjourned = review.Parts.Count(static p => p.Kind == ReviewPartKind.Adjourned);
        if (adjourned > 0)
        {
            ReviewPart first = review.Parts.First(static p => p.Kind == ReviewPartKind.Adjourned);
            LocalDate limit = calendar.AddWorkingDays(first.Date, 20);
            ReviewPart? reconvened = review.Parts.Where(p => p.Date > first.Date).Select(static p => (ReviewPart?)p).FirstOrDefault();
            if (adjourned > 1)
            {
                adjournment = new Finding(RuleId.ReviewMeetings, Outcome.NotMet, Citations.ReviewMeetings,
                    $"Review {number} was adjourned {adjourned} times; a review may be adjourned once (REV-5 adjournment limit).");
            }
            else if (reconvened is ReviewPart again && again.Date > limit)
            {
                int wd = calendar.WorkingDaysBetween(first.Date, again.Date);
                adjournment = new Finding(RuleId.ReviewMeetings, Outcome.NotMet, Citations.ReviewMeetings,
                    $"Review {number} was adjourned on {DateFormat.Iso(first.Date)} and reconvened on {DateFormat.Iso(again.Date)}, {wd} working days later; the limit is 20 working days, {DateFormat.Iso(limit)} (REV-5 adjournment limit).");
            }
            else
            {
                lawfulAdjournment = reconvened is not null;
                adjournment = new Finding(RuleId.ReviewMeetings, reconvened is null ? Outcome.Pending : Outcome.Met, Citations.ReviewMeetings,
                    reconvened is ReviewPart back
                        ? $"Review {number} was adjourned on {DateFormat.Iso(first.Date)} and reconvened on {DateFormat.Iso(back.Date)}, within 20 working days (by {DateFormat.Iso(limit)})."
                        : $"Review {number} was adjourned on {DateFormat.Iso(first.Date)} and must reconvene by {DateFormat.Iso(limit)} (20 working days).");
            }
        }

        bool adjournedPastDue = lawfulAdjournment && deadline.Timeliness == Timeliness.Late && review.FirstPart <= due;
        bool onTime = deadline.Timeliness == Timeliness.OnTime || (adjournedPastDue && policy.TreatLawfulAdjournmentAsOnTime);
        int early = heldOn < due ? Period.DaysBetween(heldOn, due) : 0;

        string held = review.Parts.Count == 1
            ? $"it was held on {DateFormat.Iso(heldOn)}"
            : $"it was held in {review.Parts.Count} parts from {DateFormat.Iso(review.FirstPart)} to {DateFormat.Iso(review.LastPart)} ({(policy.ReviewDateBasis == ReviewDateBasis.LastPart ? "last" : "first")} part counted, REV-5)";
        string verdict = onTime && deadline.Timeliness != Timeliness.OnTime
            ? "counted on time: the first part was in time and the review was lawfully adjourned under reg 36 (local policy)"
            : adjournedPastDue
                ? deadline.Describe() + " (the first part was in time; adjourned under reg 36)"
                : deadline.Describe();
        string rule = number == 1 ? regime.FirstCitation.ShortForm : regime.LaterCitation.ShortForm;
        RuleId ruleId = kind == ReviewTimetableKind.ShortBreaks ? RuleId.ShortBreaks
            : number == 1 ? RuleId.FirstReview
            : number == 2 ? RuleId.SecondReview
            : RuleId.SubsequentReview;
        Citation citation = number == 1 ? regime.FirstCitation : regime.LaterCitation;
        var finding = new Finding(ruleId, onTime ? Outcome.Met : Outcome.NotMet, citation,
            $"Review {number} was due by {DateFormat.Iso(due)}, {basis} ({rule}); {held}, {verdict}.");

        // REV-6: recommendations and minutes, counted from the completion date.
        LocalDate completed = review.LastPart;
        LocalDate recommendationsDue = calendar.AddWorkingDays(completed, policy.RecommendationsDueWorkingDays);
        LocalDate minutesDue = calendar.AddWorkingDays(completed, policy.MinutesDueWorkingDays);
        Deadline recommendations = Deadline.Assess(recommendationsDue, review.RecommendationsOn, asOf, calendar);
        Deadline minutes = Deadline.Assess(minutesDue, review.MinutesOn, asOf, calendar);
        Outcome recordOutcome = !recommendations.IsMetOrPending || !minutes.IsMetOrPending ? Outcome.NotMet
            : recommendations.Timeliness == Timeliness.NotYetDue || minutes.Timeliness == Timeliness.NotYetDue ? Outcome.Pending
            : Outcome.Met;
        var record = new Finding(RuleId.ReviewRecord, recordOutcome, Citations.ReviewRecord,
            $"Review {number} completed {DateFormat.Iso(completed)}: recommendations due by {DateFormat.Iso(recommendationsDue)} ({policy.RecommendationsDueWorkingDays} working days), {recommendations.Describe()}; minutes due by {DateFormat.Iso(minutesDue)} ({policy.MinutesDueWorkingDays} working days), {minutes.Describe()}.");

        return new HeldReview
        {
            Number = number,
            HeldOn = heldOn,
            FirstPartOn = review.FirstPart,
            LastPartOn = review.LastPart,
            DueBy = due,
            OnTime = onTime,
            Deadline = deadline,
            HeldEarlyByDays = early,
            AdjournedUnderReg36 = adjournedPastDue,
            Finding = finding,
            Adjournment = adjournment,
            Recommendations = recommendations,
            Minutes = minutes,
            Record = record,
            IroVisit = iroVisits is null ? null : IroVisitFinding(review, number, iroVisits, policy),
        };
    }

    /// <summary>REV-10: a visit within [completion - window, first part] (the first part's own day only with <see cref="LocalPolicy.CountSameDayVisit"/>).</summary>
    private static Finding IroVisitFinding(Review review, int number, IReadOnlyList<LocalDate> visits, LocalPolicy policy)
    {
        DateInterval window = Weeks.WindowBefore(review.LastPart, policy.IroVisitWindowDays);
        LocalDate latest = policy.CountSameDayVisit ? review.FirstPart : review.FirstPart.PlusDays(-1);
        LocalDate? visit = null;
        foreach (LocalDate v in visits)
        {
            if (v >= window.Start && v <= latest && (visit is null || v > visit))
            {
                visit = v;
            }
        }

        string range = $"{DateFormat.Iso(window.Start)} to {DateFormat.Iso(latest)}";
        if (visit is LocalDate seen)
        {
            return new Finding(RuleId.IroVisit, Outcome.Met, Citations.IroVisit,
                $"The IRO saw the child on {DateFormat.Iso(seen)}, within the {policy.IroVisitWindowDays} days before review {number} ({range}).");
        }

        return review.ChildRefusedIroVisit
            ? new Finding(RuleId.IroVisit, Outcome.NotApplicable, Citations.IroVisit,
                $"No IRO visit in {range} before review {number}: exempt, the child refused (ExemptChildRefused).")
            : new Finding(RuleId.IroVisit, Outcome.NotMet, Citations.IroVisit,
                $"No IRO visit to the child in the {policy.IroVisitWindowDays} days before review {number} ({range}).");
    }

    private static Finding NextFinding(
        int number, LocalDate due, string basis, ReviewTimetable.Regime regime, Deadline next, LocalDate? periodEnd, LocalPolicy policy, ReviewTimetableKind kind)
    {
        Citation citation = number == 1 ? regime.FirstCitation : regime.LaterCitation;
        RuleId rule = kind == ReviewTimetableKind.ShortBreaks ? RuleId.ShortBreaks
            : number == 1 ? RuleId.FirstReview
            : number == 2 ? RuleId.SecondReview
            : RuleId.SubsequentReview;
        string state = next.Timeliness switch
        {
            Timeliness.NotRequired => $"not required: the period of care ended on {DateFormat.Iso(periodEnd!.Value)}",
            Timeliness.Overdue when periodEnd is LocalDate end && end == next.AsOf =>
                $"not held before the period of care ended on {DateFormat.Iso(end)}, {Deadline.Plural(next.DaysLate, "day")} after the due date",
            _ => next.Describe(),
        };
        Outcome outcome = next.Timeliness switch
        {
            Timeliness.Overdue => Outcome.NotMet,
            Timeliness.NotRequired => Outcome.NotApplicable,
            _ => Outcome.Pending,
        };
        string legacy = !policy.ResetScheduleOnEveryReview && number > 1 ? " [non-statutory fixed-anniversary schedule]" : string.Empty;
        return new Finding(rule, outcome, citation,
            $"Review {number} is due by {DateFormat.Iso(due)}, {basis} ({citation.ShortForm}); {state}.{legacy}");
    }

    private static Finding SignificantChangeFinding(SignificantChange change, Review[] reviews, LocalPolicy policy)
    {
        Review? before = reviews.LastOrDefault(r => r.LastPart >= change.ProposedOn && r.LastPart <= change.MadeOn);
        if (before is not null)
        {
            return new Finding(RuleId.SignificantChange, Outcome.Met, Citations.SignificantChange,
                $"'{change.Description}' ({DateFormat.Iso(change.MadeOn)}) was considered first at the review completed {DateFormat.Iso(before.LastPart)}, after it was proposed on {DateFormat.Iso(change.ProposedOn)}.");
        }

        return change.NotReasonablyPracticable
            ? new Finding(RuleId.SignificantChange, Outcome.NotApplicable, Citations.SignificantChange,
                $"'{change.Description}' ({DateFormat.Iso(change.MadeOn)}) was made without a review first, recorded as not reasonably practicable; a review should follow (REV-4 trigger).")
            : new Finding(RuleId.SignificantChange, Outcome.NotMet, Citations.SignificantChange,
                $"'{change.Description}' ({DateFormat.Iso(change.MadeOn)}) was made without a review between its proposal on {DateFormat.Iso(change.ProposedOn)} and the change (REV-7 no prior review).");
    }
}
