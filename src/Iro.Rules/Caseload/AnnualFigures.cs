using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iro.Rules.Calendars;
using Iro.Rules.Escalation;
using Iro.Rules.Internal;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Reviews;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Caseload;

/// <summary>One published figure with its numerator and denominator, so a reader can check it.</summary>
/// <param name="Key">A stable key, for example <c>reviews_on_time</c>.</param>
/// <param name="Description">What it counts.</param>
/// <param name="Numerator">The count.</param>
/// <param name="Denominator">What it is out of (0 for a plain count).</param>
/// <param name="Rule">The rule id (docs/rules.md) the figure rests on.</param>
public sealed record Figure(string Key, string Description, int Numerator, int Denominator, string Rule)
{
    /// <summary>Whether the figure is a share ("n of d"), as opposed to a plain count; a share of nothing (0 of 0) is still a share.</summary>
    public bool IsRatio { get; init; }

    /// <summary>Whether the source records what the figure counts; when false the figure is "not recorded in this source", never 0 or 0%.</summary>
    /// <remarks>Rule 903-W: the SSDA903 return records no IRO visits, permanence plans, pathway plans, escalations or review records.</remarks>
    public bool Recorded { get; init; } = true;

    /// <summary>How many items could not be determined from the data (for example, reviews whose due date needs an earlier review the source does not hold, 903-W); they are in neither the numerator nor the denominator.</summary>
    public int NotDetermined { get; init; }

    /// <summary>The percentage (0-100), or <see langword="null"/> for a plain count, an empty denominator or a figure not recorded.</summary>
    public decimal? Percent => !Recorded || Denominator == 0 ? null : Math.Round(100m * Numerator / Denominator, 1);

    /// <summary>Returns the figure as one line, for example "Reviews held on time: 1,234 of 1,287 (95.9%)", "... not recorded in this source" or "... 0 of 0 (none to count)".</summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        if (!Recorded)
        {
            return $"{Description}: not recorded in this source";
        }

        string value = !IsRatio ? Numerator.ToString("N0", CultureInfo.InvariantCulture)
            : Percent is decimal p ? $"{Numerator.ToString("N0", CultureInfo.InvariantCulture)} of {Denominator.ToString("N0", CultureInfo.InvariantCulture)} ({p.ToString("0.0", CultureInfo.InvariantCulture)}%)"
            : "0 of 0 (none to count)";
        return NotDetermined == 0 ? $"{Description}: {value}" : $"{Description}: {value}; {NotDetermined.ToString("N0", CultureInfo.InvariantCulture)} could not be determined from the data";
    }
}

/// <summary>The facts a source records beyond episodes and reviews, so that a figure it cannot support is reported as not recorded, not as 0.</summary>
[Flags]
public enum RecordedFacts
{
    /// <summary>None beyond episodes, reviews and PN codes (the SSDA903 return).</summary>
    None = 0,

    /// <summary>IRO visits (REV-10).</summary>
    IroVisits = 1,

    /// <summary>Permanence plans (REV-8).</summary>
    PermanencePlans = 2,

    /// <summary>Pathway plans (LC-5).</summary>
    PathwayPlans = 4,

    /// <summary>DRP escalations (DRP-1).</summary>
    Escalations = 8,

    /// <summary>When recommendations and minutes were sent (REV-6).</summary>
    ReviewRecords = 16,

    /// <summary>Secure stays, orders and reviews (SEC-2 to SEC-5).</summary>
    SecureAccommodation = 32,

    /// <summary>IRO allocations (IRO-1, IRO-3): <see cref="ChildCase.IroAllocations"/>; from SSDA903 folders, an <c>iro_allocations.csv</c>.</summary>
    IroAllocations = 64,

    /// <summary>Everything (a case management system's full record).</summary>
    All = IroVisits | PermanencePlans | PathwayPlans | Escalations | ReviewRecords | SecureAccommodation | IroAllocations,
}

/// <summary>The figures an IRO annual report publishes for a reporting year, each with its numerator and denominator.</summary>
/// <param name="Year">The reporting year.</param>
/// <param name="Figures">The figures.</param>
/// <param name="Participation">The PN0-PN7 table for reviews in the year.</param>
/// <param name="ChildrenRead">Children read.</param>
/// <param name="ChildrenUsed">Children evaluated (valid records).</param>
/// <param name="Rejected">The children not evaluated, with every reason.</param>
/// <param name="ReviewsByMonth">Reviews held and on time in each month of the year, April first.</param>
public sealed record CaseloadFigures(
    ReportingYear Year,
    IReadOnlyList<Figure> Figures,
    ParticipationYearSummary Participation,
    int ChildrenRead,
    int ChildrenUsed,
    IReadOnlyList<ChildEvaluation> Rejected,
    IReadOnlyList<MonthlyReviews> ReviewsByMonth)
{
    /// <summary>The figure with <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="KeyNotFoundException">No figure has that key.</exception>
    public Figure this[string key] => Figures.FirstOrDefault(f => f.Key == key) ?? throw new KeyNotFoundException($"No figure '{key}'.");
}

