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
    /// <remarks>Rules REV-1 to REV-4, REV-6; citations: CPPCR 2010 reg 33 (RCCR 1991 reg 3 for periods that began before 1 April 2011).
    /// Each review is one meeting; for series of meetings, short breaks, visits and local policy use the <see cref="CarePeriod"/> overloads.</remarks>
    /// <param name="periodStart">The day the child became looked after.</param>
    /// <param name="reviewDates">The dates the reviews were completed, in any order.</param>
    /// <param name="asOf">The date to evaluate as of; no review may be after it.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reviewDates"/> is null.</exception>
    /// <exception cref="ArgumentException">A review date is before <paramref name="periodStart"/>, after <paramref name="asOf"/>, or repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodStart"/> is before 1991-10-14 (no timetable is modelled before the 1991 Regulations) or after 2100-12-31;
    /// <paramref name="asOf"/> is before <paramref name="periodStart"/> or after 2100-12-31; or a working-day deadline would fall after 2100-12-31.</exception>
    public static ReviewTimeline Evaluate(LocalDate periodStart, IReadOnlyList<LocalDate> reviewDates, LocalDate asOf)
    {
        Preconditions.CheckNotNull(reviewDates, nameof(reviewDates));
        return Evaluate(new CarePeriod(periodStart, reviewDates), asOf, LocalPolicy.Default, WorkingDayCalendar.EnglandAndWales, nameof(reviewDates));
    }

    /// <summary>Evaluates a period of care whose reviews were each one meeting, under a council's policy (for example one
    /// read with <see cref="LocalPolicy.Load(string)"/>), with the England and Wales calendar.</summary>
    /// <remarks>Rules REV-1 to REV-4, REV-6; citations: CPPCR 2010 reg 33 (RCCR 1991 reg 3 for periods that began before 1 April 2011).
    /// The policy's <see cref="LocalPolicy.ResetScheduleOnEveryReview"/> (REV-4a) and <see cref="LocalPolicy.WorkingDayCounting"/>
    /// (CAL-3a) change the due dates; a non-statutory reading is labelled so in every finding.</remarks>
    /// <param name="periodStart">The day the child became looked after.</param>
    /// <param name="reviewDates">The dates the reviews were completed, in any order.</param>
    /// <param name="asOf">The date to evaluate as of; no review may be after it.</param>
    /// <param name="policy">Local policy and the options the law leaves open.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reviewDates"/> or <paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException">A review date is before <paramref name="periodStart"/>, after <paramref name="asOf"/>, or repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Evaluate(LocalDate, IReadOnlyList{LocalDate}, LocalDate)"/>.</exception>
    public static ReviewTimeline Evaluate(LocalDate periodStart, IReadOnlyList<LocalDate> reviewDates, LocalDate asOf, LocalPolicy policy)
    {
        Preconditions.CheckNotNull(reviewDates, nameof(reviewDates));
        return Evaluate(new CarePeriod(periodStart, reviewDates), asOf, policy, WorkingDayCalendar.EnglandAndWales, nameof(reviewDates));
    }

    /// <summary>Evaluates a period of care with the England and Wales calendar and the default policy.</summary>
    /// <remarks>Rules REV-1 to REV-10; citation: CPPCR 2010 Part 6.</remarks>
    /// <param name="period">The period of care.</param>
    /// <param name="asOf">The date to evaluate as of.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException">The period's data is inconsistent; the message names the field, the value and the rule.</exception>
    public static ReviewTimeline Evaluate(CarePeriod period, LocalDate asOf) =>
        Evaluate(period, asOf, LocalPolicy.Default, WorkingDayCalendar.EnglandAndWales);

    /// <summary>Evaluates a period of care.</summary>
    /// <remarks>Rules REV-1 to REV-10; citation: CPPCR 2010 Part 6. Every review gets a timing finding (REV-1/2/3 or REV-9), a record
    /// finding (REV-6), and, where the data is given, adjournment (REV-5) and IRO visit (REV-10) findings; then the next review,
    /// significant changes (REV-7) and the short-break conditions.</remarks>
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
    /// <param name="becameLookedAfter">The day the period of care began (day 0); from 1991-10-14.</param>
    /// <param name="calendar">The working-day calendar; England and Wales when null.</param>
    /// <returns>The last day in time.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="becameLookedAfter"/> is before 1991-10-14, or the due date would be after 2100-12-31.</exception>
    public static LocalDate FirstReviewDue(LocalDate becameLookedAfter, WorkingDayCalendar? calendar = null)
    {
        CheckStart(becameLookedAfter, nameof(becameLookedAfter));
        return DueDate(ReviewTimetableKind.Ordinary, 1, becameLookedAfter, null, null, LocalPolicy.Default, calendar ?? WorkingDayCalendar.EnglandAndWales, nameof(becameLookedAfter)).Due;
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
        string startName = reviewsName == "reviewDates" ? "periodStart" : "period.Start";
        (Review[] reviews, List<Finding> incomplete) = Validate(period, asOf, policy, calendar, reviewsName, startName);

        (ReviewTimetableKind kind, LocalDate anchor, Finding? shortBreakFinding) = ChooseTimetable(period, policy);
        var held = new List<HeldReview>(reviews.Length);
        var findings = new List<Finding>(reviews.Length * 4 + 4);
        LocalDate? previousDate = null;
        LocalDate? previousDue = null;

        for (int i = 0; i < reviews.Length; i++)
        {
            int number = i + 1;
            (LocalDate due, ReviewTimetable.Regime regime, LocalDate from) = DueDate(kind, number, anchor, previousDate, previousDue, policy, calendar, startName);
            string basis = Basis(kind, number, regime, anchor, from, previousDate);
            HeldReview result = Assess(reviews[i], number, due, regime, basis, asOf, policy, calendar, period.IroVisits, kind, reviewsName, period.TracksReviewRecords);
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

        findings.AddRange(incomplete);
        int nextNumber = reviews.Length + 1;
        (LocalDate nextDue, ReviewTimetable.Regime nextRegime, LocalDate nextFrom) = DueDate(kind, nextNumber, anchor, previousDate, previousDue, policy, calendar, startName);
        string nextBasis = Basis(kind, nextNumber, nextRegime, anchor, nextFrom, previousDate);
        LocalDate effectiveAsOf = period.End is LocalDate end && end < asOf ? end : asOf;
        Deadline next = period.End is LocalDate ended && ended <= asOf && ended <= nextDue
            ? Deadline.NotRequired(nextDue, asOf)
            : Deadline.Assess(nextDue, null, effectiveAsOf, nextNumber == 1 && nextRegime.FirstUnit == ReviewTimetable.FirstLimitUnit.WorkingDays && nextDue <= WorkingDayCalendar.MaxDate ? calendar : null);
        Finding nextFinding = NextFinding(nextNumber, nextDue, nextBasis, nextRegime, next, period.End, policy, kind);
        findings.Add(nextFinding);

        Finding[] changes = period.SignificantChanges.Select(c => SignificantChangeFinding(c, reviews)).ToArray();
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
            Reviews = held.AsReadOnly(),
            NextNumber = nextNumber,
            NextDueBy = nextDue,
            Next = next,
            NextFinding = nextFinding,
            SignificantChanges = Array.AsReadOnly(changes),
            ShortBreakConditions = shortBreakFinding,
            Findings = findings.AsReadOnly(),
        };
    }

    private static void CheckStart(LocalDate start, string name)
    {
        Preconditions.CheckIsoCalendar(start, name);
        if (start < ReviewTimetable.EarliestStart || start > WorkingDayCalendar.MaxDate)
        {
            throw new ArgumentOutOfRangeException(
                name,
                start,
                $"{name} was {DateFormat.Iso(start)}; review timetables are modelled from {DateFormat.Iso(ReviewTimetable.EarliestStart)} (Review of Children's Cases Regulations 1991) to {DateFormat.Iso(WorkingDayCalendar.MaxDate)} (REV-1).");
        }
    }

    private static (Review[] Complete, List<Finding> Incomplete) Validate(
        CarePeriod period, LocalDate asOf, LocalPolicy policy, WorkingDayCalendar calendar, string reviewsName, string startName)
    {
        CheckStart(period.Start, startName);
        Preconditions.CheckDateRange(asOf, period.Start, WorkingDayCalendar.MaxDate, nameof(asOf), "REV-1");
        if (period.End is LocalDate end && end < period.Start)
        {
            throw new ArgumentException(
                $"period.End was {DateFormat.Iso(end)}, before the period's start {DateFormat.Iso(period.Start)} (REV-1).", "period.End");
        }

        var complete = new List<Review>(period.Reviews.Count);
        var incomplete = new List<Finding>();
        foreach (Review r in period.Reviews)
        {
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

            CheckRecordDate(r.RecommendationsOn, r, asOf, reviewsName, "RecommendationsOn");
            CheckRecordDate(r.MinutesOn, r, asOf, reviewsName, "MinutesOn");
            if (AwaitingReconvening(r, asOf, policy, calendar, reviewsName) is Finding waiting)
            {
                incomplete.Add(waiting);
            }
            else
            {
                complete.Add(r);
            }
        }

        Review[] reviews = complete.OrderBy(r => r.DateUnder(policy.ReviewDateBasis)).ThenBy(r => r.LastPart).ToArray();
        for (int i = 1; i < reviews.Length; i++)
        {
            if (reviews[i - 1].DateUnder(policy.ReviewDateBasis) == reviews[i].DateUnder(policy.ReviewDateBasis))
            {
                throw new ArgumentException(
                    $"{reviewsName} has two reviews on {DateFormat.Iso(reviews[i].DateUnder(policy.ReviewDateBasis))}: a date can hold one review (REV-4).", reviewsName);
            }
        }

        foreach (SignificantChange change in period.SignificantChanges)
        {
            if (change.MadeOn < change.ProposedOn || change.MadeOn > asOf)
            {
                throw new ArgumentException(
                    $"period.SignificantChanges has '{change.Description}' proposed on {DateFormat.Iso(change.ProposedOn)} and made on {DateFormat.Iso(change.MadeOn)}: it must be made on or after it was proposed, and by asOf {DateFormat.Iso(asOf)} (REV-7).",
                    "period.SignificantChanges");
            }
        }

        foreach (ShortBreak shortBreak in period.ShortBreaks)
        {
            if (shortBreak.End < shortBreak.Start || shortBreak.IntendedDays is < 0 || shortBreak.Start < period.Start || shortBreak.Start > asOf)
            {
                throw new ArgumentException(
                    $"period.ShortBreaks has a break from {DateFormat.Iso(shortBreak.Start)} to {DateFormat.Iso(shortBreak.End)} (intended {shortBreak.IntendedDays?.ToString(CultureInfo.InvariantCulture) ?? "unknown"} days): a break must start within the period ({DateFormat.Iso(period.Start)} to asOf {DateFormat.Iso(asOf)}), end on or after its start, and have a non-negative length (REV-9).",
                    "period.ShortBreaks");
            }
        }

        if (period.IroVisits is { } visits)
        {
            foreach (LocalDate visit in visits)
            {
                if (visit < period.Start || visit > asOf)
                {
                    throw new ArgumentException(
                        $"period.IroVisits has a visit on {DateFormat.Iso(visit)}, outside the period of care from {DateFormat.Iso(period.Start)} to asOf {DateFormat.Iso(asOf)} (REV-10).",
                        "period.IroVisits");
                }
            }
        }

        return (reviews, incomplete);
    }

    private static void CheckRecordDate(LocalDate? date, Review review, LocalDate asOf, string reviewsName, string field)
    {
        if (date is LocalDate d && (d < review.LastPart || d > asOf))
        {
            throw new ArgumentException(
                $"{reviewsName} has a review completed {DateFormat.Iso(review.LastPart)} whose {field} is {DateFormat.Iso(d)}: it must be on or after the review and by asOf {DateFormat.Iso(asOf)} (REV-6).",
                reviewsName);
        }
    }

    /// <summary>REV-5: an adjourned review with no later part is not complete; it is reported, and not counted as held.</summary>
    private static Finding? AwaitingReconvening(Review review, LocalDate asOf, LocalPolicy policy, WorkingDayCalendar calendar, string reviewsName)
    {
        int adjourned = -1;
        for (int i = 0; i < review.Parts.Count; i++)
        {
            if (review.Parts[i].Kind == ReviewPartKind.Adjourned)
            {
                adjourned = i;
                break;
            }
        }

        if (adjourned < 0 || review.Parts.Skip(adjourned + 1).Any(p => p.Date > review.Parts[adjourned].Date))
        {
            return null;
        }

        LocalDate from = review.Parts[adjourned].Date;
        LocalDate limit = AdjournmentLimit(from, policy, calendar, reviewsName);
        bool late = asOf > limit;
        return new Finding(RuleId.ReviewMeetings, late ? Outcome.NotMet : Outcome.Pending, Citations.ReviewMeetings,
            late
                ? $"The review adjourned on {DateFormat.Iso(from)} has not reconvened; the limit was {DateFormat.Iso(limit)} (20 working days). It is not complete, so it is not counted as held."
                : $"The review adjourned on {DateFormat.Iso(from)} must reconvene by {DateFormat.Iso(limit)} (20 working days). Until then it is not complete and not counted as held.")
        {
            Reason = late ? ReasonCodes.AdjournmentLimit : ReasonCodes.AwaitingReconvening,
        };
    }

    private static LocalDate AdjournmentLimit(LocalDate adjourned, LocalPolicy policy, WorkingDayCalendar calendar, string reviewsName) =>
        policy.TryAddWorkingDays(calendar, adjourned, 20, out LocalDate limit)
            ? limit
            : throw OutOfRange(reviewsName, adjourned, "the 20-working-day adjournment limit", "REV-5");

    private static ArgumentOutOfRangeException OutOfRange(string name, LocalDate from, string what, string rule) =>
        new(name, from, $"{name}: {what} from {DateFormat.Iso(from)} falls after {DateFormat.Iso(WorkingDayCalendar.MaxDate)}, the end of the supported range ({rule}).");

    private static (ReviewTimetableKind Kind, LocalDate Anchor, Finding? Finding) ChooseTimetable(CarePeriod period, LocalPolicy policy)
    {
        if (period.ShortBreaks.Count == 0)
        {
            return (ReviewTimetableKind.Ordinary, period.Start, null);
        }

        ShortBreak[] breaks = period.ShortBreaks.OrderBy(static b => b.Start).ToArray();
        LocalDate first = breaks[0].Start;
        string? failure = null;
        if (first < ReviewTimetable.ShortBreaksFrom)
        {
            failure = $"the first break on {DateFormat.Iso(first)} is before CPPCR 2010 reg 48 came into force on {DateFormat.Iso(ReviewTimetable.ShortBreaksFrom)}";
        }

        foreach (ShortBreak b in breaks)
        {
            int intended = b.IntendedDays ?? b.Days;
            if (failure is null && intended > 17)
            {
                failure = $"the break from {DateFormat.Iso(b.Start)} was {(b.IntendedDays is null ? string.Empty : "intended ")}to last {intended} days, over 17 (reg 48(2))";
            }
        }

        for (int i = 0; failure is null && i < breaks.Length; i++)
        {
            ShortBreak b = breaks[i];
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
            }
        }

        if (failure is not null)
        {
            return (ReviewTimetableKind.Ordinary, period.Start, new Finding(
                RuleId.ShortBreaks, Outcome.NotApplicable, Citations.ShortBreaks,
                $"The short-break review timetable does not apply: {failure}; the ordinary timetable applies from {DateFormat.Iso(period.Start)}.")
            { Reason = ReasonCodes.ShortBreakConditionsNotMet });
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

    /// <summary>REV-1 to REV-4 and REV-9: a review's due date and the date its interval runs from. Allocates nothing.</summary>
    private static (LocalDate Due, ReviewTimetable.Regime Regime, LocalDate From) DueDate(
        ReviewTimetableKind kind, int number, LocalDate anchor, LocalDate? previousDate, LocalDate? previousDue, LocalPolicy policy, WorkingDayCalendar calendar, string startName)
    {
        if (number == 1 || previousDate is not LocalDate previous)
        {
            ReviewTimetable.Regime first = ReviewTimetable.For(kind, anchor);
            return ReviewTimetable.TryFirstDue(first, anchor, calendar, policy, out LocalDate due)
                ? (due, first, anchor)
                : throw OutOfRange(startName, anchor, "the first review's " + first.FirstWords, "REV-1");
        }

        ReviewTimetable.Regime regime = ReviewTimetable.For(kind, previous);
        int months = number == 2 ? regime.SecondMonths : regime.LaterMonths;

        // REV-4: the interval runs from the previous review as held. The legacy option keeps a fixed anniversary: a
        // review held early or on time does not move the next due date.
        LocalDate from = !policy.ResetScheduleOnEveryReview && previousDue is LocalDate previousDueDate && previous <= previousDueDate ? previousDueDate : previous;
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
        ReviewTimetableKind kind,
        string reviewsName,
        bool tracksRecords)
    {
        LocalDate heldOn = review.DateUnder(policy.ReviewDateBasis);
        bool workingDayRule = number == 1 && regime.FirstUnit == ReviewTimetable.FirstLimitUnit.WorkingDays;
        Deadline deadline = Deadline.Assess(due, heldOn, asOf, workingDayRule ? calendar : null);
        (Finding? adjournment, bool lawfulAdjournment) = AdjournmentFinding(review, number, policy, calendar, reviewsName);

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
        string legacy = !policy.ResetScheduleOnEveryReview && number > 1 ? " [non-statutory fixed-anniversary schedule]" : string.Empty;
        Citation citation = number == 1 ? regime.FirstCitation : regime.LaterCitation;
        var finding = new Finding(TimingRule(kind, number), onTime ? Outcome.Met : Outcome.NotMet, citation,
            $"Review {number} was due by {DateFormat.Iso(due)}, {basis} ({citation.ShortForm}); {held}, {verdict}.{legacy}")
        {
            Reason = adjournedPastDue ? ReasonCodes.AdjournedUnderReg36 : legacy.Length > 0 ? ReasonCodes.NonStatutorySchedule : null,
        };

        // REV-6: recommendations and minutes, counted in working days from the completion date.
        LocalDate completed = review.LastPart;
        RecordStatus record = Record(number, completed, review.RecommendationsOn, review.MinutesOn, tracksRecords, asOf, policy, calendar, reviewsName);

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
            RecommendationsDueBy = record.RecommendationsDueBy,
            MinutesDueBy = record.MinutesDueBy,
            Recommendations = record.Recommendations,
            Minutes = record.Minutes,
            Record = record.Finding,
            IroVisit = iroVisits is null ? null : IroVisitFinding(review.FirstPart, review.LastPart, review.ChildRefusedIroVisit, number, iroVisits, policy, LocalDate.MinIsoValue),
        };
    }

    /// <summary>REV-5: one adjournment; the reconvened meeting (the first part marked Reconvened, else the last part) within 20 working days.</summary>
    private static (Finding? Finding, bool Lawful) AdjournmentFinding(Review review, int number, LocalPolicy policy, WorkingDayCalendar calendar, string reviewsName)
    {
        ReviewPart[] adjourned = review.Parts.Where(static p => p.Kind == ReviewPartKind.Adjourned).ToArray();
        if (adjourned.Length == 0)
        {
            return (null, false);
        }

        LocalDate from = adjourned[0].Date;
        LocalDate limit = AdjournmentLimit(from, policy, calendar, reviewsName);
        ReviewPart[] later = review.Parts.Where(p => p.Date > from).ToArray();
        LocalDate again = later.Where(static p => p.Kind == ReviewPartKind.Reconvened).Select(static p => p.Date).DefaultIfEmpty(later[^1].Date).First();
        if (adjourned.Length > 1)
        {
            return (new Finding(RuleId.ReviewMeetings, Outcome.NotMet, Citations.ReviewMeetings,
                $"Review {number} was adjourned {adjourned.Length} times; a review may be adjourned once (REV-5 adjournment limit).")
            { Reason = ReasonCodes.AdjournmentLimit }, false);
        }

        if (again > limit)
        {
            int wd = calendar.WorkingDaysBetween(from, again);
            return (new Finding(RuleId.ReviewMeetings, Outcome.NotMet, Citations.ReviewMeetings,
                $"Review {number} was adjourned on {DateFormat.Iso(from)} and reconvened on {DateFormat.Iso(again)}, {wd} working days later; the limit is 20 working days, {DateFormat.Iso(limit)} (REV-5 adjournment limit).")
            { Reason = ReasonCodes.AdjournmentLimit }, false);
        }

        return (new Finding(RuleId.ReviewMeetings, Outcome.Met, Citations.ReviewMeetings,
            $"Review {number} was adjourned on {DateFormat.Iso(from)} and reconvened on {DateFormat.Iso(again)}, within 20 working days (by {DateFormat.Iso(limit)})."), true);
    }

    /// <summary>REV-6 for one review: the two deadlines, what is known of them on <paramref name="asOf"/>, and the finding; the one home of REV-6, for the explained schedule and the weekly list alike.</summary>
    /// <param name="number">The review's number in its period.</param>
    /// <param name="completed">The review's completion date (its last part).</param>
    /// <param name="recommendationsOn">When the recommendations were placed on file, if recorded.</param>
    /// <param name="minutesOn">When the minutes were sent, if recorded.</param>
    /// <param name="tracks">Whether a missing date means "not sent" (<see cref="CarePeriod.TracksReviewRecords"/>) rather than "not recorded".</param>
    /// <param name="asOf">The date of the assessment.</param>
    /// <param name="policy">The local deadlines.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="name">The argument named in an out-of-range error.</param>
    internal static RecordStatus Record(
        int number, LocalDate completed, LocalDate? recommendationsOn, LocalDate? minutesOn, bool tracks, LocalDate asOf, LocalPolicy policy, WorkingDayCalendar calendar, string name)
    {
        LocalDate recommendationsDue = policy.TryAddWorkingDays(calendar, completed, policy.RecommendationsDueWorkingDays, out LocalDate r)
            ? r : throw OutOfRange(name, completed, "the recommendations deadline", "REV-6");
        LocalDate minutesDue = policy.TryAddWorkingDays(calendar, completed, policy.MinutesDueWorkingDays, out LocalDate m)
            ? m : throw OutOfRange(name, completed, "the minutes deadline", "REV-6");
        Deadline? recommendations = recommendationsOn is null && !tracks ? null : Deadline.Assess(recommendationsDue, recommendationsOn, asOf, calendar);
        Deadline? minutes = minutesOn is null && !tracks ? null : Deadline.Assess(minutesDue, minutesOn, asOf, calendar);
        return new RecordStatus(recommendationsDue, minutesDue, recommendations, minutes,
            RecordFinding(number, completed, recommendationsDue, minutesDue, recommendations, minutes, policy));
    }

    /// <summary>REV-6's deadlines and finding for one review.</summary>
    internal readonly record struct RecordStatus(LocalDate RecommendationsDueBy, LocalDate MinutesDueBy, Deadline? Recommendations, Deadline? Minutes, Finding Finding)
    {
        /// <summary>The earliest deadline passed with nothing sent (the weekly list's REV-6 date), or null if none.</summary>
        public LocalDate? EarliestOverdue =>
            Recommendations is { Timeliness: Timeliness.Overdue } && (Minutes is not { Timeliness: Timeliness.Overdue } || RecommendationsDueBy <= MinutesDueBy) ? RecommendationsDueBy
            : Minutes is { Timeliness: Timeliness.Overdue } ? MinutesDueBy
            : null;
    }

    private static Finding RecordFinding(
        int number, LocalDate completed, LocalDate recommendationsDue, LocalDate minutesDue, Deadline? recommendations, Deadline? minutes, LocalPolicy policy)
    {
        Outcome outcome = recommendations is null && minutes is null ? Outcome.Information
            : recommendations is { IsMetOrPending: false } || minutes is { IsMetOrPending: false } ? Outcome.NotMet
            : recommendations is null || minutes is null ? Outcome.Information
            : Outcome.Met;
        string Part(string what, LocalDate due, int days, Deadline? d) =>
            $"{what} due by {DateFormat.Iso(due)} ({days} working days), {(d is Deadline known ? known.Describe() : "date done not recorded")}";
        return new Finding(RuleId.ReviewRecord, outcome, Citations.ReviewRecord,
            $"Review {number} completed {DateFormat.Iso(completed)}: {Part("recommendations", recommendationsDue, policy.RecommendationsDueWorkingDays, recommendations)}; {Part("minutes", minutesDue, policy.MinutesDueWorkingDays, minutes)}.")
        {
            Reason = recommendations is null || minutes is null ? ReasonCodes.NotRecorded : null,
        };
    }

    private static RuleId TimingRule(ReviewTimetableKind kind, int number) =>
        kind == ReviewTimetableKind.ShortBreaks ? RuleId.ShortBreaks
        : number == 1 ? RuleId.FirstReview
        : number == 2 ? RuleId.SecondReview
        : RuleId.SubsequentReview;

    /// <summary>REV-10: the latest IRO visit within [completion - window, first part] (the first part's own day only with <see cref="LocalPolicy.CountSameDayVisit"/>), or null; and the window's ends.</summary>
    internal static (LocalDate? Visit, LocalDate From, LocalDate Through) VisitBefore(
        LocalDate firstPart, LocalDate lastPart, IReadOnlyList<LocalDate> visits, LocalPolicy policy, LocalDate notBefore)
    {
        LocalDate windowStart = Weeks.WindowStart(lastPart, policy.IroVisitWindowDays);
        LocalDate latest = policy.CountSameDayVisit ? firstPart : firstPart.PlusDays(-1);
        LocalDate? visit = null;
        for (int i = 0; i < visits.Count; i++)
        {
            LocalDate v = visits[i];
            if (v >= windowStart && v >= notBefore && v <= latest && (visit is null || v > visit))
            {
                visit = v;
            }
        }

        return (visit, windowStart, latest);
    }

    /// <summary>REV-10 for one review: the one home of the visit finding, for the explained schedule and the weekly list alike.</summary>
    internal static Finding IroVisitFinding(LocalDate firstPart, LocalDate lastPart, bool childRefused, int number, IReadOnlyList<LocalDate> visits, LocalPolicy policy, LocalDate notBefore)
    {
        (LocalDate? visit, LocalDate from, LocalDate latest) = VisitBefore(firstPart, lastPart, visits, policy, notBefore);
        string range = $"{DateFormat.Iso(from)} to {DateFormat.Iso(latest)}";
        if (visit is LocalDate seen)
        {
            return new Finding(RuleId.IroVisit, Outcome.Met, Citations.IroVisit,
                $"The IRO saw the child on {DateFormat.Iso(seen)}, within the {policy.IroVisitWindowDays} days before review {number} ({range}).");
        }

        return childRefused
            ? new Finding(RuleId.IroVisit, Outcome.NotApplicable, Citations.IroVisit,
                $"No IRO visit in {range} before review {number}: exempt, the child refused (ExemptChildRefused).")
            { Reason = ReasonCodes.ExemptChildRefused }
            : new Finding(RuleId.IroVisit, Outcome.NotMet, Citations.IroVisit,
                $"No IRO visit to the child in the {policy.IroVisitWindowDays} days before review {number} ({range}).");
    }

    private static Finding NextFinding(
        int number, LocalDate due, string basis, ReviewTimetable.Regime regime, Deadline next, LocalDate? periodEnd, LocalPolicy policy, ReviewTimetableKind kind)
    {
        Citation citation = number == 1 ? regime.FirstCitation : regime.LaterCitation;
        string state = next.Timeliness switch
        {
            Timeliness.NotRequired => $"not required: the period of care ended on {DateFormat.Iso(periodEnd!.Value)}",
            Timeliness.Overdue when periodEnd is LocalDate end && end == next.AsOf =>
                $"not held before the period of care ended on {DateFormat.Iso(end)}, {Deadline.Plural(next.DaysLate, "day")} after the due date",
            _ => next.Describe(),
        };
        Outcome outcome = next.ToOutcome();
        bool legacy = !policy.ResetScheduleOnEveryReview && number > 1;
        return new Finding(TimingRule(kind, number), outcome, citation,
            $"Review {number} is due by {DateFormat.Iso(due)}, {basis} ({citation.ShortForm}); {state}.{(legacy ? " [non-statutory fixed-anniversary schedule]" : string.Empty)}")
        {
            Reason = legacy ? ReasonCodes.NonStatutorySchedule : null,
        };
    }

    private static Finding SignificantChangeFinding(SignificantChange change, Review[] reviews)
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
            { Reason = ReasonCodes.NotReasonablyPracticable }
            : new Finding(RuleId.SignificantChange, Outcome.NotMet, Citations.SignificantChange,
                $"'{change.Description}' ({DateFormat.Iso(change.MadeOn)}) was made without a review between its proposal on {DateFormat.Iso(change.ProposedOn)} and the change (REV-7 no prior review).")
            { Reason = ReasonCodes.NoPriorReview };
    }
}
