using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Permanence;

/// <summary>Where the LOC-3 wait for adoption starts (docs/rules.md LOC-3a).</summary>
public enum AdoptionWaitStart
{
    /// <summary>The agency decision maker's (ADM) decision that the child should be placed for adoption, falling back to the placement order date (the default).</summary>
    AdmDecision = 0,

    /// <summary>The placement order date.</summary>
    PlacementOrder = 1,
}

/// <summary>Permanence by the second review (REV-8) and the local adoption flags (LOC-2 to LOC-4).</summary>
/// <remarks>
/// <para>Rules REV-8 (statutory guidance and local policy) and LOC-2 to LOC-4 (a local monitoring standard; thresholds
/// and on/off in <see cref="LocalPolicy"/>). Citations: Children Act 1989 Guidance Vol 2; Adoption and Children Act 2002 s21.
/// Durations use CAL-4 (months) and CAL-5 (weeks): "over N" means as-of is after the anchor plus N.</para>
/// <para>Placement order 2024-02-29: flagged from 2025-03-01. Decision 2024-05-31: waiting over 9 months from 2025-03-01.
/// Placed 2025-03-03 with no application: flagged from 2025-05-13.</para>
/// </remarks>
public static class PermanenceFlags
{
    /// <summary>REV-8: whether the permanence plan was agreed by the second review.</summary>
    /// <param name="planAgreedOn">When the permanence plan was agreed, if it has been.</param>
    /// <param name="secondReviewCompleted">When the second review was completed, if it has been.</param>
    /// <returns>Met, not met, or pending (no second review yet).</returns>
    public static Finding PlanBySecondReview(LocalDate? planAgreedOn, LocalDate? secondReviewCompleted)
    {
        if (secondReviewCompleted is not LocalDate second)
        {
            return new Finding(RuleId.PermanencePlan, Outcome.Pending, Citations.PermanencePlan,
                planAgreedOn is LocalDate early
                    ? $"Permanence plan agreed {DateFormat.Iso(early)}; the second review has not been held, so REV-8 is not yet assessable."
                    : "No second review yet, so the permanence plan by the second review (REV-8) is not yet assessable.");
        }

        bool met = planAgreedOn is LocalDate plan && plan <= second;
        return new Finding(RuleId.PermanencePlan, met ? Outcome.Met : Outcome.NotMet, Citations.PermanencePlan,
            planAgreedOn is LocalDate agreed
                ? $"Permanence plan agreed {DateFormat.Iso(agreed)}; second review {DateFormat.Iso(second)}: {(met ? "agreed by the second review" : "agreed after the second review")}."
                : $"No permanence plan agreed by the second review on {DateFormat.Iso(second)}.");
    }

    /// <summary>LOC-2: subject to a placement order for over 12 months (by default), as of a date.</summary>
    /// <param name="placementOrderOn">The date of the placement order.</param>
    /// <param name="endedOn">The date the order was revoked or ended (or the child adopted), if it has.</param>
    /// <param name="asOf">The date of the list.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <returns><see cref="Outcome.NotMet"/> when flagged; <see cref="Outcome.Met"/> when not yet over; <see cref="Outcome.NotApplicable"/> when ended or switched off.</returns>
    public static Finding PlacementOrderDuration(LocalDate placementOrderOn, LocalDate? endedOn, LocalDate asOf, LocalPolicy? policy = null)
    {
        LocalPolicy p = policy ?? LocalPolicy.Default;
        return Over(RuleId.PlacementOrderOverTwelveMonths, "placement order", placementOrderOn, endedOn, asOf,
            CalendarMonths.Add(placementOrderOn, p.PlacementOrderFlagMonths), Deadline.Plural(p.PlacementOrderFlagMonths, "month"), p.AdoptionFlagsEnabled);
    }

    /// <summary>The day the LOC-3 wait starts under the policy's <see cref="LocalPolicy.WaitStart"/>: the decision (falling back to the placement order), or the placement order.</summary>
    internal static LocalDate? WaitStart(LocalDate? shouldBePlacedDecisionOn, LocalDate? placementOrderOn, LocalPolicy policy) =>
        policy.WaitStart == AdoptionWaitStart.AdmDecision ? shouldBePlacedDecisionOn ?? placementOrderOn : placementOrderOn;