/// <summary>Reviews held in one month and how many were on time.</summary>
/// <param name="Month">The month.</param>
/// <param name="Held">Reviews held.</param>
/// <param name="OnTime">Of which on time.</param>
public readonly record struct MonthlyReviews(YearMonth Month, int Held, int OnTime);

/// <summary>Computes the annual-report figures for a reporting year (1 April to 31 March).</summary>
/// <remarks>
/// Rules REV-1 to REV-3 (review timeliness), PAR-1, LOC-1, REV-8, REV-10, LC-5. Figures: reviews held in the year and
/// the share on time (overall, first, second, subsequent); PN0-PN7; children looked after at the year end, starting
/// and ceasing in the year; the share under s20 at the year end and those over 3 months; permanence plans by the
/// second review; IRO visits in the window; pathway plans in place at the year end; DRP escalations raised, and those
/// resolved (or referred to Cafcass) in the year within the protocol's time; IRO-1: periods of care starting in the
/// year with an IRO allocated within the local time (dates only), and first reviews held in the year with an IRO
/// appointed before them (both over the children whose allocations are recorded). As the DfE's statistics do, periods made
/// only of short breaks (V3/V4) are left out of the looked-after, starting, ceasing and review-timeliness figures.
/// </remarks>
public static class AnnualFigures
{
    /// <summary>Computes the figures, streaming the children once.</summary>
    /// <param name="children">The caseload (anyone looked after at some time; the records are their complete histories).</param>
    /// <param name="year">The reporting year.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <param name="calendar">The calendar; England and Wales when null.</param>
    /// <param name="recorded">What the source records beyond episodes and reviews; a figure resting on anything else is "not recorded in this source". <see cref="RecordedFacts.All"/> by default; <see cref="RecordedFacts.None"/> for SSDA903 files.</param>
    /// <returns>The figures.</returns>
    /// <remarks>Rule 903-W: for a child whose <see cref="ChildCase.KnownFrom"/> is set, a review whose due date needs a
    /// review the source does not hold is counted as not determined, not as on time or late.</remarks>
    public static CaseloadFigures Compute(
        IEnumerable<ChildCase> children, ReportingYear year, LocalPolicy? policy = null, WorkingDayCalendar? calendar = null, RecordedFacts recorded = RecordedFacts.All)
    {
        Preconditions.CheckNotNull(children, nameof(children));
        var builder = new AnnualFiguresBuilder(year, policy, calendar, recorded);
        foreach (ChildCase child in children)
        {
            builder.Add(child);
        }

        return builder.Build();
    }
}

/// <summary>
/// The annual figures accumulated one child at a time, so that a job can compute them in the same pass as the weekly
/// flag list (see <see cref="AnnualFigures.Compute"/>, which is this builder over a sequence).
/// </summary>
/// <remarks>Not thread-safe: add children from one thread (the evaluator's <see cref="ICaseloadSink"/> is called so).
/// Rules as <see cref="AnnualFigures"/>.</remarks>
public sealed class AnnualFiguresBuilder
{
    private readonly ReportingYear year;
    private readonly LocalPolicy p;
    private readonly WorkingDayCalendar days;
    private readonly RecordedFacts recorded;
    private readonly CaseloadEvaluator evaluator;
    private readonly List<ChildEvaluation> rejected = new();
    private readonly int[] held = new int[4], onTime = new int[4]; // overall, first, second, subsequent
    private readonly List<ParticipationRecord> pn = new();
    private readonly int[] monthHeld = new int[12], monthOnTime = new int[12];
    private int read, used;
    private LocalDate[] dateBuffer = new LocalDate[16];
    private ReviewCheck[] checkBuffer = new ReviewCheck[16];
    private int atEnd, started, ceased, s20, s20Over, plan2nd, second, visits, visitReviews, pathwayDue, pathwayIn;
    private int escalationsRaised, escalationsEnded, escalationsInTime, notDetermined;
    private int iroStarted, iroInTime, iroNotDetermined, iroFirstReviews, iroBeforeFirstReview;

