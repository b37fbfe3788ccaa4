using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Iro.Rules.Calendars;
using Iro.Rules.Escalation;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using Iro.Rules.Legal;
using Iro.Rules.LeavingCare;
using Iro.Rules.Participation;
using Iro.Rules.Permanence;
using Iro.Rules.Reviews;
using Iro.Rules.Secure;
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

/// <summary>How many children a bulk run read, evaluated and could not evaluate, and how many flags it wrote.</summary>
/// <param name="Read">Children read.</param>
/// <param name="Evaluated">Children evaluated.</param>
/// <param name="NotEvaluated">Children not evaluated (each reported with every reason).</param>
/// <param name="Flags">Flags written.</param>
public readonly record struct CaseloadTotals(int Read, int Evaluated, int NotEvaluated, int Flags);

/// <summary>Evaluates a caseload as of a date: the weekly flag list, child by child, streaming, optionally in parallel.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. Rules: REV-1 to REV-3 (next review overdue or due soon; REV-1 is the first review
/// due), REV-9 (short breaks), REV-6 (recommendations and minutes overdue, when the record tracks them), REV-10 (IRO
/// visit before the latest review, when visits are recorded), PAR-1 (PN code missing or wrong for age), LOC-1 (s20 over
/// 3 months; repeat entries), LOC-2 to LOC-4, LC-5 (pathway plan), LEG-1 (SSDA903 duration limits), SEC-2 to SEC-5
/// (secure accommodation, when recorded) and DRP-1 (escalations, when recorded). A child that fails
/// <see cref="ChildCaseValidator"/> is returned as not evaluated with every reason: children in = evaluated + not evaluated.</para>
/// <para>Bulk work: <see cref="EvaluateInto"/> and <see cref="EvaluateIntoParallel"/> write only the flags (and the
/// children not evaluated) into the caller's collections and allocate nothing per child on the common path apart from
/// the flags they return; <see cref="Evaluate"/> also returns one <see cref="ChildEvaluation"/> per child. Parallel
/// evaluation returns the same results in the same order as sequential.</para>
/// </remarks>
public sealed class CaseloadEvaluator
{
    private const int ChunkSize = 16_384;

    private static readonly int DurationLimitMask = Bit(LegalStatus.L1) | Bit(LegalStatus.L2) | Bit(LegalStatus.L3) | Bit(LegalStatus.J2) | Bit(LegalStatus.V3);
    private static readonly int ShortBreakMask = Bit(LegalStatus.V3) | Bit(LegalStatus.V4);

    [ThreadStatic]
    private static List<CaseloadFlag>? scratch;

    private readonly int section20Mask;

    /// <summary>An evaluator.</summary>
    /// <param name="policy">The local policy; the default when null.</param>
    /// <param name="calendar">The working-day calendar; England and Wales when null.</param>
    /// <param name="dueSoonDays">How many days ahead a due date counts as due soon (default 14).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueSoonDays"/> is negative or over 366.</exception>
    public CaseloadEvaluator(LocalPolicy? policy = null, WorkingDayCalendar? calendar = null, int dueSoonDays = 14)
    {
        Preconditions.CheckRange(dueSoonDays, 0, 366, nameof(dueSoonDays));
        Policy = policy ?? LocalPolicy.Default;
        foreach (LegalStatus status in Policy.Section20LegalStatuses)
        {
            section20Mask |= Bit(status);
        }

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
        return Iterate(children, asOf);
    }

    /// <summary>Evaluates children in parallel; the results come back in input order, the same as <see cref="Evaluate"/>.</summary>
    /// <param name="children">The children.</param>
    /// <param name="asOf">The date of the list.</param>
    /// <param name="degreeOfParallelism">The number of threads; all cores when null.</param>
    /// <returns>One evaluation per child, in input order.</returns>
    public IEnumerable<ChildEvaluation> EvaluateParallel(IEnumerable<ChildCase> children, LocalDate asOf, int? degreeOfParallelism = null)
    {
        Preconditions.CheckNotNull(children, nameof(children));
        return children.AsParallel().AsOrdered().WithDegreeOfParallelism(Workers(degreeOfParallelism)).Select(c => EvaluateChild(c, asOf));
    }

