using System.Collections.Generic;
using NodaTime;

namespace Iro.Rules.Legal;

/// <summary>One SSDA903 episode: a stretch of a period of care with one legal status and one placement.</summary>
/// <remarks>
/// Immutable. Rule LEG-2. An episode covers the days from <see cref="Start"/> (DECOM) up to, not including,
/// <see cref="End"/> (DEC): the next episode of the same period starts on the day this one ends.
/// </remarks>
/// <param name="Start">The day the episode began (SSDA903 DECOM).</param>
/// <param name="End">The day it ended (SSDA903 DEC), or <see langword="null"/> while open.</param>
/// <param name="LegalStatus">The legal status (LEG-1).</param>
/// <param name="Reason">The reason for the new episode (LEG-2); <see cref="ReasonForNewEpisode.S"/> starts a period of care.</param>
/// <param name="PlacementType">The SSDA903 placement type code, if known (for example "U1").</param>
public sealed record Episode(LocalDate Start, LocalDate? End, LegalStatus LegalStatus, ReasonForNewEpisode Reason, string? PlacementType = null)
{
    /// <summary>Whether the episode covers <paramref name="date"/>: <see cref="Start"/> &lt;= date &lt; <see cref="End"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> if the child was in this episode on that day.</returns>
    public bool Covers(LocalDate date) => date >= Start && (End is not LocalDate end || date < end);
}

/// <summary>A period of care: consecutive episodes from one that began with RNE "S" until the child ceased to be looked after.</summary>
/// <remarks>Immutable. Rule LEG-2. The review timetable (REV-1) runs from <see cref="Start"/>.</remarks>
/// <param name="Start">The day the child became looked after.</param>
/// <param name="End">The day the child ceased to be looked after, or <see langword="null"/> while the period is open.</param>
/// <param name="Episodes">The period's episodes in date order.</param>
public sealed record PeriodOfCare(LocalDate Start, LocalDate? End, IReadOnlyList<Episode> Episodes)
{
    /// <summary>Whether the period's first episode has RNE "S"; a period cut from a partial extract may not.</summary>
    public bool StartsWithRneS => Episodes.Count > 0 && Episodes[0].Reason == ReasonForNewEpisode.S;
}

/// <summary>A continuous run of consecutive episodes within a period of care whose legal status meets a test (for example Section 20).</summary>
/// <param name="Start">The first day of the run.</param>
/// <param name="End">The day the run ended, or <see langword="null"/> if it continues.</param>
/// <param name="Episodes">The episodes of the run.</param>
public sealed record StatusRun(LocalDate Start, LocalDate? End, IReadOnlyList<Episode> Episodes);

/// <summary>An SSDA903 duration limit broken (LEG-1): the day the breaching stretch began, and the finding.</summary>
/// <remarks>Rule LEG-1; citation: DfE SSDA903 guidance and validation rules 361-365 and 367.</remarks>
/// <param name="From">The day the breaching stretch began (the reporting year's start for the V3 yearly total).</param>
/// <param name="Finding">The finding (<see cref="Explanations.Outcome.NotMet"/>).</param>
public readonly record struct DurationBreach(LocalDate From, Explanations.Finding Finding);