    /// <summary>A builder for one reporting year.</summary>
    /// <param name="year">The reporting year.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <param name="calendar">The calendar; England and Wales when null.</param>
    /// <param name="recorded">What the source records beyond episodes and reviews (<see cref="RecordedFacts"/>).</param>
    public AnnualFiguresBuilder(ReportingYear year, LocalPolicy? policy = null, WorkingDayCalendar? calendar = null, RecordedFacts recorded = RecordedFacts.All)
    {
        this.year = year;
        p = policy ?? LocalPolicy.Default;
        days = calendar ?? WorkingDayCalendar.EnglandAndWales;
        this.recorded = recorded;
        evaluator = new CaseloadEvaluator(p, days);
    }

    /// <summary>Adds one child (a record that fails validation is counted as read and reported, not used).</summary>
    /// <param name="child">The child.</param>
    public void Add(ChildCase child)
    {
        read++;
        if (child is null || !evaluator.Validator.IsValid(child))
        {
            rejected.Add(evaluator.EvaluateChild(child!, year.End));
            return;
        }

        used++;

        // The periods of care are cut from the record's sorted episodes in place (the split of Episodes.SplitIntoPeriods,
        // by the same Episodes.StartsNewPeriod), and each period's review dates go into buffers the builder keeps, so a
        // child costs no allocation here.
        Episode[] episodes = child.SortedEpisodes;
        CaseReview[] allReviews = child.SortedReviews;
        bool lookedAfterAtEnd = false;
        for (int from = 0, to; from < episodes.Length; from = to)
        {
            to = from + 1;
            while (to < episodes.Length && !Episodes.StartsNewPeriod(episodes, to))
            {
                to++;
            }

            LocalDate periodStart = episodes[from].Start;
            LocalDate? periodEnd = episodes[to - 1].End;

            // As the DfE's statistics do, a period made only of short breaks (V3/V4) is not counted as starting,
            // ending or being looked after; its reviews follow REV-9, not the REV-1 to REV-3 timetable.
            if (p.TreatV3V4AsShortBreaks && AllShortBreaks(episodes, from, to))
            {
                continue;
            }

            started += year.Contains(periodStart) ? 1 : 0;
            ceased += periodEnd is LocalDate end && year.Contains(end) ? 1 : 0;
            lookedAfterAtEnd |= periodStart <= year.End && (periodEnd is not LocalDate stop || year.End < stop);
            if (periodStart < ChildCaseValidator.ReviewsFrom || periodStart > year.End)
            {
                continue;
            }

            LocalDate until = periodEnd is LocalDate e && e < year.End ? e : year.End;
            if (child.KnownFrom is LocalDate knownFrom && (periodStart < knownFrom || episodes[from].Reason != ReasonForNewEpisode.S))
            {
                // 903-W: when the child became looked after, and its first review, may not be in the data.
                iroNotDetermined += child.IroAllocations is not null && year.Contains(periodStart) ? 1 : 0;

                // 903-W: the period is known only in part. The first review the source holds has an unknown due
                // date; later ones are 6-monthly (REV-3) only when reviews 1 and 2 were due before the window.
                ReadOnlySpan<LocalDate> known = ReviewDates(allReviews, knownFrom > periodStart ? knownFrom : periodStart, until);
                bool sixMonthly = episodes[from].Reason == ReasonForNewEpisode.S
                    && ReviewSchedule.TryFirstDueInRange(periodStart, days, p, out LocalDate firstDue) && CalendarMonths.Add(firstDue, 3) < knownFrom;
                for (int i = 0; i < known.Length; i++)
                {
                    if (!year.Contains(known[i]))
                    {
                        continue;
                    }

                    if (i == 0 || !sixMonthly)
                    {
                        notDetermined++;
                        continue;
                    }

                    bool inTime = known[i] <= CalendarMonths.Add(known[i - 1], 6);
                    int m = (known[i].Month + 8) % 12;
                    held[0]++;
                    held[3]++;
                    monthHeld[m]++;
                    monthOnTime[m] += inTime ? 1 : 0;
                    onTime[0] += inTime ? 1 : 0;
                    onTime[3] += inTime ? 1 : 0;
                }

                continue;
            }

            ReadOnlySpan<LocalDate> reviews = ReviewDates(allReviews, periodStart, until);
            if (child.IroAllocations is not null)
            {
                AddIroAppointment(child, periodStart, reviews.Length > 0 ? reviews[0] : null);
            }

            if (checkBuffer.Length < reviews.Length)
            {
                checkBuffer = new ReviewCheck[Math.Max(reviews.Length, 2 * checkBuffer.Length)];
            }

            Span<ReviewCheck> checks = checkBuffer.AsSpan(0, reviews.Length);
            try
            {
                ReviewSchedule.Check(periodStart, reviews, until, checks, days, p);
            }
            catch (ArgumentOutOfRangeException)
            {
                continue;
            }

            foreach (ReviewCheck c in checks)
            {
                if (!year.Contains(c.HeldOn))
                {
                    continue;
                }

                int bucket = c.Number == 1 ? 1 : c.Number == 2 ? 2 : 3;
                held[0]++;
                held[bucket]++;
                int month = (c.HeldOn.Month + 8) % 12; // April = 0
                monthHeld[month]++;
                monthOnTime[month] += c.OnTime ? 1 : 0;
                onTime[0] += c.OnTime ? 1 : 0;
                onTime[bucket] += c.OnTime ? 1 : 0;
                if (c.Number == 2)
                {
                    second++;
                    plan2nd += child.PermanencePlanAgreedOn is LocalDate agreed && agreed <= c.HeldOn ? 1 : 0;
                }

                if (child.IroVisits is { } v)
                {
                    visitReviews++;
                    visits += ReviewSchedule.VisitBefore(c.HeldOn, c.HeldOn, v, p, LocalDate.MinIsoValue).Visit is null ? 0 : 1;
                }
            }
        }

        foreach (CaseReview r in child.SortedReviews)
        {
            if (r.Code is ParticipationCode code && year.Contains(r.Date))
            {
                pn.Add(new ParticipationRecord(code, r.Date));
            }
        }

        if (lookedAfterAtEnd)
        {
            atEnd++;
            Episode? now = null;
            foreach (Episode x in episodes)
            {
                if (x.Covers(year.End))
                {
                    now = x;
                    break;
                }
            }

            if (now is not null && LegalStatuses.IsSection20(now.LegalStatus, p))
            {
                s20++;
                s20Over += Section20.IsFlagged(child.SortedEpisodes, year.End, p) ? 1 : 0;
            }

            if (year.End >= LeavingCare.CareLeavers.PathwayPlanRequiredFrom(child.DateOfBirth, p) && year.End < Age.AnniversaryTrusted(child.DateOfBirth, 18, p.LeapDayBirthday)
                && LeavingCare.CareLeavers.Classify(new LeavingCare.CareLeaverFacts(child.DateOfBirth, child.Episodes), year.End, p) == LeavingCare.CareLeaverStatus.Eligible)
            {
                pathwayDue++;
                pathwayIn += child.PathwayPlanOn is LocalDate plan && plan <= year.End ? 1 : 0;
            }
        }

        foreach (DisputeEscalation escalation in child.Escalations ?? Array.Empty<DisputeEscalation>())
        {
            DisputeEscalation? known = Escalation.EscalationWeekly.KnownOn(escalation, year.End);
            if (known is null)
            {
                continue;
            }

            escalationsRaised += year.Contains(known.Steps.Min(static s => s.RaisedOn)) ? 1 : 0;
            try
            {
                Deadline overall = DisputeResolution.Assess(known, year.End, p, days).Overall;
                if (overall.ActedOn is LocalDate ended && year.Contains(ended))
                {
                    escalationsEnded++;
                    escalationsInTime += overall.Timeliness == Timeliness.OnTime ? 1 : 0;
                }
            }
            catch (ArgumentException)
            {
                // A stage the protocol does not define: the evaluator's flag list reports it; it is not counted here.
            }
        }
    }

