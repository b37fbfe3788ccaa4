using System;
using System.Collections.Generic;
using System.Linq;
using Iro.Rules.Internal;
using Iro.Rules.Legal;
using Iro.Rules.Escalation;
using Iro.Rules.Participation;
using Iro.Rules.Secure;
using NodaTime;

namespace Iro.Rules.Caseload;

/// <summary>One review as the caseload records it: its date and, if recorded, the participation code.</summary>
/// <param name="Date">The review's (completion) date.</param>
/// <param name="Code">The SSDA903 participation code, if recorded.</param>
public readonly record struct CaseReview(LocalDate Date, ParticipationCode? Code = null)
{
    /// <summary>When the review's recommendations were placed on the child's file (REV-6), if they have been.</summary>
    /// <remarks>Read only when <see cref="ChildCase.TracksReviewRecords"/> is set: a source that does not record it (such as the SSDA903 return) raises no REV-6 flag.</remarks>
    public LocalDate? RecommendationsOn { get; init; }

    /// <summary>When the review's minutes (the written record) were sent (REV-6), if they have been.</summary>
    /// <remarks>Read only when <see cref="ChildCase.TracksReviewRecords"/> is set.</remarks>
    public LocalDate? MinutesOn { get; init; }

    /// <summary>Whether the child (of sufficient understanding) refused to see the IRO before this review, as recorded.</summary>
    /// <remarks>Rule REV-10; citation: CPPCR 2010 reg 36(1)(b). A recorded refusal makes the visit check not applicable (reason <c>REV-10.ExemptChildRefused</c>), so no flag is raised.</remarks>
    public bool ChildRefusedIroVisit { get; init; }
}

/// <summary>An IRO's allocation to a child, from a date until the next allocation (IRO-1, IRO-3).</summary>
/// <remarks>Rules IRO-1 and IRO-3; citation: CA 1989 s25A(1)-(3), IRO Handbook 2010 ch. 7. An allocation lasts until the
/// child's next allocation: the IRO allocated to a child on a date is the one with the latest <see cref="From"/> on or before it.</remarks>
/// <param name="Iro">The IRO's identifier, as the council records it (a staff number or name); not blank.</param>
/// <param name="From">The day the IRO was allocated.</param>
public readonly record struct IroAllocation(string Iro, LocalDate From);

/// <summary>One stay in secure accommodation (a placement restricting liberty, CA 1989 s25), in local (UK) time.</summary>
/// <remarks>Rules SEC-2 and SEC-5; citation: Children (Secure Accommodation) Regulations 1991 regs 10 and 15.</remarks>
/// <param name="Start">When the child was placed.</param>
/// <param name="End">When the child left, or <see langword="null"/> while the stay goes on.</param>
public readonly record struct SecureStay(LocalDateTime Start, LocalDateTime? End = null);

/// <summary>One looked-after child's record for bulk evaluation: the input to <see cref="CaseloadEvaluator"/>.</summary>
/// <remarks>
/// Immutable. The episodes and reviews are taken as the child's complete history and are kept in date order
/// (episodes by start then end, reviews and IRO visits by date), whatever order they were given in. Validate with
/// <see cref="ChildCaseValidator"/>; the evaluator does so itself and reports a child that fails, with every reason,
/// as not evaluated.
/// </remarks>
public sealed record ChildCase
{
    private readonly IReadOnlyList<LocalDate>? iroVisits;
    private readonly IReadOnlyList<SecureStay>? secureStays;
    private readonly IReadOnlyList<SecureOrder>? secureOrders;
    private readonly IReadOnlyList<SecureReview>? secureReviews;
    private readonly IReadOnlyList<DisputeEscalation>? escalations;
    private readonly IReadOnlyList<IroAllocation>? iroAllocations;

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
        SortedEpisodes = Preconditions.CheckNotNull(episodes, nameof(episodes)).ToArray(); // a collection is copied at its size
        foreach (Episode e in SortedEpisodes)
        {
            Preconditions.CheckNotNull(e, nameof(episodes));
        }

        Legal.Episodes.SortInPlace(SortedEpisodes);
        SortedReviews = Preconditions.CheckNotNull(reviews, nameof(reviews)).ToArray();
        if (!InDateOrder(SortedReviews))
        {
            SortedReviews = SortedReviews.OrderBy(static r => r.Date).ToArray(); // stable: same-day reviews keep their order
        }

