using System.Collections.Generic;
using Iro.Rules.Participation;
using NodaTime;

namespace Iro.Rules.Caseload;

/// <summary>
/// The validity predicates of a <see cref="ChildCase"/>, shared by <see cref="ChildCaseValidator"/>'s rules (which
/// word the reasons) and its allocation-free quick check (which only answers yes or no), so the two cannot disagree.
/// </summary>
internal static class ChildChecks
{
    /// <summary>The first day a date of birth or any other date of the record may be (1900-01-01), as a day number.</summary>
    public static readonly int FirstDay = ChildCase.DayNumber(new LocalDate(1900, 1, 1));

    /// <summary>The first day an episode may start (1971-01-01, the calendars' range), as a day number.</summary>
    public static readonly int FirstEpisodeDay = ChildCase.DayNumber(new LocalDate(1971, 1, 1));

    /// <summary>The last day of the supported range (2100-12-31), as a day number.</summary>
    public static readonly int LastDay = ChildCase.DayNumber(new LocalDate(2100, 12, 31));

    /// <summary>IN-DATE-RANGE: a date in the ISO calendar from 1900 to 2100.</summary>
    public static bool DateInRange(LocalDate date) => date.Calendar == CalendarSystem.Iso && date.Year >= 1900 && date.Year <= 2100;

    /// <summary>IN-DATE-RANGE for an optional date: absent, or in range.</summary>
    public static bool DateInRange(LocalDate? date) => date is not LocalDate d || DateInRange(d);

    private static readonly bool[] DefinedStatus = Table<Legal.LegalStatus>();
    private static readonly bool[] DefinedReason = Table<Legal.ReasonForNewEpisode>();

    /// <summary>IN-EPISODES: an episode whose legal status and reason for new episode are defined codes, and whose dates are ISO dates.</summary>
    public static bool EpisodeWellFormed(Legal.Episode e) =>
        (uint)e.LegalStatus < (uint)DefinedStatus.Length && DefinedStatus[(int)e.LegalStatus]
        && (uint)e.Reason < (uint)DefinedReason.Length && DefinedReason[(int)e.Reason]
        && e.Start.Calendar == CalendarSystem.Iso && (e.End is not LocalDate end || end.Calendar == CalendarSystem.Iso);

