using System;
using System.Collections.Generic;
using System.Linq;
using Iro.Rules.Internal;
using NodaTime;

namespace Iro.Rules.Reviews;

/// <summary>Which part of a review held as a series of meetings is the review's date (docs/rules.md REV-5a).</summary>
/// <remarks>Rule REV-5; citation: CPPCR 2010 reg 36 and IRO Handbook 2010 ch. 3. The law does not settle the point; see <see cref="LocalPolicy.ReviewDateBasis"/>.</remarks>
public enum ReviewDateBasis
{
    /// <summary>The last part (the default): a review is not carried out until its last part; the next interval runs from it.</summary>
    LastPart = 0,

    /// <summary>The first part, as some authorities record in the SSDA903 return.</summary>
    FirstPart = 1,
}

/// <summary>What a part of a review was.</summary>
/// <remarks>Rule REV-5; citation: CPPCR 2010 reg 36 (one adjournment of at most 20 working days).</remarks>
public enum ReviewPartKind
{
    /// <summary>The main review meeting (or the only one).</summary>
    Meeting = 0,

    /// <summary>A separate session with the child.</summary>
    ChildSession = 1,

    /// <summary>A separate session with a parent.</summary>
    ParentSession = 2,

    /// <summary>A meeting the IRO adjourned for want of information (CPPCR 2010 reg 36; at most once, for at most 20 working days).</summary>
    Adjourned = 3,

    /// <summary>The meeting reconvened after an adjournment.</summary>
    Reconvened = 4,
}

/// <summary>One meeting or session of a review.</summary>
/// <remarks>Immutable. Rule REV-5; citation: CPPCR 2010 reg 36.</remarks>
/// <param name="Date">The date it was held.</param>
/// <param name="Kind">What it was.</param>
public readonly record struct ReviewPart(LocalDate Date, ReviewPartKind Kind = ReviewPartKind.Meeting);

/// <summary>A review of a looked after child's case: one meeting, or a series of meetings (REV-5).</summary>
/// <remarks>Immutable. Rule REV-5; citation CPPCR 2010 reg 36. Its completion date is its last part.</remarks>
public sealed record Review
{
    /// <summary>A review held in one meeting.</summary>
    /// <param name="heldOn">The date of the meeting.</param>
    public Review(LocalDate heldOn)
        : this(new[] { new ReviewPart(heldOn) })
    {
    }

    /// <summary>A review held as one or more parts.</summary>
    /// <param name="parts">At least one part; any order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="parts"/> is empty.</exception>
    public Review(IEnumerable<ReviewPart> parts)
    {
        Preconditions.CheckNotNull(parts, nameof(parts));
        ReviewPart[] sorted = parts.OrderBy(static p => p.Date).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A review needs at least one part (REV-5).", nameof(parts));
        }

        foreach (ReviewPart part in sorted)
        {
            Preconditions.CheckIsoCalendar(part.Date, nameof(parts));
            Preconditions.CheckDefined(part.Kind, nameof(parts));
        }

        Parts = Array.AsReadOnly(sorted);
    }

    /// <summary>The parts in date order.</summary>
    public IReadOnlyList<ReviewPart> Parts { get; }

    /// <summary>The date of the first part.</summary>
    public LocalDate FirstPart => Parts[0].Date;

    /// <summary>The date of the last part: the completion date.</summary>
    public LocalDate LastPart => Parts[Parts.Count - 1].Date;

    /// <summary>Whether the child (of sufficient understanding) refused to see the IRO before this review (REV-10 exemption).</summary>
    public bool ChildRefusedIroVisit { get; init; }

    /// <summary>When the review's recommendations were placed on the child's file, if known (REV-6).</summary>
    public LocalDate? RecommendationsOn { get; init; }

    /// <summary>When the review's minutes (record) were sent, if known (REV-6).</summary>
    public LocalDate? MinutesOn { get; init; }

    /// <summary>Whether two reviews have the same parts and the same recorded facts.</summary>
    /// <param name="other">The other review.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(Review? other) =>
        other is not null
        && Parts.SequenceEqual(other.Parts)
        && ChildRefusedIroVisit == other.ChildRefusedIroVisit
        && RecommendationsOn == other.RecommendationsOn
        && MinutesOn == other.MinutesOn;

    /// <summary>A hash of the parts and recorded facts.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(FirstPart, LastPart, Parts.Count, ChildRefusedIroVisit, RecommendationsOn, MinutesOn);

    /// <summary>The review's date under <paramref name="basis"/>.</summary>
    /// <param name="basis">First or last part.</param>
    /// <returns>The first or last part's date.</returns>
    public LocalDate DateUnder(ReviewDateBasis basis) => basis == ReviewDateBasis.FirstPart ? FirstPart : LastPart;
}

/// <summary>One pre-planned short-break placement (REV-9).</summary>
/// <remarks>Immutable. Rule REV-9; citation: CPPCR 2010 reg 48(2): no single placement intended to last more than 17 days, no more than 75 days in any 12 months.</remarks>
/// <param name="Start">The first day of the placement.</param>
/// <param name="End">The last day of the placement (inclusive).</param>
/// <param name="IntendedDays">How many days the placement was intended to last, if recorded; reg 48(2) tests the intended length, not the actual.</param>
public readonly record struct ShortBreak(LocalDate Start, LocalDate End, int? IntendedDays = null)
{
    /// <summary>Days placed: every calendar day from <see cref="Start"/> to <see cref="End"/> inclusive.</summary>
    public int Days => Period.DaysBetween(Start, End) + 1;
}

