using System;
using System.Collections.Generic;
using System.Linq;
using Iro.Rules.Caseload;
using Iro.Rules.Explanations;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Reviews;

/// <summary>The weekly list's review rules: REV-1 to REV-3 and REV-9 (next review), REV-10 (IRO visit) and REV-6 (record), for the current period of care.</summary>
/// <remarks>An allocation-free screen on the ordinary timetable, then the schedule's own findings (<see cref="ReviewSchedule"/>);
/// a short-break period goes through <see cref="ReviewSchedule.Evaluate(CarePeriod, LocalDate, LocalPolicy, Calendars.WorkingDayCalendar)"/> itself.</remarks>
internal static class ReviewWeekly
{
    public static void Evaluate(in ChildView view, WeeklyRun run, List<CaseloadFlag> flags)
    {
        if (!view.LookedAfter || view.PeriodStart < ReviewTimetable.EarliestStart)
        {
            return; // not looked after, or a period that began before the 1991 Regulations: no timetable is modelled
        }

        if (view.KnownInPart)
        {
            KnownInPart(view, run, flags);
            return;
        }

        if (view.ShortBreakPeriod)
        {
            Explained(view, run, flags);
            return;
        }

        ChildCase child = view.Child;
        LocalDate asOf = view.AsOf;
        ReadOnlySpan<CaseReview> reviews = view.PeriodReviews;
        int count = reviews.Length;
        Span<LocalDate> dates = count <= 64 ? stackalloc LocalDate[count] : new LocalDate[count];
        for (int i = 0; i < count; i++)
        {
            dates[i] = reviews[i].Date;
        }

        // The schedule works out every held review's REV-6 deadlines, tracked or not; the latest review's are the
        // latest, so if they fall past 2100-12-31 the schedule cannot be evaluated, and neither can this child.
        if (count > 0 && !(run.Policy.TryAddWorkingDays(run.Calendar, dates[count - 1], run.Policy.RecommendationsDueWorkingDays, out _)
            && run.Policy.TryAddWorkingDays(run.Calendar, dates[count - 1], run.Policy.MinutesDueWorkingDays, out _)))
        {
            ReviewSchedule.Record(count, dates[count - 1], null, null, tracks: false, asOf, run.Policy, run.Calendar, "Reviews"); // throws, naming the deadline
        }

        if (ReviewSchedule.NextReviewFlag(view.PeriodStart, dates, asOf, run.Calendar, run.Policy, run.DueSoonDays, out Deadline next) is Finding finding)
        {
            WeeklyRun.Add(flags, view, next.Timeliness == Timeliness.Overdue ? FlagStatus.Overdue : FlagStatus.DueSoon, next.DueBy, finding);
        }

        if (child.SortedIroVisits is { } visits && count > 0)
        {
            CaseReview latest = reviews[count - 1];
            (LocalDate? seen, _, _) = ReviewSchedule.VisitBefore(latest.Date, latest.Date, visits, run.Policy, view.PeriodStart);
            if (seen is null && !latest.ChildRefusedIroVisit)
            {
                WeeklyRun.Add(flags, view, FlagStatus.Flag, latest.Date,
                    ReviewSchedule.IroVisitFinding(latest.Date, latest.Date, latest.ChildRefusedIroVisit, count, visits, run.Policy, view.PeriodStart));
            }
        }

        if (child.TracksReviewRecords)
        {
            for (int i = 0; i < count; i++)
            {
                CaseReview r = reviews[i];
                LocalDate? recommendations = r.RecommendationsOn > asOf ? null : r.RecommendationsOn;
                LocalDate? minutes = r.MinutesOn > asOf ? null : r.MinutesOn;
                if (recommendations is not null && minutes is not null)
                {
                    continue; // both sent by the date of the list
                }

                if (run.Policy.TryAddWorkingDays(run.Calendar, r.Date, run.Policy.RecommendationsDueWorkingDays, out LocalDate recommendationsDue)
                    && run.Policy.TryAddWorkingDays(run.Calendar, r.Date, run.Policy.MinutesDueWorkingDays, out LocalDate minutesDue)
                    && (recommendations is not null || asOf <= recommendationsDue) && (minutes is not null || asOf <= minutesDue))
                {
                    continue; // nothing overdue (the screen); a deadline out of range goes to the finding, which reports it
                }

                ReviewSchedule.RecordStatus record = ReviewSchedule.Record(i + 1, r.Date, recommendations, minutes, tracks: true, asOf, run.Policy, run.Calendar, "Reviews");
                if (record.EarliestOverdue is LocalDate missed)
                {
                    WeeklyRun.Add(flags, view, FlagStatus.Overdue, missed, record.Finding);
                }
            }
        }
    }