    /// <summary>
    /// Evaluates children one at a time and writes the weekly flag list into <paramref name="flags"/> and each child
    /// not evaluated into <paramref name="notEvaluated"/>: the bulk path, which allocates nothing per child apart from
    /// the flags (and the reports of children not evaluated).
    /// </summary>
    /// <param name="children">The children, streamed.</param>
    /// <param name="asOf">The date of the list.</param>
    /// <param name="flags">Receives the flags, child by child in input order.</param>
    /// <param name="notEvaluated">Receives each child not evaluated, with every reason, in input order.</param>
    /// <returns>The totals: read = evaluated + not evaluated.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CaseloadTotals EvaluateInto(IEnumerable<ChildCase> children, LocalDate asOf, ICollection<CaseloadFlag> flags, ICollection<ChildEvaluation> notEvaluated)
    {
        Preconditions.CheckNotNull(children, nameof(children));
        Preconditions.CheckNotNull(flags, nameof(flags));
        Preconditions.CheckNotNull(notEvaluated, nameof(notEvaluated));
        int read = 0, rejected = 0, before = flags.Count;
        foreach (ChildCase child in children)
        {
            read++;
            if (!TryEvaluate(child, asOf, flags))
            {
                rejected++;
                notEvaluated.Add(EvaluateChild(child, asOf));
            }
        }

        return new CaseloadTotals(read, read - rejected, rejected, flags.Count - before);
    }

    /// <summary>
    /// As <see cref="EvaluateInto"/>, on several threads: the children are read in chunks, each chunk is shared out
    /// between the threads, and the flags are written in input order, the same as sequential. Memory stays flat: one
    /// chunk is held at a time.
    /// </summary>
    /// <param name="children">The children, streamed.</param>
    /// <param name="asOf">The date of the list.</param>
    /// <param name="flags">Receives the flags, in input order.</param>
    /// <param name="notEvaluated">Receives each child not evaluated, in input order.</param>
    /// <param name="degreeOfParallelism">The number of threads; all cores when null.</param>
    /// <returns>The totals.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreeOfParallelism"/> is less than 1.</exception>
    public CaseloadTotals EvaluateIntoParallel(
        IEnumerable<ChildCase> children, LocalDate asOf, ICollection<CaseloadFlag> flags, ICollection<ChildEvaluation> notEvaluated, int? degreeOfParallelism = null)
    {
        Preconditions.CheckNotNull(children, nameof(children));
        Preconditions.CheckNotNull(flags, nameof(flags));
        Preconditions.CheckNotNull(notEvaluated, nameof(notEvaluated));
        int workers = Workers(degreeOfParallelism);
        if (workers == 1)
        {
            return EvaluateInto(children, asOf, flags, notEvaluated);
        }

        // Each chunk is cut into stripes, more than there are threads, so a thread that is held up does not hold
        // up the others; each stripe's flags are kept apart and written out in stripe order.
        var chunk = new ChildCase[ChunkSize];
        int stripes = workers * 8;
        var parts = new List<CaseloadFlag>[stripes];
        var rejectedParts = new List<ChildEvaluation>[stripes];
        for (int w = 0; w < stripes; w++)
        {
            parts[w] = new List<CaseloadFlag>();
            rejectedParts[w] = new List<ChildEvaluation>();
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = workers };
        int read = 0, rejected = 0, written = 0;
        using IEnumerator<ChildCase> source = children.GetEnumerator();
        while (true)
        {
            int n = 0;
            while (n < chunk.Length && source.MoveNext())
            {
                chunk[n++] = source.Current;
            }

            if (n == 0)
            {
                break;
            }

            Parallel.For(0, stripes, options, w =>
            {
                for (int i = n * w / stripes, to = n * (w + 1) / stripes; i < to; i++)
                {
                    if (!TryEvaluate(chunk[i], asOf, parts[w]))
                    {
                        rejectedParts[w].Add(EvaluateChild(chunk[i], asOf));
                    }
                }
            });
            for (int w = 0; w < stripes; w++)
            {
                foreach (CaseloadFlag f in parts[w])
                {
                    flags.Add(f);
                }

                foreach (ChildEvaluation e in rejectedParts[w])
                {
                    notEvaluated.Add(e);
                }

                written += parts[w].Count;
                rejected += rejectedParts[w].Count;
                parts[w].Clear();
                rejectedParts[w].Clear();
            }

            read += n;
            Array.Clear(chunk, 0, n);
        }

        return new CaseloadTotals(read, read - rejected, rejected, written);
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

        List<CaseloadFlag> found = scratch ??= new List<CaseloadFlag>();
        found.Clear();
        if (!TryEvaluate(child, asOf, found))
        {
            var validation = ChildCaseValidator.Instance.Validate(child);
            return new ChildEvaluation(child.Id, Array.Empty<CaseloadFlag>(), validation.Errors.Select(e => $"{e.ErrorCode}: {e.ErrorMessage}").ToArray());
        }

        CaseloadFlag[] result = found.Count == 0 ? Array.Empty<CaseloadFlag>() : found.ToArray();
        found.Clear();
        return new ChildEvaluation(child.Id, result, Array.Empty<string>());
    }

