using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Secure;

/// <summary>The s25(1) criteria and which limb is met.</summary>
/// <param name="IsMet">Whether either limb is met.</param>
/// <param name="Limbs">The limbs met.</param>
/// <param name="Finding">The explanation.</param>
public readonly record struct SecureCriteriaResult(bool IsMet, SecureCriteriaLimb Limbs, Finding Finding);

/// <summary>One secure-placement review assessed: due date, timing and panel (SEC-5).</summary>
/// <param name="Number">The review's number, from 1.</param>
/// <param name="Review">The review as given.</param>
/// <param name="DueBy">The last day it was in time.</param>
/// <param name="OnTime">Whether it was held by <paramref name="DueBy"/>.</param>
/// <param name="PanelMeetsRegulations">Whether the panel had at least three people, at least one independent.</param>
/// <param name="Finding">The explanation.</param>
public sealed record SecureReviewOutcome(int Number, SecureReview Review, LocalDate DueBy, bool OnTime, bool PanelMeetsRegulations, Finding Finding);

/// <summary>The secure-placement review timetable as of a date (SEC-5).</summary>
/// <param name="Reviews">Each review held, in date order.</param>
/// <param name="NextDueBy">The next review's due date.</param>
/// <param name="Next">The next review's deadline as of the date asked (not required once the placement ended).</param>
/// <param name="NextFinding">The explanation of the next review.</param>
public sealed record SecureReviewTimeline(IReadOnlyList<SecureReviewOutcome> Reviews, LocalDate NextDueBy, Deadline Next, Finding NextFinding)
{
    /// <summary>Whether the next review is overdue.</summary>
    public bool IsOverdue => Next.Timeliness == Timeliness.Overdue;
}

/// <summary>Secure accommodation under Children Act 1989 s25 and the Children (Secure Accommodation) Regulations 1991.</summary>
/// <remarks>
/// Rules SEC-1 to SEC-5. Citations: CA 1989 s25(1) and (4); CSAR 1991 regs 4-5, 10, 11-13, 15-16. The 72-hour limit
/// (SEC-2, SEC-3) is in <c>SecureTimeLimit</c>.
/// </remarks>
public static class SecureAccommodation
{
    /// <summary>Whether the s25(1) criteria are met on the assessed facts, and which limb.</summary>
    /// <remarks>Limb (a): a history of absconding, likely to abscond from other accommodation, and likely to suffer significant harm if so (all three). Limb (b): likely to injure self or others if kept in other accommodation.</remarks>
    /// <param name="facts">The assessed facts.</param>
    /// <returns>The result with its finding (rule SEC-1, citation CA 1989 s25(1)).</returns>
    public static SecureCriteriaResult Criteria(SecureCriteriaFacts facts)
    {
        SecureCriteriaLimb limbs = SecureCriteriaLimb.None;
        if (facts.HistoryOfAbsconding && facts.LikelyToAbscondFromOtherAccommodation && facts.LikelyToSufferSignificantHarmIfAbsconds)
        {
            limbs |= SecureCriteriaLimb.Absconding;
        }

        if (facts.LikelyToInjureSelfOrOthersIfKeptElsewhere)
        {
            limbs |= SecureCriteriaLimb.Injury;
        }

        string summary = limbs switch
        {
            SecureCriteriaLimb.Absconding | SecureCriteriaLimb.Injury => "The s25(1) criteria are met on both limbs: (a) absconding with likely significant harm, and (b) likely injury to self or others.",
            SecureCriteriaLimb.Absconding => "The s25(1) criteria are met on limb (a): a history of absconding, likely to abscond from other accommodation, and likely to suffer significant harm if so.",
            SecureCriteriaLimb.Injury => "The s25(1) criteria are met on limb (b): likely to injure self or others if kept in other accommodation.",
            _ => "The s25(1) criteria are not met: " + MissingAbscondingParts(facts) + "; and injury to self or others is not likely (limb (b)).",
        };
        return new SecureCriteriaResult(limbs != SecureCriteriaLimb.None, limbs,
            new Finding(RuleId.SecureEligibility, limbs == SecureCriteriaLimb.None ? Outcome.NotMet : Outcome.Met, Citations.SecureCriteria, summary));
    }