/// <summary>A proposed significant change to the care plan (REV-7).</summary>
/// <remarks>Immutable. Rule REV-7; citation: CPPCR 2010 reg 32(2).</remarks>
/// <param name="ProposedOn">When the change was proposed.</param>
/// <param name="MadeOn">When it was made.</param>
/// <param name="Description">What it was, for example "change of placement".</param>
/// <param name="NotReasonablyPracticable">Whether a review first was not reasonably practicable (reg 32(2)).</param>
public sealed record SignificantChange(LocalDate ProposedOn, LocalDate MadeOn, string Description, bool NotReasonablyPracticable = false);

/// <summary>One period of being looked after, with its reviews and the facts the review rules can check.</summary>
/// <remarks>
/// Immutable. Rules REV-1 to REV-10; citation: CPPCR 2010 Part 6. A new period of care starts the review timetable afresh: evaluate each period on its own. Changes of
/// legal status or placement within a period do not restart it (docs/rules.md REV-1).
/// </remarks>
public sealed record CarePeriod
{
    private readonly IReadOnlyList<LocalDate>? iroVisits;
    private readonly IReadOnlyList<SignificantChange> significantChanges = Array.Empty<SignificantChange>();
    private readonly IReadOnlyList<ShortBreak> shortBreaks = Array.Empty<ShortBreak>();

    /// <summary>A period of care with its reviews.</summary>
    /// <param name="start">The day the child became looked after (SSDA903 DECOM of the episode with RNE = S).</param>
    /// <param name="reviews">The reviews held, in any order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reviews"/> or an item is null.</exception>
    public CarePeriod(LocalDate start, IEnumerable<Review> reviews)
    {
        Preconditions.CheckNotNull(reviews, nameof(reviews));
        Preconditions.CheckIsoCalendar(start, nameof(start));
        Start = start;
        Reviews = Array.AsReadOnly(reviews.Select(r => Preconditions.CheckNotNull(r, nameof(reviews))).ToArray());
    }

    /// <summary>A period of care whose reviews were each one meeting.</summary>
    /// <param name="start">The day the child became looked after.</param>
    /// <param name="reviewDates">The review dates, in any order.</param>
    public CarePeriod(LocalDate start, IEnumerable<LocalDate> reviewDates)
        : this(start, Preconditions.CheckNotNull(reviewDates, nameof(reviewDates)).Select(static d => new Review(d)))
    {
    }

    /// <summary>The day the child became looked after.</summary>
    public LocalDate Start { get; }

    /// <summary>The last day of the period, if it has ended.</summary>
    public LocalDate? End { get; init; }

    /// <summary>The reviews held, as given.</summary>
    public IReadOnlyList<Review> Reviews { get; }

    /// <summary>The dates the IRO saw the child, or <see langword="null"/> if not recorded (REV-10 is then not assessed).</summary>
    public IReadOnlyList<LocalDate>? IroVisits
    {
        get => iroVisits;
        init => iroVisits = value is null ? null : Array.AsReadOnly(value.ToArray());
    }

    /// <summary>Whether the source records when each review's recommendations and minutes were sent, so that a review with no such date has not had them sent yet (REV-6).</summary>
    /// <remarks>Rule REV-6. When false (the default), a missing <see cref="Review.RecommendationsOn"/> or <see cref="Review.MinutesOn"/>
    /// is "not recorded" (information only); when true it is "not sent", pending until the local deadline and overdue after it.</remarks>
    public bool TracksReviewRecords { get; init; }

    /// <summary>Proposed significant changes to the care plan (REV-7); empty when none are recorded.</summary>
    /// <exception cref="ArgumentNullException">The value or an item is null.</exception>
    public IReadOnlyList<SignificantChange> SignificantChanges
    {
        get => significantChanges;
        init => significantChanges = Array.AsReadOnly(Preconditions.CheckNotNull(value, nameof(SignificantChanges))
            .Select(c => Preconditions.CheckNotNull(c, nameof(SignificantChanges))).ToArray());
    }

    /// <summary>Short-break placements (SSDA903 legal status V3/V4); empty for an ordinary period of care (REV-9).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<ShortBreak> ShortBreaks
    {
        get => shortBreaks;
        init => shortBreaks = Array.AsReadOnly(Preconditions.CheckNotNull(value, nameof(ShortBreaks)).ToArray());
    }

    /// <summary>Whether two periods have the same start, end, reviews and facts.</summary>
    /// <param name="other">The other period.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(CarePeriod? other) =>
        other is not null
        && Start == other.Start
        && End == other.End
        && TracksReviewRecords == other.TracksReviewRecords
        && Reviews.SequenceEqual(other.Reviews)
        && (IroVisits is null ? other.IroVisits is null : other.IroVisits is not null && IroVisits.SequenceEqual(other.IroVisits))
        && SignificantChanges.SequenceEqual(other.SignificantChanges)
        && ShortBreaks.SequenceEqual(other.ShortBreaks);

    /// <summary>A hash of the start, end and number of reviews.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Start, End, Reviews.Count);
}