    private static int Workers(int? degreeOfParallelism)
    {
        int workers = degreeOfParallelism ?? Environment.ProcessorCount;
        Preconditions.CheckRange(workers, 1, 512, nameof(degreeOfParallelism));
        return workers;
    }

    private IEnumerable<ChildEvaluation> Iterate(IEnumerable<ChildCase> children, LocalDate asOf)
    {
        foreach (ChildCase child in children)
        {
            yield return EvaluateChild(child, asOf);
        }
    }

    /// <summary>The evaluation core: writes the child's flags, or returns false (writing nothing) if the record is not valid.</summary>
    private bool TryEvaluate(ChildCase? child, LocalDate asOf, ICollection<CaseloadFlag> flags)
    {
        // The quick check passes almost every valid record without allocating; the full validator decides the rest.
        if (child is null || !(ChildCaseValidator.PassesQuickly(child) || ChildCaseValidator.Instance.Validate(child).IsValid))
        {
            return false;
        }

        // The screens compare day numbers and the record's legal-status mask; the explained paths run only for a flag.
        Episode[] episodes = child.SortedEpisodes;
        int asOfDay = ChildCase.DayNumber(asOf);
        (int first, int last) = CurrentPeriod(child, asOfDay);
        if (first >= 0)
        {
            ReviewFlags(child, first, last, asOf, asOfDay, flags);
            if ((child.StatusMask & section20Mask) != 0)
            {
                Section20Flags(child, episodes, asOf, flags);
            }

            AdoptionFlags(child, asOf, flags);
            if (asOfDay - child.BirthDay >= 16 * 365) // 16 years are at least 16 x 365 days
            {
                PathwayPlanFlag(child, asOf, flags);
            }
        }

        ParticipationFlags(child, asOf, asOfDay, flags);
        if ((child.StatusMask & DurationLimitMask) != 0 && HasDurationBreach(episodes, asOf))
        {
            DurationFlags(child, asOf, flags);
        }

        if (child.HasSecure)
        {
            SecureFlags(child, asOf, flags);
        }

        if (child.Escalations is { Count: > 0 })
        {
            EscalationFlags(child, asOf, flags);
        }

        return true;
    }

    /// <summary>LEG-1, the explained path for a child the screen found (a lambda's closure here allocates only for such children).</summary>
    private static void DurationFlags(ChildCase child, LocalDate asOf, ICollection<CaseloadFlag> flags)
    {
        // Only what was known on asOf: an episode ending later is still open then.
        IEnumerable<Episode> known = child.SortedEpisodes.Where(e => e.Start <= asOf).Select(e => e.End > asOf ? e with { End = null } : e);
        foreach ((LocalDate from, Finding f) in Episodes.DurationBreaches(known, asOf))
        {
            flags.Add(new CaseloadFlag(child.Id, f.Rule, FlagStatus.Flag, from, f.Summary));
        }
    }