    /// <summary>Whether episodes [<paramref name="from"/>, <paramref name="to"/>) are all short breaks (V3/V4).</summary>
    private static bool AllShortBreaks(Episode[] episodes, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!LegalStatuses.IsShortBreak(episodes[i].LegalStatus))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The review dates from <paramref name="from"/> to <paramref name="until"/> (both included), in date
    /// order, in the builder's buffer (valid until the next call).</summary>
    private ReadOnlySpan<LocalDate> ReviewDates(CaseReview[] reviews, LocalDate from, LocalDate until)
    {
        if (dateBuffer.Length < reviews.Length)
        {
            dateBuffer = new LocalDate[Math.Max(reviews.Length, 2 * dateBuffer.Length)];
        }

        int n = 0;
        foreach (CaseReview r in reviews)
        {
            if (r.Date >= from && r.Date <= until)
            {
                dateBuffer[n++] = r.Date;
            }
        }

        return dateBuffer.AsSpan(0, n);
    }

    /// <summary>IRO-1 for one fully known period: allocated in time (a period starting in the year) and appointed before its first review (one held in the year).</summary>
    private void AddIroAppointment(ChildCase child, LocalDate start, LocalDate? firstReview)
    {
        if (year.Contains(start))
        {
            // Judged once the local deadline has passed (the year has ended, so the record holds it): the rule's own
            // test, without building a finding per period.
            LocalDate due = IroChecks.AllocationDueBy(start, p);
            iroStarted++;
            iroInTime += IroChecks.AllocatedBy(IroChecks.AllocationForPeriod(child, start, due)?.From, due) ? 1 : 0;
        }

        if (firstReview is LocalDate review && year.Contains(review))
        {
            iroFirstReviews++;
            iroBeforeFirstReview += IroChecks.AppointedBy(IroChecks.AllocationForPeriod(child, start, review)?.From, review) ? 1 : 0;
        }
    }