    /// <summary>LOC-3: waiting for adoption for over 9 months (by default), as of a date; the wait ends when the child is placed for adoption or the decision is reversed.</summary>
    /// <param name="shouldBePlacedDecisionOn">The agency decision that the child should be placed for adoption, if known.</param>
    /// <param name="placementOrderOn">The placement order date, if any (the fallback start).</param>
    /// <param name="placedForAdoptionOn">When the child was placed for adoption, if they have been.</param>
    /// <param name="asOf">The date of the list.</param>
    /// <param name="policy">The policy (<see cref="LocalPolicy.WaitStart"/>); the default when null.</param>
    /// <param name="decisionReversedOn">When the decision that the child should be placed for adoption was reversed (SSDA903 DATE_PLACED_CEASED), if it was: it ends the wait (a reversal before the wait began, of an earlier decision, does not).</param>
    /// <returns>The finding; <see cref="Outcome.NotApplicable"/> when there is no start date, or the wait has ended.</returns>
    public static Finding AdoptionWait(
        LocalDate? shouldBePlacedDecisionOn, LocalDate? placementOrderOn, LocalDate? placedForAdoptionOn, LocalDate asOf, LocalPolicy? policy = null, LocalDate? decisionReversedOn = null)
    {
        LocalPolicy p = policy ?? LocalPolicy.Default;
        LocalDate? start = WaitStart(shouldBePlacedDecisionOn, placementOrderOn, p);
        if (start is not LocalDate from)
        {
            return new Finding(RuleId.WaitingForAdoption, Outcome.NotApplicable, Citations.AdoptionFlags, "No adoption decision or placement order: not waiting for adoption.");
        }

        if (decisionReversedOn is LocalDate reversed && reversed >= from && reversed <= asOf && (placedForAdoptionOn is not LocalDate placed || placed > asOf || reversed < placed))
        {
            return new Finding(RuleId.WaitingForAdoption, Outcome.NotApplicable, Citations.AdoptionFlags,
                $"Waiting for adoption from {DateFormat.Iso(from)} ended on {DateFormat.Iso(reversed)}, when the decision that the child should be placed for adoption was reversed: not flagged.");
        }

        return Over(RuleId.WaitingForAdoption, "waiting for adoption", from, placedForAdoptionOn, asOf,
            CalendarMonths.Add(from, p.AdoptionWaitFlagMonths), Deadline.Plural(p.AdoptionWaitFlagMonths, "month"), p.AdoptionFlagsEnabled);
    }

    /// <summary>LOC-4: placed for adoption for over 10 weeks (by default) with no adoption application, as of a date.</summary>
    /// <param name="placedForAdoptionOn">When the child was placed for adoption.</param>
    /// <param name="applicationOn">When the adoption application was lodged, if it has been.</param>
    /// <param name="disruptedOn">When the placement ended without adoption, if it did.</param>
    /// <param name="asOf">The date of the list.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <returns>The finding.</returns>
    public static Finding PlacedWithoutApplication(LocalDate placedForAdoptionOn, LocalDate? applicationOn, LocalDate? disruptedOn, LocalDate asOf, LocalPolicy? policy = null)
    {
        LocalPolicy p = policy ?? LocalPolicy.Default;
        LocalDate? ended = applicationOn is LocalDate a && (disruptedOn is not LocalDate d || a <= d) ? a : disruptedOn;
        return Over(RuleId.PlacedForAdoptionNoApplication, "placed for adoption without an adoption application", placedForAdoptionOn, ended, asOf,
            Weeks.After(placedForAdoptionOn, p.PlacedForAdoptionFlagWeeks), Deadline.Plural(p.PlacedForAdoptionFlagWeeks, "week"), p.AdoptionFlagsEnabled);
    }

    private static Finding Over(RuleId rule, string what, LocalDate from, LocalDate? endedOn, LocalDate asOf, LocalDate thresholdEnds, string threshold, bool enabled)
    {
        if (endedOn is LocalDate ended && ended <= asOf)
        {
            return new Finding(rule, Outcome.NotApplicable, Citations.AdoptionFlags,
                $"{Capitalise(what)} from {DateFormat.Iso(from)} ended on {DateFormat.Iso(ended)}: not flagged.");
        }

        bool over = asOf > thresholdEnds;
        string ending = over && !enabled ? "; the flag is switched off by local policy." : ".";
        string text = over
            ? $"{Capitalise(what)} since {DateFormat.Iso(from)}: over {threshold} (flagged from {DateFormat.Iso(thresholdEnds.PlusDays(1))}){ending}"
            : $"{Capitalise(what)} since {DateFormat.Iso(from)}: not over {threshold} until {DateFormat.Iso(thresholdEnds.PlusDays(1))}{ending}";
        return new Finding(rule, over && enabled ? Outcome.NotMet : over ? Outcome.NotApplicable : Outcome.Met, Citations.AdoptionFlags, text);
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