    /// <summary>Whether a secure placement of this child is allowed: a child (under 18), not excluded from s25, and, under 13, with the Secretary of State's approval.</summary>
    /// <remarks>SEC-1. Aged 12 years 11 months without approval: breach of reg 4. On the 13th birthday (AGE-1) reg 4 is not engaged. A 17-year-old accommodated under s20(5): s25 does not apply.</remarks>
    /// <param name="dateOfBirth">The child's date of birth.</param>
    /// <param name="placementDate">The date of the placement.</param>
    /// <param name="exclusions">Any circumstances in which s25 does not apply.</param>
    /// <param name="secretaryOfStateApproval">Whether the Secretary of State approved the placement of a child under 13 (reg 4).</param>
    /// <param name="leapDayBirthday">The 29 February rule (AGE-1a).</param>
    /// <returns>A finding: <see cref="Outcome.Met"/> if allowed; <see cref="Outcome.NotMet"/> with the reason if not; <see cref="Outcome.NotApplicable"/> if s25 does not apply.</returns>
    /// <exception cref="ArgumentException"><paramref name="placementDate"/> is before <paramref name="dateOfBirth"/>.</exception>
    public static Finding Eligibility(
        LocalDate dateOfBirth, LocalDate placementDate, SecureExclusion exclusions = SecureExclusion.None, bool secretaryOfStateApproval = false, LeapDayBirthday leapDayBirthday = Age.DefaultLeapDayRule)
    {
        if (placementDate < dateOfBirth)
        {
            throw new ArgumentException($"placementDate was {DateFormat.Iso(placementDate)}, before dateOfBirth {DateFormat.Iso(dateOfBirth)} (SEC-1).", nameof(placementDate));
        }

        int age = Age.YearsOn(dateOfBirth, placementDate, leapDayBirthday);
        if (age >= 18)
        {
            return new Finding(RuleId.SecureEligibility, Outcome.NotApplicable, Citations.SecureCriteria,
                $"Aged {age} on {DateFormat.Iso(placementDate)}: not a child, so s25 does not apply (SEC-1.S25NotApplicable).")
            { Reason = ReasonCodes.S25NotApplicable };
        }

        if (exclusions != SecureExclusion.None)
        {
            return new Finding(RuleId.SecureEligibility, Outcome.NotApplicable, Citations.SecureEligibility,
                $"s25 does not apply to this child ({exclusions}): a secure placement under s25 cannot be made (SEC-1.S25NotApplicable).")
            { Reason = ReasonCodes.S25NotApplicable };
        }

        if (age < 13 && !secretaryOfStateApproval)
        {
            return new Finding(RuleId.SecureEligibility, Outcome.NotMet, Citations.SecureEligibility,
                $"Aged {age} on {DateFormat.Iso(placementDate)}: a child under 13 may not be placed in secure accommodation in a children's home without the Secretary of State's prior approval (reg 4), and none is recorded.")
            { Reason = ReasonCodes.UnderThirteenWithoutApproval };
        }

        return new Finding(RuleId.SecureEligibility, Outcome.Met, Citations.SecureEligibility,
            age < 13
                ? $"Aged {age} on {DateFormat.Iso(placementDate)}: under 13, placed with the Secretary of State's approval (reg 4)."
                : $"Aged {age} on {DateFormat.Iso(placementDate)}: 13 or over, so reg 4 approval is not needed.");
    }

    /// <summary>The latest end date a court may authorise: 3 months for a first order, 6 months for a further one (CAL-4), and never past a remand.</summary>
    /// <param name="start">The first day of the authorisation.</param>
    /// <param name="isRenewal">Whether it is a further authorisation.</param>
    /// <returns>The latest permitted end date.</returns>
    public static LocalDate LatestOrderEnd(LocalDate start, bool isRenewal) => CalendarMonths.Add(start, isRenewal ? 6 : 3);

    /// <summary>Checks a secure accommodation order against the maximum periods (SEC-4).</summary>
    /// <remarks>First order from 2025-01-31: latest end 2025-04-30. Further order from 2025-04-30: latest end 2025-10-30. A first order stated for 4 months is flagged.</remarks>
    /// <param name="order">The order.</param>
    /// <returns>A finding: met if the stated end is within the maximum.</returns>
    /// <exception cref="ArgumentException">The order ends before it starts.</exception>
    public static Finding AssessOrder(SecureOrder order)
    {
        if (order.End < order.Start)
        {
            throw new ArgumentException($"order.End was {DateFormat.Iso(order.End)}, before order.Start {DateFormat.Iso(order.Start)} (SEC-4).", nameof(order));
        }

        LocalDate latest = LatestOrderEnd(order.Start, order.IsRenewal);
        string limit = order.IsRenewal ? "6 months for a further authorisation (reg 12)" : "3 months for a first authorisation (reg 11)";
        if (order.RemandEnds is LocalDate remand && remand < latest)
        {
            latest = remand;
            limit = "the end of the remand (reg 13)";
        }

        bool ok = order.End <= latest;
        return new Finding(RuleId.SecureOrder, ok ? Outcome.Met : Outcome.NotMet, Citations.SecureOrder,
            $"Order from {DateFormat.Iso(order.Start)} to {DateFormat.Iso(order.End)}: the latest permitted end is {DateFormat.Iso(latest)}, {limit}; {(ok ? "within it" : "it goes beyond it")}.");
    }

