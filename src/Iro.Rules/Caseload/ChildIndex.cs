using Iro.Rules.Legal;
using NodaTime;

namespace Iro.Rules.Caseload;

/// <summary>
/// The evaluation engine's index of one <see cref="ChildCase"/>: day numbers for every date, a legal-status mask and
/// where each period of care begins, worked out once so the weekly rules' screens compare integers. Built from the
/// record's facts (id, date of birth, episodes, reviews) on first use; the record itself stays a plain record of facts.
/// </summary>
internal sealed class ChildIndex
{
    public ChildIndex(ChildCase child)
    {
        Episode[] episodes = child.SortedEpisodes;
        CaseReview[] reviews = child.SortedReviews;
        IdIsBlank = string.IsNullOrWhiteSpace(child.Id);
        bool allIso = child.DateOfBirth.Calendar == CalendarSystem.Iso;
        BirthDay = ChildCase.DayNumber(child.DateOfBirth);
        EpisodeStartDays = new int[episodes.Length];
        EpisodeEndDays = new int[episodes.Length];
        for (int i = 0; i < episodes.Length; i++)
        {
            Episode e = episodes[i];
            allIso &= e.Start.Calendar == CalendarSystem.Iso && (e.End is not LocalDate end || end.Calendar == CalendarSystem.Iso);
            EpisodeStartDays[i] = ChildCase.DayNumber(e.Start);
            EpisodeEndDays[i] = e.End is LocalDate last ? ChildCase.DayNumber(last) : ChildCase.OpenEnd;
            StatusMask |= 1 << ((int)e.LegalStatus & 31);
            PeriodStartBits |= i < 64 && (i == 0 || Episodes.StartsNewPeriod(episodes, i)) ? 1UL << i : 0;
        }

        ReviewDays = new int[reviews.Length];
        for (int i = 0; i < reviews.Length; i++)
        {
            CaseReview r = reviews[i];
            allIso &= r.Date.Calendar == CalendarSystem.Iso;
            ReviewDays[i] = ChildCase.DayNumber(r.Date);
            RecordBeforeReview |= ChildChecks.RecordBeforeReview(r);
        }

        AllIso = allIso;
    }

    /// <summary>Whether the id is blank.</summary>
    public bool IdIsBlank { get; }

    /// <summary>Bit i is set when sorted episode i (of the first 64) begins a period of care (<see cref="Episodes.StartsNewPeriod"/>).</summary>
    public ulong PeriodStartBits { get; }

    /// <summary>Whether the date of birth, every episode date and every review date are in the ISO calendar.</summary>
    public bool AllIso { get; }

    /// <summary>The date of birth as a day number (<see cref="ChildCase.DayNumber"/>).</summary>
    public int BirthDay { get; }

    /// <summary>Each sorted episode's start as a day number.</summary>
    public int[] EpisodeStartDays { get; }

    /// <summary>Each sorted episode's end as a day number, or <see cref="ChildCase.OpenEnd"/> while open.</summary>
    public int[] EpisodeEndDays { get; }

    /// <summary>Each sorted review's date as a day number.</summary>
    public int[] ReviewDays { get; }

    /// <summary>One bit per legal status held in any episode (bit <c>(int)status &amp; 31</c>).</summary>
    public int StatusMask { get; }

    /// <summary>Whether a review records recommendations or minutes sent before the review itself (a validation failure).</summary>
    public bool RecordBeforeReview { get; }
}
