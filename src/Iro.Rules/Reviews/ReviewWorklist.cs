using System;
using System.Collections.Generic;
using System.Globalization;
using Iro.Rules.Caseload;
using Iro.Rules.Explanations;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Reviews;

/// <summary>The worklist's review items for the current period of care: the next review (REV-1 to REV-3, REV-9) with its
/// book-by date (CAL-4), the visit window before it (REV-10), and the recommendations and minutes owed (REV-6).</summary>
/// <remarks>Holds no rule: every date and finding comes from <see cref="ReviewSchedule"/>, by the same calls as the weekly
/// list (<see cref="ReviewWeekly"/>), with the horizon as the look-ahead.</remarks>
internal static class ReviewWorklist
{
    public static void Add(in ChildView view, WeeklyRun run, string? iro, List<WorklistItem> items)
    {
        if (!view.LookedAfter || view.PeriodStart < ReviewTimetable.EarliestStart)
        {
            return; // not looked after, or a period that began before the 1991 Regulations: no timetable is modelled
        }

        ChildCase child = view.Child;
        LocalDate asOf = view.AsOf;
        IReadOnlyList<LocalDate>? visits = VisitsKnown(child, asOf);
        if (view.KnownInPart)
        {
            // 903-W: only the next review, at the latest date it can be in time; REV-6 numbers the reviews, so not here.
            (LocalDate knownFrom, LocalDate? latest, LocalDate? began) = ReviewWeekly.KnownInPartFacts(view);
            PartialReviewStatus status = ReviewSchedule.KnownInPart(began, knownFrom, latest, asOf);
            bool overdue = status.Next.Timeliness == Timeliness.Overdue;
            if (overdue || BookByInHorizon(run, asOf, status.DueByAtLatest))
            {
                NextReview(view, run, iro, items, status.DueByAtLatest, overdue, status.Finding, null, latest ?? knownFrom, visits);
            }

            return;
        }

        if (view.ShortBreakPeriod)
        {
            ReviewTimeline timeline = ReviewSchedule.Evaluate(ReviewWeekly.ToCarePeriod(view), asOf, run.Policy, run.Calendar);
            bool overdue = timeline.Next.Timeliness == Timeliness.Overdue;
            if (overdue || (timeline.Next.Timeliness == Timeliness.NotYetDue && BookByInHorizon(run, asOf, timeline.NextDueBy)))
            {
                NextReview(view, run, iro, items, timeline.NextDueBy, overdue, timeline.NextFinding, timeline.NextNumber, null, visits);
            }

            foreach (HeldReview held in timeline.Reviews)
            {
                Records(view, run, iro, items, new ReviewSchedule.RecordStatus(held.RecommendationsDueBy, held.MinutesDueBy, held.Recommendations, held.Minutes, held.Record), held.Number, held.LastPartOn);
            }

            return;
        }

        ReadOnlySpan<CaseReview> reviews = view.PeriodReviews;
        int count = reviews.Length;
        Span<LocalDate> dates = count <= 64 ? stackalloc LocalDate[count] : new LocalDate[count];
        for (int i = 0; i < count; i++)
        {
            dates[i] = reviews[i].Date;
        }

        // Looked for a little beyond the horizon, so that a review due just after it whose book-by date is within it is listed.
        if (ReviewSchedule.NextReviewFlag(view.PeriodStart, dates, asOf, run.Calendar, run.Policy, run.DueSoonDays + BookByMargin, out Deadline next) is Finding finding
            && (next.Timeliness == Timeliness.Overdue || BookByInHorizon(run, asOf, next.DueBy)))
        {
            NextReview(view, run, iro, items, next.DueBy, next.Timeliness == Timeliness.Overdue, finding, count + 1, null, visits);
        }

        bool tracks = child.TracksReviewRecords;
        for (int i = 0; i < count; i++)
        {
            CaseReview r = reviews[i];
            LocalDate? recommendations = tracks && r.RecommendationsOn <= asOf ? r.RecommendationsOn : null;
            LocalDate? minutes = tracks && r.MinutesOn <= asOf ? r.MinutesOn : null;
            if (tracks ? recommendations is not null && minutes is not null
                : run.Policy.TryAddWorkingDays(run.Calendar, r.Date, Math.Max(run.Policy.RecommendationsDueWorkingDays, run.Policy.MinutesDueWorkingDays), out LocalDate last) && last < asOf)
            {
                continue; // the screen: both sent, or (not tracked) both deadlines already passed
            }

            Records(view, run, iro, items, ReviewSchedule.Record(i + 1, r.Date, recommendations, minutes, tracks, asOf, run.Policy, run.Calendar, "Reviews"), i + 1, r.Date);
        }
    }

