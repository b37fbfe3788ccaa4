using System;
using System.Collections.Generic;
using System.Linq;
using Iro.Rules.Legal;
using NodaTime;

namespace Iro.Rules.Caseload;

/// <summary>
/// One child as known on the as-of date, built once per child for the weekly list (docs/weekly-list.md): the current
/// period of care, the reviews of that period, the placement order in force, the placement for adoption, the adoption
/// decision. Indexes point into the record's sorted arrays, so building it allocates nothing.
/// </summary>
internal readonly struct ChildView
{
    private static readonly int ShortBreakMask = (1 << ((int)LegalStatus.V3 & 31)) | (1 << ((int)LegalStatus.V4 & 31));

    public ChildView(ChildCase child, LocalDate asOf)
    {
        Child = child;
        AsOf = asOf;
        AsOfDay = ChildCase.DayNumber(asOf);
        Episode[] episodes = child.SortedEpisodes;
        int[] starts = child.Index.EpisodeStartDays;
        int[] ends = child.Index.EpisodeEndDays;

        // Known episodes are those begun by the as-of date; the current period is the one open on it.
        int known = 0;
        while (known < starts.Length && starts[known] <= AsOfDay)
        {
            known++;
        }

        KnownEpisodes = known;
        First = Last = -1;
        if (known > 0 && AsOfDay < ends[known - 1])
        {
            int first = known - 1;
            while (first > 0 && !StartsPeriod(child, first))
            {
                first--;
            }

            First = first;
            Last = known - 1;
        }

        PeriodStart = First >= 0 ? episodes[First].Start : default;
        int periodStartDay = First >= 0 ? starts[First] : int.MaxValue;
        int[] reviewDays = child.Index.ReviewDays;
        int from = 0;
        while (from < reviewDays.Length && reviewDays[from] < periodStartDay)
        {
            from++;
        }

        int to = 0;
        while (to < reviewDays.Length && reviewDays[to] <= AsOfDay)
        {
            to++;
        }

        ReviewsKnown = to;
        ReviewFrom = Math.Min(from, to);
        ReviewTo = to;

        bool shortBreaks = First >= 0;
        for (int i = First; shortBreaks && i <= Last; i++)
        {
            shortBreaks = ((1 << ((int)episodes[i].LegalStatus & 31)) & ShortBreakMask) != 0;
        }

        ShortBreakPeriod = shortBreaks;
        KnownInPart = First >= 0 && child.KnownFrom is LocalDate knownFrom
            && (episodes[First].Start < knownFrom || episodes[First].Reason != ReasonForNewEpisode.S);
        PlacementOrderOn = First < 0 ? null : child.PlacementOrderOn ?? RunStart(episodes, First, Last, static e => e.LegalStatus == LegalStatus.E1);
        PlacedForAdoptionOn = First < 0 ? null : child.PlacedForAdoptionOn ?? RunStart(episodes, First, Last, static e => LegalStatuses.IsPlacedForAdoption(e.PlacementType));
        AdoptionDecisionOn = First >= 0 && child.ShouldBePlacedForAdoptionOn is LocalDate decided && decided <= asOf && decided >= PeriodStart ? decided : null;
        DecisionReversedOn = child.AdoptionDecisionReversedOn is LocalDate reversed && reversed <= asOf ? reversed : null;
    }

    /// <summary>The record.</summary>
    public ChildCase Child { get; }

    /// <summary>The date of the list.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The as-of date as a day number.</summary>
    public int AsOfDay { get; }

    /// <summary>How many sorted episodes began by the as-of date.</summary>
    public int KnownEpisodes { get; }

    /// <summary>The first episode of the current period, or -1 when the child is not looked after on the as-of date.</summary>
    public int First { get; }

    /// <summary>The last known episode of the current period (the one covering the as-of date), or -1.</summary>
    public int Last { get; }

    /// <summary>Whether the child is looked after on the as-of date.</summary>
    public bool LookedAfter => First >= 0;

    /// <summary>The start of the current period.</summary>
    public LocalDate PeriodStart { get; }

    /// <summary>The first of the current period's reviews in the sorted reviews.</summary>
    public int ReviewFrom { get; }

    /// <summary>One past the last review held by the as-of date (the current period's reviews are [ReviewFrom, ReviewTo)).</summary>
    public int ReviewTo { get; }

    /// <summary>How many reviews were held by the as-of date (any period).</summary>
    public int ReviewsKnown { get; }

    /// <summary>Whether every known episode of the current period is V3 or V4 (a short-break period, if reg 48's conditions hold).</summary>
    public bool ShortBreakPeriod { get; }

    /// <summary>Whether the current period began before the source's history does (<see cref="ChildCase.KnownFrom"/>), or its first episode in the data is not RNE S (903-W): known only in part.</summary>
    public bool KnownInPart { get; }

    /// <summary>The placement order in force (LOC-2): the record's override, or the start of the E1 run covering the as-of date.</summary>
    public LocalDate? PlacementOrderOn { get; }

    /// <summary>The placement for adoption in force (LOC-3, LOC-4): the record's override, or the start of the A3-A6 run covering the as-of date.</summary>
    public LocalDate? PlacedForAdoptionOn { get; }

    /// <summary>The adoption decision of the current period, if made by the as-of date (LOC-3).</summary>
    public LocalDate? AdoptionDecisionOn { get; }

    /// <summary>When that decision was reversed, if by the as-of date (LOC-3).</summary>
    public LocalDate? DecisionReversedOn { get; }

    /// <summary>The episodes as known on the as-of date: begun by then, with any later end not yet known (explained paths only: allocates).</summary>
    public Episode[] Known()
    {
        var known = new Episode[KnownEpisodes];
        for (int i = 0; i < known.Length; i++)
        {
            Episode e = Child.SortedEpisodes[i];
            known[i] = e.End > AsOf ? e with { End = null } : e;
        }

        return known;
    }

    /// <summary>The current period's reviews held by the as-of date, in date order.</summary>
    public ReadOnlySpan<CaseReview> PeriodReviews => Child.SortedReviews.AsSpan(ReviewFrom, ReviewTo - ReviewFrom);

    private static bool StartsPeriod(ChildCase child, int i) =>
        i < 64 ? (child.Index.PeriodStartBits & (1UL << i)) != 0 : Episodes.StartsNewPeriod(child.SortedEpisodes, i);

    private static LocalDate? RunStart(Episode[] episodes, int first, int last, Func<Episode, bool> test)
    {
        if (!test(episodes[last]))
        {
            return null;
        }

        int j = last;
        while (j > first && test(episodes[j - 1]))
        {
            j--;
        }

        return episodes[j].Start;
    }
}