    /// <summary>The episode indexes of the period of care covering the as-of day number, or (-1, -1); as <see cref="Episodes.SplitIntoPeriods"/> splits them.</summary>
    internal static (int First, int Last) CurrentPeriod(ChildCase child, int asOfDay)
    {
        Episode[] episodes = child.SortedEpisodes;
        int[] starts = child.EpisodeStartDays, ends = child.EpisodeEndDays;
        ulong periodStarts = child.PeriodStartBits;
        int periodFirst = 0;
        (int First, int Last) current = (-1, -1);
        for (int i = 1; i <= episodes.Length; i++)
        {
            if (i == episodes.Length || (i < 64 ? (periodStarts & (1UL << i)) != 0 : Episodes.StartsNewPeriod(episodes, i)))
            {
                if (starts[periodFirst] <= asOfDay && asOfDay < ends[i - 1])
                {
                    current = (periodFirst, i - 1);
                }

                periodFirst = i;
            }
        }

        return current;
    }

    private void ReviewFlags(ChildCase child, int first, int last, LocalDate asOf, int asOfDay, ICollection<CaseloadFlag> flags)
    {
        Episode[] episodes = child.SortedEpisodes;
        int periodStartDay = child.EpisodeStartDays[first];
        if (periodStartDay < ReviewsFromDay)
        {
            return;
        }

        LocalDate periodStart = LocalDate.FromDateOnly(DateOnly.FromDayNumber(periodStartDay));
        CaseReview[] all = child.SortedReviews;
        int[] days = child.ReviewDays;
        int from = 0;
        while (from < days.Length && days[from] < periodStartDay)
        {
            from++;
        }

        int to = from;
        while (to < days.Length && days[to] <= asOfDay)
        {
            to++;
        }

        int count = to - from;
        Span<LocalDate> reviews = count <= 64 ? stackalloc LocalDate[count] : new LocalDate[count];
        for (int i = 0; i < count; i++)
        {
            reviews[i] = all[from + i].Date;
        }

        Span<ReviewCheck> checks = count <= 64 ? stackalloc ReviewCheck[count] : new ReviewCheck[count];
        bool shortBreaks = Policy.TreatV3V4AsShortBreaks && (child.StatusMask & ShortBreakMask) != 0 && AllShortBreaks(episodes, first, last);
        ReviewStatus status;
        try
        {
            status = shortBreaks
                ? ShortBreakTimetable(episodes, first, last, reviews.ToArray(), asOf)
                : ReviewSchedule.CheckSorted(periodStart, reviews, asOf, checks, Calendar, Policy);
        }
        catch (ArgumentOutOfRangeException)
        {
            return; // a deadline beyond the supported range (2100): nothing to flag this week
        }

        bool overdue = status.IsOverdue;
        if (overdue || Period.DaysBetween(asOf, status.NextDueBy) <= DueSoonDays)
        {
            RuleId rule = shortBreaks ? RuleId.ShortBreaks : status.NextNumber == 1 ? RuleId.FirstReview : status.NextNumber == 2 ? RuleId.SecondReview : RuleId.SubsequentReview;
            string basis = status.NextNumber == 1
                ? (shortBreaks ? $"3 months after the first short break on {DateFormat.Iso(periodStart)}" : $"20 working days after the child became looked after on {DateFormat.Iso(periodStart)}")
                : $"{(status.NextNumber == 2 && !shortBreaks ? 3 : 6)} months after review {status.NextNumber - 1} on {DateFormat.Iso(reviews[^1])}";
            flags.Add(overdue
                ? new CaseloadFlag(child.Id, rule, FlagStatus.Overdue, status.NextDueBy,
                    $"Review {status.NextNumber} was due by {DateFormat.Iso(status.NextDueBy)} ({basis}); overdue by {Deadline.Plural(Period.DaysBetween(status.NextDueBy, asOf), "day")}.")
                : new CaseloadFlag(child.Id, rule, FlagStatus.DueSoon, status.NextDueBy,
                    $"Review {status.NextNumber} is due by {DateFormat.Iso(status.NextDueBy)} ({basis})."));
        }

        if (child.SortedIroVisits is { } visits && count > 0)
        {
            LocalDate latest = reviews[^1];
            (LocalDate? seen, LocalDate windowFrom, LocalDate through) = ReviewSchedule.VisitBefore(latest, latest, visits, Policy);
            if (seen is null)
            {
                flags.Add(new CaseloadFlag(child.Id, RuleId.IroVisit, FlagStatus.Flag, latest,
                    $"No IRO visit in the {Policy.IroVisitWindowDays} days before review {count} on {DateFormat.Iso(latest)} ({DateFormat.Iso(windowFrom)} to {DateFormat.Iso(through)})."));
            }
        }

        if (child.TracksReviewRecords)
        {
            for (int i = from; i < to; i++)
            {
                RecordFlag(child, all[i], i - from + 1, "recommendations", all[i].RecommendationsOn, Policy.RecommendationsDueWorkingDays, asOf, flags);
                RecordFlag(child, all[i], i - from + 1, "minutes", all[i].MinutesOn, Policy.MinutesDueWorkingDays, asOf, flags);
            }
        }
    }

