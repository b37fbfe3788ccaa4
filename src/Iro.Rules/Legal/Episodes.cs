using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using NodaTime;

namespace Iro.Rules.Legal;

/// <summary>SSDA903 episodes: splitting into periods of care, finding continuous runs of a legal status, and the data-specification duration limits.</summary>
/// <remarks>Rules LEG-1 and LEG-2. Source: DfE SSDA903 guidance (episodes) and its validation rules.</remarks>
public static class Episodes
{
    /// <summary>Sorts and checks a child's episodes and splits them into periods of care.</summary>
    /// <remarks>
    /// A new period begins with an episode whose reason is RNE "S", or after a gap (an episode that ends before the
    /// next begins: the child ceased to be looked after). Example: S (2024-01-10, V2), L (2024-03-01, C1),
    /// P (2024-06-01, C1) is one period starting 2024-01-10.
    /// </remarks>
    /// <param name="episodes">One child's episodes, in any order.</param>
    /// <returns>The periods of care in date order; joining their episodes gives back every episode.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="episodes"/> or an item is null.</exception>
    /// <exception cref="ArgumentException">An episode ends before it starts, episodes overlap, or an open episode is followed by another; the message names the field and the value.</exception>
    public static IReadOnlyList<PeriodOfCare> SplitIntoPeriods(IEnumerable<Episode> episodes)
    {
        Episode[] sorted = Sorted(episodes);
        var periods = new List<PeriodOfCare>();
        int first = 0;
        for (int i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || StartsNewPeriod(sorted, i))
            {
                Episode[] slice = sorted[first..i];
                periods.Add(new PeriodOfCare(slice[0].Start, slice[^1].End, Array.AsReadOnly(slice)));
                first = i;
            }
        }