    /// <summary>
    /// A period the source knows only in part (903-W): only the next review is checked, at the latest date it can be in
    /// time (<see cref="ReviewSchedule.NextReviewKnownInPart"/>). REV-6 and REV-10 number the reviews, which the source
    /// cannot do here; a source that holds only a window (the SSDA903 return) records neither.
    /// </summary>
    private static void KnownInPart(in ChildView view, WeeklyRun run, List<CaseloadFlag> flags)
    {
        (LocalDate knownFrom, LocalDate? latest, LocalDate? began) = KnownInPartFacts(view);
        LocalDate from = latest ?? knownFrom;
        LocalDate dueAtLatest = CalendarMonths.Add(from, 6);
        if (view.AsOf <= dueAtLatest && !run.DueSoon(view.AsOf, dueAtLatest))
        {
            return; // the screen: neither overdue nor due soon
        }

        PartialReviewStatus status = ReviewSchedule.KnownInPart(began, knownFrom, latest, view.AsOf);
        WeeklyRun.Add(flags, view, status.Next.Timeliness == Timeliness.Overdue ? FlagStatus.Overdue : FlagStatus.DueSoon, status.DueByAtLatest, status.Finding);
    }

    /// <summary>What the source holds of a period known only in part (903-W): where its history starts, the latest review
    /// held since then (or none), and the period's start when its first episode is RNE S (otherwise unknown).</summary>
    internal static (LocalDate KnownFrom, LocalDate? Latest, LocalDate? Began) KnownInPartFacts(in ChildView view)
    {
        LocalDate knownFrom = view.Child.KnownFrom!.Value;
        ReadOnlySpan<CaseReview> reviews = view.PeriodReviews;
        LocalDate? latest = reviews.Length > 0 && reviews[^1].Date >= knownFrom ? reviews[^1].Date : null;
        Legal.Episode first = view.Child.SortedEpisodes[view.First];
        return (knownFrom, latest, first.Reason == Legal.ReasonForNewEpisode.S ? first.Start : null);
    }

    /// <summary>The explained path, for short-break periods: the schedule decides whether reg 48 applies, and every flag is one of its findings.</summary>
    private static void Explained(in ChildView view, WeeklyRun run, List<CaseloadFlag> flags)
    {
        ChildCase child = view.Child;
        LocalDate asOf = view.AsOf;
        CarePeriod period = ToCarePeriod(view);
        ReviewTimeline timeline = ReviewSchedule.Evaluate(period, asOf, run.Policy, run.Calendar);
        if (timeline.Next.Timeliness == Timeliness.Overdue || (timeline.Next.Timeliness == Timeliness.NotYetDue && run.DueSoon(asOf, timeline.NextDueBy)))
        {
            WeeklyRun.Add(flags, view, timeline.Next.Timeliness == Timeliness.Overdue ? FlagStatus.Overdue : FlagStatus.DueSoon, timeline.NextDueBy, timeline.NextFinding);
        }

        if (timeline.Reviews.Count > 0 && timeline.Reviews[^1].IroVisit is { Outcome: Outcome.NotMet } visit)
        {
            WeeklyRun.Add(flags, view, FlagStatus.Flag, timeline.Reviews[^1].HeldOn, visit);
        }

        if (child.TracksReviewRecords)
        {
            foreach (HeldReview held in timeline.Reviews)
            {
                var record = new ReviewSchedule.RecordStatus(held.RecommendationsDueBy, held.MinutesDueBy, held.Recommendations, held.Minutes, held.Record);
                if (record.EarliestOverdue is LocalDate due)
                {
                    WeeklyRun.Add(flags, view, FlagStatus.Overdue, due, held.Record);
                }
            }
        }
    }

    /// <summary>The current period of care as the schedule takes it, as known on the as-of date.</summary>
    internal static CarePeriod ToCarePeriod(in ChildView view)
    {
        ChildCase child = view.Child;
        LocalDate asOf = view.AsOf;
        LocalDate start = view.PeriodStart;
        Review[] reviews = view.PeriodReviews.ToArray().Select(r => new Review(r.Date)
        {
            ChildRefusedIroVisit = r.ChildRefusedIroVisit,
            RecommendationsOn = r.RecommendationsOn > asOf ? null : r.RecommendationsOn,
            MinutesOn = r.MinutesOn > asOf ? null : r.MinutesOn,
        }).ToArray();
        var breaks = new List<ShortBreak>();
        for (int i = view.First; view.ShortBreakPeriod && i <= view.Last; i++)
        {
            Legal.Episode e = child.SortedEpisodes[i];
            LocalDate stop = e.End is LocalDate end && end <= asOf ? end : asOf;
            breaks.Add(e.LegalStatus == Legal.LegalStatus.V4 || stop <= e.Start ? new ShortBreak(e.Start, e.Start) : new ShortBreak(e.Start, stop.PlusDays(-1)));
        }

        return new CarePeriod(start, reviews)
        {
            ShortBreaks = breaks,
            IroVisits = child.SortedIroVisits?.Where(v => v >= start && v <= asOf).ToArray(),
            TracksReviewRecords = child.TracksReviewRecords,
        };
    }
}
