using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Legal;

/// <summary>A child's Section 20 position as of a date: the current continuous run, the over-three-months flag, and every entry into Section 20.</summary>
/// <remarks>Immutable. Rule LOC-1 (local monitoring flag), using LEG-1 codes and CAL-4 months.</remarks>
public sealed record Section20Status
{
    /// <summary>The date of the assessment.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>The current continuous Section 20 run, or <see langword="null"/> if the child is not accommodated under s20 on <see cref="AsOf"/>.</summary>
    public StatusRun? CurrentRun { get; init; }

    /// <summary>The last day of the threshold period (run start + months); the flag is raised from the day after.</summary>
    public LocalDate? ThresholdEnds { get; init; }

    /// <summary>Whether the child has been accommodated under s20 for over the threshold (3 months by default): <c>AsOf &gt; ThresholdEnds</c>.</summary>
    public required bool IsFlagged { get; init; }

    /// <summary>The start of every Section 20 run, across all periods of care, in date order: entries into s20.</summary>
    public required IReadOnlyList<LocalDate> Entries { get; init; }

    /// <summary>Entries into s20 within the current (or last) period of care.</summary>
    public required int EntriesInCurrentPeriod { get; init; }

    /// <summary>Whether the child has entered s20 more than once (a repeat entry), within a period or across periods.</summary>
    public bool HasRepeatEntries => Entries.Count > 1;

    /// <summary>The explanation.</summary>
    public required Finding Finding { get; init; }
}

/// <summary>The weekly-list flag for children accommodated under Section 20 for over three months, and their repeat entries.</summary>
/// <remarks>
/// <para>Rule LOC-1 (a local monitoring standard: Manchester City Council IRO annual report). Flagged when
/// <c>asOf &gt; runStart + 3 months</c> (CAL-4), where the run is the continuous sequence of Section 20 episodes
/// (V2 by default; <see cref="LocalPolicy.Section20LegalStatuses"/>) covering the as-of date within the current period.</para>
/// <para>A repeat entry into s20 is information on the finding (reason <see cref="ReasonCodes.RepeatEntry"/>), not a breach: only the over-three-months test flags.</para>
/// <para>Start 2024-11-30: flagged from 2025-03-01. Start 2025-01-31: flagged from 2025-05-01. V2 changed to C1 on
/// 2025-02-15: the run has ended, not flagged.</para>
/// </remarks>
public static class Section20
{
    /// <summary>The allocation-free form of the LOC-1 flag for bulk work: whether the child has been accommodated under s20 for over the threshold on <paramref name="asOf"/>.</summary>
    /// <remarks>Gives the same answer as <see cref="Assess"/>'s <see cref="Section20Status.IsFlagged"/>, without the explanation. The episodes must be in date order.</remarks>
    /// <param name="episodes">The child's episodes in date order (as <see cref="Episodes.SplitIntoPeriods"/> sorts them).</param>
    /// <param name="asOf">The date of the weekly list.</param>
    /// <param name="policy">The policy.</param>
    /// <returns><see langword="true"/> if flagged.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The episodes are not in date order, overlap, or one ends before it starts.</exception>
    public static bool IsFlagged(IReadOnlyList<Episode> episodes, LocalDate asOf, LocalPolicy policy)
    {
        Preconditions.CheckNotNull(episodes, nameof(episodes));
        Preconditions.CheckNotNull(policy, nameof(policy));
        if (!policy.Section20FlagEnabled)
        {
            return false;
        }

        int current = -1;
        for (int i = 0; i < episodes.Count; i++)
        {
            Episode e = episodes[i] ?? throw new ArgumentNullException(nameof(episodes), $"episodes[{i}] is null (LEG-2).");
            if ((e.End is LocalDate end && end < e.Start) || (i > 0 && (episodes[i - 1].End is not LocalDate previousEnd || e.Start < previousEnd)))
            {
                throw new ArgumentException(
                    $"episodes must be in date order without overlaps, each ending on or after it starts; the episode starting {DateFormat.Iso(e.Start)} is not (LEG-2).", nameof(episodes));
            }

            if (e.Covers(asOf))
            {
                current = i;
            }
        }

        if (current < 0 || !LegalStatuses.IsSection20(episodes[current].LegalStatus, policy))
        {
            return false;
        }

        int first = current;
        while (first > 0
            && episodes[first].Reason != ReasonForNewEpisode.S
            && episodes[first - 1].End == episodes[first].Start
            && LegalStatuses.IsSection20(episodes[first - 1].LegalStatus, policy))
        {
            first--;
        }

        return asOf > CalendarMonths.Add(episodes[first].Start, policy.Section20FlagMonths);
    }