    /// <summary>The figures for the children added so far.</summary>
    /// <returns>The figures.</returns>
    public CaseloadFigures Build()
    {
        var figures = new List<Figure>
        {
            new("reviews_on_time", "Reviews held on time", onTime[0], held[0], "REV-1..REV-3") { IsRatio = true, NotDetermined = notDetermined },
            new("first_reviews_on_time", "First reviews on time (20 working days)", onTime[1], held[1], "REV-1") { IsRatio = true },
            new("second_reviews_on_time", "Second reviews on time (3 months)", onTime[2], held[2], "REV-2") { IsRatio = true },
            new("subsequent_reviews_on_time", "Later reviews on time (6 months)", onTime[3], held[3], "REV-3") { IsRatio = true },
            new("looked_after_at_year_end", "Children looked after at the year end", atEnd, 0, "LEG-2"),
            new("started_in_year", "Periods of care starting in the year", started, 0, "LEG-2"),
            new("ceased_in_year", "Periods of care ending in the year", ceased, 0, "LEG-2"),
            new("s20_at_year_end", "Children under s20 at the year end", s20, atEnd, "LOC-1") { IsRatio = true },
            new("s20_over_three_months", "Children under s20 for over 3 months at the year end", s20Over, atEnd, "LOC-1") { IsRatio = true },
            new("permanence_by_second_review", "Permanence plans by the second review", plan2nd, second, "REV-8") { IsRatio = true, Recorded = recorded.HasFlag(RecordedFacts.PermanencePlans) },
            new("iro_visits_in_window", "Reviews with an IRO visit in the 6 weeks before", visits, visitReviews, "REV-10") { IsRatio = true, Recorded = recorded.HasFlag(RecordedFacts.IroVisits) },
            new("pathway_plans_in_place", "Eligible young people from 16y3m with a pathway plan", pathwayIn, pathwayDue, "LC-5") { IsRatio = true, Recorded = recorded.HasFlag(RecordedFacts.PathwayPlans) },
            new("escalations_raised", "DRP escalations raised in the year", escalationsRaised, 0, "DRP-1") { Recorded = recorded.HasFlag(RecordedFacts.Escalations) },
            new("escalations_resolved_in_time", "DRP escalations resolved in the year within the protocol's time", escalationsInTime, escalationsEnded, "DRP-1") { IsRatio = true, Recorded = recorded.HasFlag(RecordedFacts.Escalations) },
            new("iro_allocated_in_time", $"Periods of care starting in the year with an IRO allocated within {p.LocalAllocationHours.ToString(CultureInfo.InvariantCulture)} hours (dates only)", iroInTime, iroStarted, "IRO-1")
            {
                IsRatio = true, Recorded = recorded.HasFlag(RecordedFacts.IroAllocations), NotDetermined = iroNotDetermined,
            },
            new("iro_appointed_before_first_review", "First reviews in the year with an IRO appointed before them", iroBeforeFirstReview, iroFirstReviews, "IRO-1")
            {
                IsRatio = true, Recorded = recorded.HasFlag(RecordedFacts.IroAllocations),
            },
        };
        var months = Enumerable.Range(0, 12)
            .Select(m => new MonthlyReviews(new YearMonth(m < 9 ? year.StartYear : year.StartYear + 1, ((m + 3) % 12) + 1), monthHeld[m], monthOnTime[m]))
            .ToArray();
        return new CaseloadFigures(year, figures.AsReadOnly(), ParticipationSummary.ForYear(pn, year), read, used, rejected.AsReadOnly(), Array.AsReadOnly(months));
    }
}