    /// <summary>REV-6: a review's recommendations or minutes not sent by the local deadline.</summary>
    private void RecordFlag(ChildCase child, CaseReview review, int number, string what, LocalDate? sentOn, int workingDays, LocalDate asOf, ICollection<CaseloadFlag> flags)
    {
        if ((sentOn is LocalDate sent && sent <= asOf) || !Policy.TryAddWorkingDays(Calendar, review.Date, workingDays, out LocalDate due) || asOf <= due)
        {
            return;
        }

        flags.Add(new CaseloadFlag(child.Id, RuleId.ReviewRecord, FlagStatus.Overdue, due,
            $"The {what} of review {number} on {DateFormat.Iso(review.Date)} were due by {DateFormat.Iso(due)} ({Deadline.Plural(workingDays, "working day")}, local policy) and have not been sent; overdue by {Deadline.Plural(Period.DaysBetween(due, asOf), "day")}."));
    }

    private static bool AllShortBreaks(Episode[] episodes, int first, int last)
    {
        for (int i = first; i <= last; i++)
        {
            if (!LegalStatuses.IsShortBreak(episodes[i].LegalStatus))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>REV-9: a period of V3/V4 short breaks follows reg 48's timetable (through the explained schedule, as such children are few).</summary>
    private ReviewStatus ShortBreakTimetable(Episode[] episodes, int first, int last, LocalDate[] reviews, LocalDate asOf)
    {
        // V3 episodes are the individual breaks; a V4 episode records the agreement, not the stays, so its breaks
        // cannot be measured and the policy's TreatV3V4AsShortBreaks stands for the reg 48 conditions.
        var breaks = episodes[first..(last + 1)]
            .Where(e => e.Start <= asOf)
            .Select(e => e.LegalStatus == LegalStatus.V4
                ? new ShortBreak(e.Start, e.Start)
                : new ShortBreak(e.Start, (e.End is LocalDate end && end <= asOf ? end : asOf) is LocalDate stop && stop > e.Start ? stop.PlusDays(-1) : e.Start))
            .ToArray();
        var carePeriod = new CarePeriod(episodes[first].Start, reviews) { ShortBreaks = breaks };
        ReviewTimeline timeline = ReviewSchedule.Evaluate(carePeriod, asOf, Policy, Calendar);
        return new ReviewStatus(timeline.Reviews.Count, timeline.Reviews.Count(r => !r.OnTime), timeline.NextNumber, timeline.NextDueBy, timeline.IsOverdue);
    }

    private void Section20Flags(ChildCase child, Episode[] episodes, LocalDate asOf, ICollection<CaseloadFlag> flags)
    {
        // Allocation-free screen: the child is flagged, or is in s20 now with an earlier entry into s20 (a repeat entry).
        bool flagged = Section20.IsFlagged(episodes, asOf, Policy);
        if (!flagged && !InSection20WithRepeatEntry(episodes, asOf))
        {
            return;
        }

        Section20Status s20 = Section20.Assess(KnownBy(episodes, asOf), asOf, Policy);
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

    private static IEnumerable<Episode> KnownBy(Episode[] episodes, LocalDate asOf) => episodes.Where(e => e.Start <= asOf);

    /// <summary>Whether an s20 episode covers <paramref name="asOf"/> and the child entered s20 more than once by then (runs as <see cref="Episodes.Runs"/> finds them).</summary>
    private bool InSection20WithRepeatEntry(Episode[] episodes, LocalDate asOf)
    {
        int entries = 0;
        bool now = false;
        for (int i = 0; i < episodes.Length && episodes[i].Start <= asOf; i++)
        {
            Episode e = episodes[i];
            if (!LegalStatuses.IsSection20(e.LegalStatus, Policy))
            {
                continue;
            }

            bool continues = i > 0 && !Episodes.StartsNewPeriod(episodes, i) && LegalStatuses.IsSection20(episodes[i - 1].LegalStatus, Policy);
            entries += continues ? 0 : 1;
            now |= e.Covers(asOf);
        }

        return now && entries > 1;
    }

    private void AdoptionFlags(ChildCase child, LocalDate asOf, ICollection<CaseloadFlag> flags)
    {
        if (!Policy.AdoptionFlagsEnabled)
        {
            return;
        }

        // Each finding is built only when its threshold has passed (the allocation-free screen); the finding decides.
        if (child.PlacementOrderOn is LocalDate order && asOf > CalendarMonths.Add(order, Policy.PlacementOrderFlagMonths))
        {
            Add(PermanenceFlags.PlacementOrderDuration(order, null, asOf, Policy), order); // an adopted child has left care, so no end date is needed here
        }

        LocalDate? waitStart = Policy.WaitStart == AdoptionWaitStart.AdmDecision ? child.ShouldBePlacedForAdoptionOn ?? child.PlacementOrderOn : child.PlacementOrderOn;
        if (waitStart is LocalDate start && asOf > CalendarMonths.Add(start, Policy.AdoptionWaitFlagMonths))
        {
            Add(PermanenceFlags.AdoptionWait(child.ShouldBePlacedForAdoptionOn, child.PlacementOrderOn, child.PlacedForAdoptionOn, asOf, Policy), start);
        }

        if (child.PlacedForAdoptionOn is LocalDate placedOn && asOf > Weeks.After(placedOn, Policy.PlacedForAdoptionFlagWeeks))
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

    private void PathwayPlanFlag(ChildCase child, LocalDate asOf, ICollection<CaseloadFlag> flags)
    {
        // Screen: only a young person past 16y3m and under 18 without a plan can be flagged; the finding decides.
        LocalDate requiredFrom = CareLeavers.PathwayPlanRequiredFrom(child.DateOfBirth, Policy);
        if (asOf < requiredFrom || (child.PathwayPlanOn is LocalDate made && made <= asOf)
            || asOf >= Age.AnniversaryTrusted(child.DateOfBirth, 18, Policy.LeapDayBirthday))
        {
            return;
        }

        var facts = new CareLeaverFacts(child.DateOfBirth, child.Episodes);
        Finding f = CareLeavers.PathwayPlanInPlace(facts, null, asOf, Policy);
        if (f.Outcome == Outcome.NotMet)
        {
            flags.Add(new CaseloadFlag(child.Id, f.Rule, FlagStatus.Overdue, requiredFrom, f.Summary));
        }
    }

    private void ParticipationFlags(ChildCase child, LocalDate asOf, int asOfDay, ICollection<CaseloadFlag> flags)
    {
        CaseReview[] reviews = child.SortedReviews;
        int[] days = child.ReviewDays;
        LocalDate fourth = ParticipationCodes.FourthBirthday(child.DateOfBirth, Policy);
        for (int i = 0; i < reviews.Length && days[i] <= asOfDay; i++)
        {
            CaseReview r = reviews[i];
            if (r.Code is not ParticipationCode code)
            {
                flags.Add(new CaseloadFlag(child.Id, RuleId.Participation, FlagStatus.Flag, r.Date,
                    $"No participation code recorded for the review on {DateFormat.Iso(r.Date)}: every review needs one of PN0-PN7 (PAR-1)."));
            }
            else if (days[i] >= child.BirthDay && !ParticipationCodes.IsValidGivenFourthBirthday(code, fourth, r.Date, Policy))
            {
                flags.Add(new CaseloadFlag(child.Id, RuleId.Participation, FlagStatus.Flag, r.Date,
                    ParticipationCodes.Validate(code, child.DateOfBirth, r.Date, Policy).Summary));
            }
        }
    }

    private static readonly int ReviewsFromDay = ChildCase.DayNumber(ChildCaseValidator.ReviewsFrom);

    private static int Bit(LegalStatus status) => 1 << ((int)status & 31);

    /// <summary>An allocation-free screen for <see cref="Episodes.DurationBreaches"/> over the episodes known on <paramref name="asOf"/>: true if any limit may be broken.</summary>
    internal static bool HasDurationBreach(Episode[] episodes, LocalDate asOf)
    {
        int v3Year = int.MinValue, v3Days = 0;
        for (int i = 0; i < episodes.Length && episodes[i].Start <= asOf; i++)
        {
            Episode e = episodes[i];
            int limit = Episodes.DurationLimit(e.LegalStatus);
            if (limit < 0)
            {
                continue;
            }

            // Back-to-back episodes of the same status add up (V3's 17 days are per episode; its yearly total is below).
            LocalDate runStart = e.Start;
            int j = i;
            while (e.LegalStatus != LegalStatus.V3 && j > 0 && !Episodes.StartsNewPeriod(episodes, j) && episodes[j - 1].LegalStatus == e.LegalStatus)
            {
                runStart = episodes[--j].Start;
            }

            LocalDate end = e.End is LocalDate known && known <= asOf ? known : (asOf > e.Start ? asOf : e.Start);
            if (Period.DaysBetween(runStart, end) > limit)
            {
                return true;
            }

            if (e.LegalStatus == LegalStatus.V3)
            {
                for (LocalDate from = e.Start; from < end;)
                {
                    var year = ReportingYear.Of(from);
                    LocalDate next = end <= year.End ? end : year.End.PlusDays(1);
                    v3Days = year.StartYear == v3Year ? v3Days + Period.DaysBetween(from, next) : Period.DaysBetween(from, next);
                    v3Year = year.StartYear;
                    if (v3Days > Episodes.ShortBreakYearDays)
                    {
                        return true;
                    }

                    from = next;
                }
            }
        }

        return false;
    }

    /// <summary>SEC-2 (72 hours without court authority), SEC-4 (order length) and SEC-5 (reviews of the current secure placement), from what the record holds.</summary>
    private void SecureFlags(ChildCase child, LocalDate asOf, ICollection<CaseloadFlag> flags)
    {
        LocalDateTime endOfDay = asOf.PlusDays(1).AtMidnight();
        IReadOnlyList<SecureOrder> orders = child.SecureOrders ?? Array.Empty<SecureOrder>();
        foreach (SecureOrder order in orders)
        {
            if (order.Start <= asOf && SecureAccommodation.AssessOrder(order) is { Outcome: Outcome.NotMet } f)
            {
                flags.Add(new CaseloadFlag(child.Id, f.Rule, FlagStatus.Flag, order.Start, f.Summary));
            }
        }

        if (child.SecureStays is not { Count: > 0 } stays)
        {
            return;
        }

        var placed = stays.Where(s => s.Start < endOfDay)
            .Select(s => SecureInterval.InLondon(s.Start, s.End is LocalDateTime end && end < endOfDay ? end : endOfDay))
            .ToArray();
        var authorised = orders.Where(o => o.Start <= asOf).Select(o => SecureInterval.InLondon(o.Start.AtMidnight(), o.End.PlusDays(1).AtMidnight())).ToArray();
        SecureTimeResult time = SecureTimeLimit.Assess(placed, authorised, Policy);
        if (!time.IsWithinLimit)
        {
            LocalDate reached = time.LimitReachedAt is Instant at ? at.InZone(SecureInterval.London).Date : asOf;
            flags.Add(new CaseloadFlag(child.Id, time.Finding.Rule, FlagStatus.Flag, reached, time.Finding.Summary));
        }

        SecureStay current = stays.LastOrDefault(s => s.Start.Date <= asOf);
        if (current != default && (current.End is not LocalDateTime left || left.Date > asOf))
        {
            LocalDate placedOn = current.Start.Date;
            SecureReviewTimeline reviews = SecureAccommodation.Reviews(placedOn, (child.SecureReviews ?? Array.Empty<SecureReview>()).Where(r => r.HeldOn >= placedOn && r.HeldOn <= asOf), asOf);
            if (reviews.Next.Timeliness == Timeliness.Overdue || Period.DaysBetween(asOf, reviews.NextDueBy) <= DueSoonDays)
            {
                flags.Add(new CaseloadFlag(child.Id, RuleId.SecureReview, reviews.Next.Timeliness == Timeliness.Overdue ? FlagStatus.Overdue : FlagStatus.DueSoon,
                    reviews.NextDueBy, reviews.NextFinding.Summary));
            }

            foreach (SecureReviewOutcome r in reviews.Reviews.Where(static r => !r.PanelMeetsRegulations))
            {
                flags.Add(new CaseloadFlag(child.Id, RuleId.SecureReview, FlagStatus.Flag, r.Review.HeldOn, r.Finding.Summary));
            }
        }
    }

    /// <summary>DRP-1: an open escalation past its deadline (overdue) or near it (due soon), from the facts known on <paramref name="asOf"/>.</summary>
    private void EscalationFlags(ChildCase child, LocalDate asOf, ICollection<CaseloadFlag> flags)
    {
        IReadOnlyList<DisputeEscalation> escalations = child.Escalations ?? Array.Empty<DisputeEscalation>();
        for (int i = 0; i < escalations.Count; i++)
        {
            if (escalations[i].ResolvedOn <= asOf)
            {
                continue; // resolved by the date of the list: nothing open
            }

            DisputeEscalation? known = KnownOn(escalations[i], asOf);
            if (known is null || known.ResolvedOn is not null)
            {
                continue;
            }

            EscalationAssessment assessment;
            try
            {
                assessment = DisputeResolution.Assess(known, asOf, Policy, Calendar);
            }
            catch (ArgumentException e)
            {
                flags.Add(new CaseloadFlag(child.Id, RuleId.DisputeResolution, FlagStatus.Flag, known.Steps.Min(s => s.RaisedOn),
                    "Escalation could not be assessed: " + e.Message.Split(" (Parameter", StringSplitOptions.None)[0]));
                continue;
            }

            Deadline overall = assessment.Overall;
            if (overall.Timeliness == Timeliness.Overdue)
            {
                flags.Add(new CaseloadFlag(child.Id, RuleId.DisputeResolution, FlagStatus.Overdue, overall.DueBy, assessment.Findings[0].Summary));
            }
            else if (overall.Timeliness == Timeliness.NotYetDue && Period.DaysBetween(asOf, overall.DueBy) <= DueSoonDays)
            {
                flags.Add(new CaseloadFlag(child.Id, RuleId.DisputeResolution, FlagStatus.DueSoon, overall.DueBy, assessment.Findings[0].Summary));
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