    /// <summary>Assesses a child's episodes as of a date.</summary>
    /// <param name="episodes">The child's episodes, in any order.</param>
    /// <param name="asOf">The date of the weekly list.</param>
    /// <param name="policy">The policy (statuses, months, on/off); the default when null.</param>
    /// <returns>The status with its finding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="episodes"/> is null.</exception>
    /// <exception cref="ArgumentException">The episodes are inconsistent (see <see cref="Episodes.SplitIntoPeriods"/>).</exception>
    public static Section20Status Assess(IEnumerable<Episode> episodes, LocalDate asOf, LocalPolicy? policy = null)
    {
        LocalPolicy p = policy ?? LocalPolicy.Default;
        IReadOnlyList<PeriodOfCare> periods = Episodes.SplitIntoPeriods(episodes);
        Func<LegalStatus, bool> isS20 = s => LegalStatuses.IsSection20(s, p);
        IReadOnlyList<StatusRun> runs = Episodes.Runs(periods, isS20);
        var entries = Array.AsReadOnly(runs.Where(r => r.Start <= asOf).Select(static r => r.Start).ToArray());
        StatusRun? current = runs.FirstOrDefault(r => r.Start <= asOf && (r.End is not LocalDate end || asOf < end));
        PeriodOfCare? period = periods.LastOrDefault(x => x.Start <= asOf);
        int inPeriod = period is null ? 0 : entries.Count(e => e >= period.Start && (period.End is not LocalDate end || e < end));

        string codes = string.Join("/", p.Section20LegalStatuses);
        string repeat = entries.Count switch
        {
            0 => "no entries into s20",
            1 => $"1 entry into s20 ({DateFormat.Iso(entries[0])})",
            _ => $"{entries.Count.ToString(CultureInfo.InvariantCulture)} entries into s20 ({string.Join(", ", entries.Select(DateFormat.Iso))}), {inPeriod.ToString(CultureInfo.InvariantCulture)} in the current period",
        };

        if (current is null)
        {
            return new Section20Status
            {
                AsOf = asOf,
                IsFlagged = false,
                Entries = entries,
                EntriesInCurrentPeriod = inPeriod,
                Finding = new Finding(RuleId.Section20OverThreeMonths, Outcome.NotApplicable, Citations.Section20Flag,
                    $"Not accommodated under s20 ({codes}) on {DateFormat.Iso(asOf)}; {repeat}.")
                {
                    Reason = entries.Count > 1 ? ReasonCodes.RepeatEntry : null,
                },
            };
        }

        LocalDate thresholdEnds = CalendarMonths.Add(current.Start, p.Section20FlagMonths);
        bool over = asOf > thresholdEnds;
        bool flagged = over && p.Section20FlagEnabled;
        string months = Deadline.Plural(p.Section20FlagMonths, "month");
        string verdict = over
            ? $"over {months} (flagged from {DateFormat.Iso(thresholdEnds.PlusDays(1))}){(p.Section20FlagEnabled ? string.Empty : "; the flag is switched off by local policy")}"
            : $"not over {months} until {DateFormat.Iso(thresholdEnds.PlusDays(1))}";
        return new Section20Status
        {
            AsOf = asOf,
            CurrentRun = current,
            ThresholdEnds = thresholdEnds,
            IsFlagged = flagged,
            Entries = entries,
            EntriesInCurrentPeriod = inPeriod,
            Finding = new Finding(RuleId.Section20OverThreeMonths, flagged ? Outcome.NotMet : Outcome.Met, Citations.Section20Flag,
                $"Accommodated under s20 ({codes}) since {DateFormat.Iso(current.Start)}: {verdict}; {repeat}.")
            {
                Reason = entries.Count > 1 ? ReasonCodes.RepeatEntry : null,
            },
        };
    }
}