    /// <summary>Days beyond the horizon a due date can lie when its book-by date is within it: the longest run of days
    /// that are not working days before a due date (Christmas: four; a week is ample).</summary>
    private const int BookByMargin = 7;

    /// <summary>Whether a review due on <paramref name="due"/> must be booked within the horizon: its book-by date (CAL-4,
    /// the latest working day on or before the due date) is no later than the horizon's end. A review due on Sunday
    /// 28 December 2025 is booked by Wednesday 24 December, so an 8-week horizon from 31 October (to 26 December) lists it.</summary>
    private static bool BookByInHorizon(WeeklyRun run, LocalDate asOf, LocalDate due) =>
        run.DueSoon(asOf, CalendarMonths.SuggestedLatestWorkingDay(due, run.Calendar)); // the date alone: no reason text for a screen

    /// <summary>The next review (with its book-by date) and the visit window before it.</summary>
    private static void NextReview(
        in ChildView view, WeeklyRun run, string? iro, List<WorklistItem> items, LocalDate due, bool overdue, Finding finding, int? number, LocalDate? after, IReadOnlyList<LocalDate>? visits)
    {
        LocalDate asOf = view.AsOf;
        (LocalDate bookBy, string? why) = ReviewSchedule.BookBy(due, run.Calendar);
        WorklistStatus status = overdue ? WorklistStatus.Overdue : WorklistStatus.Due;
        items.Add(new WorklistItem(iro, view.Child.Id, WorklistItemKind.Review, status, due, finding)
        {
            BookBy = bookBy,
            PeriodStart = view.PeriodStart,
            ReviewNumber = number,
            ReviewAfter = number is null ? after : null,
            Reason = why is null ? finding.Summary : finding.Summary + " " + why,
        });

        // The visit window before the review as booked (the review held on its book-by date), or, once that day has
        // passed, before a review held on the as-of date.
        LocalDate plannedOn = bookBy >= asOf ? bookBy : asOf;
        string words = number is int n ? "review " + n.ToString(CultureInfo.InvariantCulture) : "the next review";
        (LocalDate from, LocalDate through, LocalDate? seen, Finding visit) = ReviewSchedule.VisitWindow(plannedOn, words, visits, overdue, run.Policy, view.PeriodStart);
        if (seen is null)
        {
            items.Add(new WorklistItem(iro, view.Child.Id, WorklistItemKind.IroVisit, status, through, visit)
            {
                WindowStart = from,
                WindowEnd = through,
                PeriodStart = view.PeriodStart,
                ReviewNumber = number,
                ReviewAfter = number is null ? after : null,
            });
        }
    }

    /// <summary>REV-6: the recommendations and the minutes of one review, each an item while owed. Without tracking (the
    /// source does not record when they are sent), only a deadline still to come is listed, as a reminder.</summary>
    private static void Records(in ChildView view, WeeklyRun run, string? iro, List<WorklistItem> items, ReviewSchedule.RecordStatus record, int number, LocalDate heldOn)
    {
        Record(view, run, iro, items, record, number, heldOn, WorklistItemKind.Recommendations, record.RecommendationsDueBy, record.Recommendations);
        Record(view, run, iro, items, record, number, heldOn, WorklistItemKind.Minutes, record.MinutesDueBy, record.Minutes);
    }

    private static void Record(
        in ChildView view, WeeklyRun run, string? iro, List<WorklistItem> items, ReviewSchedule.RecordStatus record, int number, LocalDate heldOn, WorklistItemKind kind, LocalDate due, Deadline? deadline)
    {
        LocalDate asOf = view.AsOf;
        bool overdue = deadline is { Timeliness: Timeliness.Overdue };
        if (deadline is { Timeliness: Timeliness.OnTime or Timeliness.Late } || (!overdue && (due < asOf || !run.DueSoon(asOf, due))))
        {
            return; // sent; or not overdue and not due within the horizon (without tracking, never overdue)
        }

        items.Add(new WorklistItem(iro, view.Child.Id, kind, overdue ? WorklistStatus.Overdue : WorklistStatus.Due, due, record.Finding)
        {
            PeriodStart = view.PeriodStart,
            ReviewNumber = number,
            ReviewHeldOn = heldOn,
            Reason = deadline is null
                ? record.Finding.Summary + " The source does not record when they are sent: a reminder of the deadline."
                : record.Finding.Summary,
        });
    }

    /// <summary>The IRO visits recorded up to the as-of date, or <see langword="null"/> when the source does not record them.</summary>
    private static IReadOnlyList<LocalDate>? VisitsKnown(ChildCase child, LocalDate asOf)
    {
        LocalDate[]? visits = child.SortedIroVisits;
        if (visits is null || visits.Length == 0 || visits[^1] <= asOf)
        {
            return visits;
        }

        return Array.FindAll(visits, v => v <= asOf);
    }
}