    /// <summary>The secure-placement review timetable: the first review within one month of the placement, then at most every three months (SEC-5).</summary>
    /// <remarks>Placed 2025-01-31: first review by 2025-02-28; held 2025-02-27: next by 2025-05-27. A panel of two is a breach (SEC-5.PanelComposition).</remarks>
    /// <param name="placementStart">The first day of the placement.</param>
    /// <param name="reviews">The reviews held, any order.</param>
    /// <param name="asOf">The date to evaluate as of.</param>
    /// <param name="placementEnd">The last day of the placement, if it has ended.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentException">A review is before the placement, after <paramref name="asOf"/>, or a panel count is negative or inconsistent.</exception>
    public static SecureReviewTimeline Reviews(LocalDate placementStart, IEnumerable<SecureReview> reviews, LocalDate asOf, LocalDate? placementEnd = null)
    {
        Preconditions.CheckNotNull(reviews, nameof(reviews));
        SecureReview[] sorted = reviews.OrderBy(static r => r.HeldOn).ToArray();
        foreach (SecureReview r in sorted)
        {
            if (r.HeldOn < placementStart || r.HeldOn > asOf || r.PanelSize < 0 || r.IndependentMembers < 0 || r.IndependentMembers > r.PanelSize)
            {
                throw new ArgumentException(
                    $"reviews has a review on {DateFormat.Iso(r.HeldOn)} (panel {r.PanelSize}, independent {r.IndependentMembers}) that is before the placement on {DateFormat.Iso(placementStart)}, after asOf {DateFormat.Iso(asOf)}, or has an impossible panel (SEC-5).",
                    nameof(reviews));
            }
        }

        if (placementEnd is LocalDate end && end < placementStart)
        {
            throw new ArgumentException($"placementEnd was {DateFormat.Iso(end)}, before placementStart {DateFormat.Iso(placementStart)} (SEC-5).", nameof(placementEnd));
        }

        var outcomes = new List<SecureReviewOutcome>(sorted.Length);
        LocalDate due = CalendarMonths.Add(placementStart, 1);
        string basis = $"one month after the placement on {DateFormat.Iso(placementStart)}";
        for (int i = 0; i < sorted.Length; i++)
        {
            SecureReview r = sorted[i];
            bool onTime = r.HeldOn <= due;
            bool panel = r.PanelSize >= 3 && r.IndependentMembers >= 1;
            string panelText = panel
                ? $"panel of {r.PanelSize} with {r.IndependentMembers} independent"
                : $"panel of {r.PanelSize} with {r.IndependentMembers} independent: at least three, one neither a member nor an officer of the authority, are required (SEC-5.PanelComposition)";
            outcomes.Add(new SecureReviewOutcome(i + 1, r, due, onTime, panel, new Finding(
                RuleId.SecureReview, onTime && panel ? Outcome.Met : Outcome.NotMet, Citations.SecureReview,
                $"Secure review {i + 1} was due by {DateFormat.Iso(due)}, {basis}; held on {DateFormat.Iso(r.HeldOn)}, {Deadline.Assess(due, r.HeldOn, asOf).Describe()}; {panelText}.")
            {
                Reason = panel ? null : ReasonCodes.PanelComposition,
            }));
            due = CalendarMonths.Add(r.HeldOn, 3);
            basis = $"three months after review {i + 1} on {DateFormat.Iso(r.HeldOn)}";
        }

        Deadline next = placementEnd is LocalDate ended && ended <= due && ended <= asOf
            ? Deadline.NotRequired(due, asOf)
            : Deadline.Assess(due, null, placementEnd is LocalDate e2 && e2 < asOf ? e2 : asOf);
        var nextFinding = new Finding(RuleId.SecureReview, next.ToOutcome(), Citations.SecureReview,
            $"Secure review {sorted.Length + 1} is due by {DateFormat.Iso(due)}, {basis}; {next.Describe()}.");
        return new SecureReviewTimeline(outcomes, due, next, nextFinding);
    }

    private static string MissingAbscondingParts(SecureCriteriaFacts facts)
    {
        var missing = new List<string>();
        if (!facts.HistoryOfAbsconding)
        {
            missing.Add("no history of absconding");
        }

        if (!facts.LikelyToAbscondFromOtherAccommodation)
        {
            missing.Add("not likely to abscond from other accommodation");
        }

        if (!facts.LikelyToSufferSignificantHarmIfAbsconds)
        {
            missing.Add("not likely to suffer significant harm if they abscond");
        }

        return "limb (a) fails (" + string.Join(", ", missing) + ")";
    }
}
