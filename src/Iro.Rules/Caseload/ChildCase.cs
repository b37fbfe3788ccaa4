using System;
using System.Collections.Generic;
using System.Linq;
using Iro.Rules.Internal;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using NodaTime;

namespace Iro.Rules.Caseload;

/// <summary>One review as the caseload records it: its date and, if recorded, the participation code.</summary>
/// <param name="Date">The review's (completion) date.</param>
/// <param name="Code">The SSDA903 participation code, if recorded.</param>
public readonly record struct CaseReview(LocalDate Date, ParticipationCode? Code = null);

/// <summary>One looked-after child's record for bulk evaluation: the input to <see cref="CaseloadEvaluator"/>.</summary>
/// <remarks>
/// Immutable. The episodes and reviews are taken as the child's complete history. Validate with
/// <see cref="ChildCaseValidator"/>; the evaluator does so itself and reports a child that fails, with every reason,
/// as not evaluated.
/// </remarks>
public sealed record ChildCase
{
    private readonly IReadOnlyList<LocalDate>? iroVisits;

    /// <summary>A child's record.</summary>
    /// <param name="id">The child's identifier (SSDA903 CHILD).</param>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="episodes">The SSDA903 episodes, any order.</param>
    /// <param name="reviews">The reviews, any order.</param>
    /// <exception cref="ArgumentNullException">A collection or an episode is null.</exception>
    public ChildCase(string id, LocalDate dateOfBirth, IEnumerable<Episode> episodes, IEnumerable<CaseReview> reviews)
    {
        Id = id ?? string.Empty;
        DateOfBirth = dateOfBirth;
        Episodes = Array.AsReadOnly(Preconditions.CheckNotNull(episodes, nameof(episodes)).Select(e => Preconditions.CheckNotNull(e, nameof(episodes))).ToArray());
        Reviews = Array.AsReadOnly(Preconditions.CheckNotNull(reviews, nameof(reviews)).ToArray());
    }

    /// <summary>The child's identifier (SSDA903 CHILD).</summary>
    public string Id { get; }

    /// <summary>The date of birth.</summary>
    public LocalDate DateOfBirth { get; }

    /// <summary>The SSDA903 episodes as given.</summary>
    public IReadOnlyList<Episode> Episodes { get; }

    /// <summary>The reviews as given.</summary>
    public IReadOnlyList<CaseReview> Reviews { get; }

    /// <summary>The dates the IRO saw the child, or <see langword="null"/> if not recorded.</summary>
    public IReadOnlyList<LocalDate>? IroVisits
    {
        get => iroVisits;
        init => iroVisits = value is null ? null : Array.AsReadOnly(value.ToArray());
    }

    /// <summary>When the permanence plan was agreed (REV-8).</summary>
    public LocalDate? PermanencePlanAgreedOn { get; init; }

    /// <summary>When a placement order was made (LOC-2).</summary>
    public LocalDate? PlacementOrderOn { get; init; }

    /// <summary>When the agency decided the child should be placed for adoption (LOC-3).</summary>
    public LocalDate? ShouldBePlacedForAdoptionOn { get; init; }

    /// <summary>When the child was placed for adoption (LOC-3, LOC-4).</summary>
    public LocalDate? PlacedForAdoptionOn { get; init; }

    /// <summary>When the adoption application was lodged (LOC-4).</summary>
    public LocalDate? AdoptionApplicationOn { get; init; }

    /// <summary>When the pathway plan was made (LC-5).</summary>
    public LocalDate? PathwayPlanOn { get; init; }
}