        return periods;
    }

    /// <summary>The continuous run of consecutive episodes meeting <paramref name="test"/> that covers <paramref name="asOf"/>, or <see langword="null"/>.</summary>
    /// <param name="episodes">One child's episodes, in any order.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="test">The legal-status test, for example <c>s =&gt; LegalStatuses.IsSection20(s)</c>.</param>
    /// <returns>The run, or <see langword="null"/> if the child is not in such an episode on <paramref name="asOf"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The episodes are inconsistent (see <see cref="SplitIntoPeriods"/>).</exception>
    public static StatusRun? RunOn(IEnumerable<Episode> episodes, LocalDate asOf, Func<LegalStatus, bool> test)
    {
        Preconditions.CheckNotNull(test, nameof(test));
        foreach (StatusRun run in Runs(SplitIntoPeriods(episodes), test))
        {
            if (run.Start <= asOf && (run.End is not LocalDate end || asOf < end))
            {
                return run;
            }
        }

        return null;
    }

    /// <summary>Every continuous run of consecutive episodes meeting <paramref name="test"/>, in date order; runs never cross a period boundary.</summary>
    /// <param name="periods">Periods of care from <see cref="SplitIntoPeriods"/>.</param>
    /// <param name="test">The legal-status test.</param>
    /// <returns>The runs.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<StatusRun> Runs(IReadOnlyList<PeriodOfCare> periods, Func<LegalStatus, bool> test)
    {
        Preconditions.CheckNotNull(periods, nameof(periods));
        Preconditions.CheckNotNull(test, nameof(test));
        var runs = new List<StatusRun>();
        foreach (PeriodOfCare period in periods)
        {
            int i = 0;
            while (i < period.Episodes.Count)
            {
                if (!test(period.Episodes[i].LegalStatus))
                {
                    i++;
                    continue;
                }

                int j = i;
                while (j + 1 < period.Episodes.Count && test(period.Episodes[j + 1].LegalStatus))
                {
                    j++;
                }

                var slice = period.Episodes.Skip(i).Take(j - i + 1).ToArray();
                runs.Add(new StatusRun(slice[0].Start, slice[^1].End, Array.AsReadOnly(slice)));
                i = j + 1;
            }
        }

        return runs;
    }

    /// <summary>Checks a child's episodes against the SSDA903 duration limits for short statuses, as of a date for open episodes.</summary>
    /// <remarks>
    /// As the DfE validator does (rules 361-365 and 367): back-to-back episodes of the same status are added up, and a
    /// limit is broken when the total is more than the limit. L1 police protection 3 days; L2 emergency protection
    /// order 21 days (the return's tolerance; the statutory maximum is 8 days plus up to 7); L3 child assessment order
    /// 7 days; J2 PACE 21 days; V3 one short break 17 days; V3 short breaks 75 days in total in a reporting year
    /// (1 April to 31 March). Days run from start to end, or to <paramref name="asOf"/> while open.
    /// </remarks>
    /// <param name="episodes">One child's episodes.</param>
    /// <param name="asOf">The date open episodes are measured to.</param>
    /// <returns>One <see cref="Outcome.NotMet"/> finding per limit exceeded; empty when none is.</returns>
    /// <exception cref="ArgumentException">The episodes are inconsistent (see <see cref="SplitIntoPeriods"/>).</exception>
    public static IReadOnlyList<Finding> CheckDurations(IEnumerable<Episode> episodes, LocalDate asOf) =>
        DurationBreaches(episodes, asOf).Select(static b => b.Finding).ToArray();

    /// <summary>The SSDA903 duration breaches, each with the day its breaching stretch began (the reporting year's start for the V3 yearly total): <see cref="CheckDurations"/> with dates.</summary>
    /// <remarks>Rule LEG-1; citation: DfE SSDA903 guidance and validation rules 361-365 and 367. The weekly list dates each LEG-1 flag by <see cref="DurationBreach.From"/>.</remarks>
    /// <param name="episodes">One child's episodes.</param>
    /// <param name="asOf">The date open episodes are measured to.</param>
    /// <returns>One breach per limit exceeded; empty when none is.</returns>
    /// <exception cref="ArgumentException">The episodes are inconsistent (see <see cref="SplitIntoPeriods"/>).</exception>
    public static IReadOnlyList<DurationBreach> DurationBreaches(IEnumerable<Episode> episodes, LocalDate asOf)
    {
        IReadOnlyList<PeriodOfCare> periods = SplitIntoPeriods(episodes);
        var findings = new List<DurationBreach>();
        foreach ((LegalStatus status, int limit) in DurationLimits)
        {
            foreach (StatusRun run in Runs(periods, s => s == status))
            {
                int days = Period.DaysBetween(run.Start, EndOrAsOf(run.Start, run.End, asOf));
                if (days > limit)
                {
                    findings.Add(new DurationBreach(run.Start, DurationFinding(status, run.Start, run.End, days, limit, asOf)));
                }
            }
        }

        var shortBreaks = periods.SelectMany(static p => p.Episodes).Where(static e => e.LegalStatus == LegalStatus.V3).ToArray();
        foreach (Episode e in shortBreaks)
        {
            int days = Period.DaysBetween(e.Start, EndOrAsOf(e.Start, e.End, asOf));
            if (days > ShortBreakMaxDays)
            {
                findings.Add(new DurationBreach(e.Start, DurationFinding(LegalStatus.V3, e.Start, e.End, days, ShortBreakMaxDays, asOf)));
            }
        }

        // V3 short breaks: at most 75 days in a reporting year, each break clipped to the year.
        var byYear = new SortedDictionary<int, int>();
        foreach (Episode e in shortBreaks)
        {
            LocalDate end = EndOrAsOf(e.Start, e.End, asOf);
            for (LocalDate from = e.Start; from < end;)
            {
                var year = Timescales.ReportingYear.Of(from);
                LocalDate to = end <= year.End ? end : year.End.PlusDays(1);
                byYear[year.StartYear] = byYear.GetValueOrDefault(year.StartYear) + Period.DaysBetween(from, to);
                from = to;
            }
        }

        foreach (KeyValuePair<int, int> year in byYear.Where(static y => y.Value > ShortBreakYearDays))
        {
            findings.Add(new DurationBreach(new Timescales.ReportingYear(year.Key).Start, new Finding(RuleId.LegalStatus, Outcome.NotMet, Citations.Ssda903Episodes,
                $"V3 short breaks total {year.Value.ToString(CultureInfo.InvariantCulture)} days in {new Timescales.ReportingYear(year.Key)}; the SSDA903 limit is 75 days in a year.")));
        }

        return findings;
    }

    /// <summary>The most days one V3 short break may last (SSDA903; CPPCR 2010 reg 48(2)).</summary>
    internal const int ShortBreakMaxDays = 17;

    /// <summary>The most days of V3 short breaks in one reporting year (SSDA903).</summary>
    internal const int ShortBreakYearDays = 75;

    private static readonly (LegalStatus Status, int Limit)[] DurationLimits =
    [
        (LegalStatus.L1, 3),
        (LegalStatus.L2, 21),
        (LegalStatus.L3, 7),
        (LegalStatus.J2, 21),
    ];

    /// <summary>Sorts episodes by start, then end (an open episode last), keeping the given order of ties: a stable
    /// insertion sort for the usual few episodes (no allocation), a stable LINQ sort for long histories.</summary>
    internal static void SortInPlace(Episode[] episodes)
    {
        if (episodes.Length > 64)
        {
            episodes.OrderBy(static e => e.Start).ThenBy(static e => e.End ?? LocalDate.MaxIsoValue).ToArray().CopyTo(episodes, 0);
            return;
        }

        for (int i = 1; i < episodes.Length; i++)
        {
            Episode e = episodes[i];
            int j = i - 1;
            while (j >= 0 && Compare(episodes[j], e) > 0)
            {
                episodes[j + 1] = episodes[j];
                j--;
            }

            episodes[j + 1] = e;
        }

        static int Compare(Episode a, Episode b)
        {
            int c = a.Start.CompareTo(b.Start);
            return c != 0 ? c : (a.End ?? LocalDate.MaxIsoValue).CompareTo(b.End ?? LocalDate.MaxIsoValue);
        }
    }

    /// <summary>Whether sorted episode <paramref name="i"/> (i &gt; 0) begins a new period of care: RNE "S", or a gap after the one before (LEG-2).</summary>
    internal static bool StartsNewPeriod(Episode[] sorted, int i) =>
        sorted[i].Reason == ReasonForNewEpisode.S || sorted[i - 1].End < sorted[i].Start;

    /// <summary>The SSDA903 duration limit in days for back-to-back episodes of <paramref name="status"/>, V3's per break, or -1 when none.</summary>
    internal static int DurationLimit(LegalStatus status)
    {
        foreach ((LegalStatus s, int limit) in DurationLimits)
        {
            if (s == status)
            {
                return limit;
            }
        }

        return status == LegalStatus.V3 ? ShortBreakMaxDays : -1;
    }

    private static LocalDate EndOrAsOf(LocalDate start, LocalDate? end, LocalDate asOf) => end ?? (asOf > start ? asOf : start);

    private static Finding DurationFinding(LegalStatus status, LocalDate start, LocalDate? end, int days, int limit, LocalDate asOf) =>
        new(RuleId.LegalStatus, Outcome.NotMet, Citations.Ssda903Episodes,
            $"{status} from {DateFormat.Iso(start)} lasted {days.ToString(CultureInfo.InvariantCulture)} days{(end is null ? $" by {DateFormat.Iso(asOf)}" : string.Empty)}; the SSDA903 limit for {status} is {limit.ToString(CultureInfo.InvariantCulture)} days.");

    private static Episode[] Sorted(IEnumerable<Episode> episodes)
    {
        Preconditions.CheckNotNull(episodes, nameof(episodes));
        Episode[] sorted = episodes.ToArray();
        foreach (Episode e in sorted)
        {
            Preconditions.CheckNotNull(e, nameof(episodes));
        }

        SortInPlace(sorted);
        for (int i = 0; i < sorted.Length; i++)
        {
            Episode e = sorted[i];
            if (e.End is LocalDate end && end < e.Start)
            {
                throw new ArgumentException(
                    $"episodes has an episode ({e.LegalStatus}, RNE {e.Reason}) starting {DateFormat.Iso(e.Start)} whose End {DateFormat.Iso(end)} is before its Start (LEG-2).", nameof(episodes));
            }

            if (i > 0)
            {
                Episode previous = sorted[i - 1];
                if (previous.End is not LocalDate previousEnd)
                {
                    throw new ArgumentException(
                        $"episodes has an open episode starting {DateFormat.Iso(previous.Start)} followed by another starting {DateFormat.Iso(e.Start)}: only the last episode can be open (LEG-2).", nameof(episodes));
                }

                if (e.Start < previousEnd)
                {
                    throw new ArgumentException(
                        $"episodes has overlapping episodes: one from {DateFormat.Iso(previous.Start)} to {DateFormat.Iso(previousEnd)} and one starting {DateFormat.Iso(e.Start)} (LEG-2).", nameof(episodes));
                }
            }
        }

        return sorted;
    }

    /// <summary>One bit per legal status with an SSDA903 duration limit (L1, L2, L3, J2, V3), as the caseload index's status mask sets them.</summary>
    internal static readonly int DurationLimitMask =
        (1 << ((int)LegalStatus.L1 & 31)) | (1 << ((int)LegalStatus.L2 & 31)) | (1 << ((int)LegalStatus.L3 & 31)) | (1 << ((int)LegalStatus.J2 & 31)) | (1 << ((int)LegalStatus.V3 & 31));

    /// <summary>An allocation-free screen for <see cref="Episodes.DurationBreaches"/> over the episodes known on <paramref name="asOf"/>: true if any limit may be broken.</summary>
    internal static bool MayBreachDurations(Episode[] episodes, LocalDate asOf)
    {
        int v3Year = int.MinValue, v3Days = 0;
        for (int i = 0; i < episodes.Length && episodes[i].Start <= asOf; i++)
        {
            Episode e = episodes[i];
            int limit = DurationLimit(e.LegalStatus);
            if (limit < 0)
            {
                continue;
            }

            // Back-to-back episodes of the same status add up (V3's 17 days are per episode; its yearly total is below).
            LocalDate runStart = e.Start;
            int j = i;
            while (e.LegalStatus != LegalStatus.V3 && j > 0 && !StartsNewPeriod(episodes, j) && episodes[j - 1].LegalStatus == e.LegalStatus)
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
                    var year = Timescales.ReportingYear.Of(from);
                    LocalDate next = end <= year.End ? end : year.End.PlusDays(1);
                    v3Days = year.StartYear == v3Year ? v3Days + Period.DaysBetween(from, next) : Period.DaysBetween(from, next);
                    v3Year = year.StartYear;
                    if (v3Days > ShortBreakYearDays)
                    {
                        return true;
                    }

                    from = next;
                }
            }
        }

        return false;
    }

}