    private static bool[] Table<T>()
        where T : struct, System.Enum
    {
        int max = 0;
        foreach (T value in System.Enum.GetValues<T>())
        {
            max = System.Math.Max(max, System.Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        var table = new bool[max + 1];
        foreach (T value in System.Enum.GetValues<T>())
        {
            int i = System.Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            if (i >= 0)
            {
                table[i] = true;
            }
        }

        return table;
    }

    /// <summary>IN-EPISODE-BEFORE-BIRTH: an episode that starts before the date of birth (day numbers).</summary>
    public static bool StartsBeforeBirth(int startDay, int birthDay) => startDay < birthDay;

    /// <summary>IN-DATE-RANGE for an episode: it starts from 1971 to 2100 and, if it has ended, ended by 2100 (day numbers; <see cref="ChildCase.OpenEnd"/> while open).</summary>
    public static bool EpisodeInYears(int startDay, int endDay) =>
        startDay >= FirstEpisodeDay && startDay <= LastDay && (endDay == ChildCase.OpenEnd || endDay <= LastDay);

    /// <summary>IN-IRO-ALLOCATION: an allocation whose IRO identifier is blank (IRO-1, IRO-3).</summary>
    public static bool AllocationWellFormed(IroAllocation allocation) => !string.IsNullOrWhiteSpace(allocation.Iro);

    /// <summary>IN-PN-CODE: a participation code that is recorded but not one of PN0-PN7.</summary>
    public static bool UnknownCode(ParticipationCode? code) => code is ParticipationCode c && (uint)c > (uint)ParticipationCode.PN7;

    /// <summary>IN-REVIEW-RECORD: recommendations or minutes recorded as sent before the review itself.</summary>
    public static bool RecordBeforeReview(CaseReview review) => review.RecommendationsOn < review.Date || review.MinutesOn < review.Date;

    /// <summary>The first optional date of the record (outside episodes, reviews and the date of birth) that is not in range, with its field, or null; allocation-free when all are in range.</summary>
    public static (string Field, LocalDate Value)? OptionalDateOutOfRange(ChildCase child)
    {
        if (!DateInRange(child.KnownFrom))
        {
            return ("KnownFrom", child.KnownFrom!.Value);
        }

        if (!DateInRange(child.PermanencePlanAgreedOn))
        {
            return ("PermanencePlanAgreedOn", child.PermanencePlanAgreedOn!.Value);
        }

        if (!DateInRange(child.PlacementOrderOn))
        {
            return ("PlacementOrderOn", child.PlacementOrderOn!.Value);
        }

        if (!DateInRange(child.ShouldBePlacedForAdoptionOn))
        {
            return ("ShouldBePlacedForAdoptionOn", child.ShouldBePlacedForAdoptionOn!.Value);
        }

        if (!DateInRange(child.AdoptionDecisionReversedOn))
        {
            return ("AdoptionDecisionReversedOn", child.AdoptionDecisionReversedOn!.Value);
        }

        if (!DateInRange(child.PlacedForAdoptionOn))
        {
            return ("PlacedForAdoptionOn", child.PlacedForAdoptionOn!.Value);
        }

        if (!DateInRange(child.AdoptionApplicationOn))
        {
            return ("AdoptionApplicationOn", child.AdoptionApplicationOn!.Value);
        }

        if (!DateInRange(child.PathwayPlanOn))
        {
            return ("PathwayPlanOn", child.PathwayPlanOn!.Value);
        }

        IReadOnlyList<LocalDate>? visits = child.SortedIroVisits;
        for (int i = 0; visits is not null && i < visits.Count; i++)
        {
            if (!DateInRange(visits[i]))
            {
                return ("IroVisits", visits[i]);
            }
        }

        IReadOnlyList<IroAllocation>? allocations = child.IroAllocations;
        for (int i = 0; allocations is not null && i < allocations.Count; i++)
        {
            if (!DateInRange(allocations[i].From))
            {
                return ("IroAllocations", allocations[i].From);
            }
        }

        CaseReview[] reviews = child.SortedReviews;
        for (int i = 0; i < reviews.Length; i++)
        {
            if (!DateInRange(reviews[i].RecommendationsOn))
            {
                return ("Reviews.RecommendationsOn", reviews[i].RecommendationsOn!.Value);
            }

            if (!DateInRange(reviews[i].MinutesOn))
            {
                return ("Reviews.MinutesOn", reviews[i].MinutesOn!.Value);
            }
        }

        foreach (SecureStay stay in child.SecureStays ?? System.Array.Empty<SecureStay>())
        {
            if (!DateInRange(stay.Start.Date) || (stay.End is LocalDateTime left && !DateInRange(left.Date)))
            {
                return ("SecureStays", stay.End is LocalDateTime end && !DateInRange(end.Date) ? end.Date : stay.Start.Date);
            }
        }

        foreach (Secure.SecureOrder order in child.SecureOrders ?? System.Array.Empty<Secure.SecureOrder>())
        {
            if (!DateInRange(order.Start) || !DateInRange(order.End) || !DateInRange(order.RemandEnds))
            {
                return ("SecureOrders", DateInRange(order.Start) ? DateInRange(order.End) ? order.RemandEnds!.Value : order.End : order.Start);
            }
        }

        foreach (Secure.SecureReview review in child.SecureReviews ?? System.Array.Empty<Secure.SecureReview>())
        {
            if (!DateInRange(review.HeldOn))
            {
                return ("SecureReviews", review.HeldOn);
            }
        }

        IReadOnlyList<Escalation.DisputeEscalation>? escalations = child.Escalations;
        for (int i = 0; escalations is not null && i < escalations.Count; i++)
        {
            if (!DateInRange(escalations[i].ResolvedOn))
            {
                return ("Escalations", escalations[i].ResolvedOn!.Value);
            }

            IReadOnlyList<Escalation.EscalationStep>? steps = escalations[i].Steps;
            for (int k = 0; steps is not null && k < steps.Count; k++)
            {
                if (steps[k] is { } step && (!DateInRange(step.RaisedOn) || !DateInRange(step.CompletedOn)))
                {
                    return ("Escalations", DateInRange(step.RaisedOn) ? step.CompletedOn!.Value : step.RaisedOn);
                }
            }
        }

        return null;
    }
}