        Episodes = Array.AsReadOnly(SortedEpisodes);
        Reviews = Array.AsReadOnly(SortedReviews);
    }

    /// <summary>The child's identifier (SSDA903 CHILD).</summary>
    public string Id { get; }

    /// <summary>The date of birth.</summary>
    public LocalDate DateOfBirth { get; }

    /// <summary>The SSDA903 episodes, in date order (by start, then end).</summary>
    public IReadOnlyList<Episode> Episodes { get; }

    /// <summary>The reviews, in date order.</summary>
    public IReadOnlyList<CaseReview> Reviews { get; }

    /// <summary>The dates the IRO saw the child, in date order, or <see langword="null"/> if not recorded.</summary>
    public IReadOnlyList<LocalDate>? IroVisits
    {
        get => iroVisits;
        init
        {
            SortedIroVisits = value?.Order().ToArray();
            iroVisits = SortedIroVisits is null ? null : Array.AsReadOnly(SortedIroVisits);
        }
    }

    /// <summary>The child's IRO allocations in date order (each lasts until the next), or <see langword="null"/> if not recorded (IRO-1, IRO-3).</summary>
    /// <remarks>Rules IRO-1 and IRO-3; citation: CA 1989 s25A. Optional, like the other facts the SSDA903 return does not
    /// carry; from SSDA903 folders it is read from an optional <c>iro_allocations.csv</c> (CHILD, IRO, FROM).</remarks>
    public IReadOnlyList<IroAllocation>? IroAllocations
    {
        get => iroAllocations;
        init => iroAllocations = value is null ? null : Array.AsReadOnly(InOrder(value.ToArray())); // stable: same-day allocations keep their order
    }

    /// <summary>Whether the source records when each review's recommendations and minutes were sent (<see cref="CaseReview.RecommendationsOn"/>, <see cref="CaseReview.MinutesOn"/>).</summary>
    /// <remarks>Rule REV-6. When set, a review in the current period of care whose recommendations or minutes are
    /// missing after the local deadline (<see cref="LocalPolicy.RecommendationsDueWorkingDays"/>,
    /// <see cref="LocalPolicy.MinutesDueWorkingDays"/>) is flagged overdue. Off by default, as the SSDA903 return does not record them.</remarks>
    public bool TracksReviewRecords { get; init; }

    /// <summary>The child's stays in secure accommodation, or <see langword="null"/> if not recorded (SEC-2, SEC-5).</summary>
    public IReadOnlyList<SecureStay>? SecureStays
    {
        get => secureStays;
        init => secureStays = value is null ? null : Array.AsReadOnly(value.OrderBy(static s => s.Start).ToArray());
    }

    /// <summary>The court's secure accommodation orders (s25 authorisations), or <see langword="null"/> if not recorded (SEC-2, SEC-4).</summary>
    public IReadOnlyList<SecureOrder>? SecureOrders
    {
        get => secureOrders;
        init => secureOrders = value is null ? null : Array.AsReadOnly(value.OrderBy(static o => o.Start).ToArray());
    }

    /// <summary>The reviews of the secure placement (reg 15), or <see langword="null"/> if not recorded (SEC-5).</summary>
    public IReadOnlyList<SecureReview>? SecureReviews
    {
        get => secureReviews;
        init => secureReviews = value is null ? null : Array.AsReadOnly(value.OrderBy(static r => r.HeldOn).ToArray());
    }

    /// <summary>The IRO's escalations under the dispute resolution protocol, or <see langword="null"/> if not recorded (DRP-1).</summary>
    public IReadOnlyList<DisputeEscalation>? Escalations
    {
        get => escalations;
        init => escalations = value is null ? null : Array.AsReadOnly(value.Select(e => Preconditions.CheckNotNull(e, nameof(Escalations))).ToArray());
    }

    /// <summary>The first day from which the source holds the child's history, or <see langword="null"/> (the default) for a complete history.</summary>
    /// <remarks>Rule 903-W. An SSDA903 return is a one-year window (1 April to 31 March, or to the as-of date for this
    /// year's return to date): it holds the episodes open at any time in the window, with their real start dates, and the
    /// reviews held in it. Facts before <see cref="KnownFrom"/> are unknown, not absent: a period of care that began
    /// before it is known only in part, its earlier reviews are not numbered from 1, and the weekly list flags only what
    /// the data can show (docs/weekly-list.md). The SSDA903 reader sets it to the start of the earliest window read.</remarks>
    public LocalDate? KnownFrom { get; init; }

    /// <summary>When the permanence plan was agreed (REV-8).</summary>
    public LocalDate? PermanencePlanAgreedOn { get; init; }

    /// <summary>When the placement order now in force was made (LOC-2), for a source that records it; otherwise <see langword="null"/>.</summary>
    /// <remarks>Rule LOC-2. Optional: when null, the order in force is read from the episodes, as the start of the
    /// unbroken run of E1 episodes, in the current period of care, that covers the as-of date (so an order revoked,
    /// E1 then C2, is no longer in force). When set, it is taken as the date of an order in force while the child is looked after.</remarks>
    public LocalDate? PlacementOrderOn { get; init; }

    /// <summary>When the agency decided the child should be placed for adoption (LOC-3; SSDA903 placed_for_adoption DATE_PLACED).</summary>
    /// <remarks>Rule LOC-3. A decision before the current period of care began belongs to an earlier period and is not used.</remarks>
    public LocalDate? ShouldBePlacedForAdoptionOn { get; init; }

    /// <summary>When the decision that the child should be placed for adoption was reversed, if it was (LOC-3; SSDA903 DATE_PLACED_CEASED).</summary>
    /// <remarks>Rule LOC-3: a reversed decision ends the wait for adoption.</remarks>
    public LocalDate? AdoptionDecisionReversedOn { get; init; }

    /// <summary>When the child was placed for adoption (LOC-3, LOC-4), for a source that records it; otherwise <see langword="null"/>.</summary>
    /// <remarks>Rules LOC-3 and LOC-4. Optional: when null, it is read from the episodes, as the start of the unbroken
    /// run of episodes placed for adoption (PLACE A3-A6), in the current period of care, that covers the as-of date (so
    /// a placement that ended, A3 then U1, no longer counts).</remarks>
    public LocalDate? PlacedForAdoptionOn { get; init; }

    /// <summary>When the adoption application was lodged (LOC-4).</summary>
    public LocalDate? AdoptionApplicationOn { get; init; }

    /// <summary>When the pathway plan was made (LC-5).</summary>
    public LocalDate? PathwayPlanOn { get; init; }

    /// <summary>The episodes in date order: the array behind <see cref="Episodes"/>, for allocation-free evaluation.</summary>
    internal Episode[] SortedEpisodes { get; }

    /// <summary>The reviews in date order: the array behind <see cref="Reviews"/>.</summary>
    internal CaseReview[] SortedReviews { get; }

    /// <summary>The end day number of an open episode: after every real date.</summary>
    internal const int OpenEnd = int.MaxValue;

    private ChildIndex? index;

    /// <summary>The evaluation engine's index of this record (day numbers, status mask, period starts), worked out once, on first use.</summary>
    internal ChildIndex Index => index ?? System.Threading.Interlocked.CompareExchange(ref index, new ChildIndex(this), null) ?? index!;

    /// <summary>The IRO visits in date order: the array behind <see cref="IroVisits"/>.</summary>
    internal LocalDate[]? SortedIroVisits { get; private init; }










    /// <summary>Whether the reviews are already in date order (as a source ordered by date gives them): then no sort is needed.</summary>
    private static bool InDateOrder(CaseReview[] reviews)
    {
        for (int i = 1; i < reviews.Length; i++)
        {
            if (reviews[i].Date < reviews[i - 1].Date)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The allocations by date, stably: the array itself when already in order.</summary>
    private static IroAllocation[] InOrder(IroAllocation[] allocations)
    {
        for (int i = 1; i < allocations.Length; i++)
        {
            if (allocations[i].From < allocations[i - 1].From)
            {
                return allocations.OrderBy(static a => a.From).ToArray();
            }
        }

        return allocations;
    }

    /// <summary>The day number of an ISO date (days since 0001-01-01), for integer comparisons.</summary>
    internal static int DayNumber(LocalDate date) =>
        (date.Calendar == CalendarSystem.Iso ? date : date.WithCalendar(CalendarSystem.Iso)).ToDateOnly().DayNumber;

    /// <summary>Whether any of the rarely recorded facts (secure accommodation, escalations) is present.</summary>
    internal bool HasSecureOrEscalations => HasSecure || escalations is { Count: > 0 };

    /// <summary>Whether any secure accommodation fact is recorded.</summary>
    internal bool HasSecure => secureStays is { Count: > 0 } || secureOrders is { Count: > 0 } || secureReviews is { Count: > 0 };

    /// <summary>Whether two records hold the same facts (the collections compared item by item).</summary>
    /// <param name="other">The other record.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(ChildCase? other) =>
        other is not null
        && Id == other.Id
        && DateOfBirth == other.DateOfBirth
        && Episodes.SequenceEqual(other.Episodes)
        && Reviews.SequenceEqual(other.Reviews)
        && Same(IroVisits, other.IroVisits)
        && TracksReviewRecords == other.TracksReviewRecords
        && Same(SecureStays, other.SecureStays)
        && Same(SecureOrders, other.SecureOrders)
        && Same(SecureReviews, other.SecureReviews)
        && Same(Escalations, other.Escalations)
        && Same(IroAllocations, other.IroAllocations)
        && KnownFrom == other.KnownFrom
        && PermanencePlanAgreedOn == other.PermanencePlanAgreedOn
        && PlacementOrderOn == other.PlacementOrderOn
        && ShouldBePlacedForAdoptionOn == other.ShouldBePlacedForAdoptionOn
        && AdoptionDecisionReversedOn == other.AdoptionDecisionReversedOn
        && PlacedForAdoptionOn == other.PlacedForAdoptionOn
        && AdoptionApplicationOn == other.AdoptionApplicationOn
        && PathwayPlanOn == other.PathwayPlanOn;

    /// <summary>A hash of the identity and the dates.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Id, DateOfBirth, Episodes.Count, Reviews.Count);

    private static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);
}
