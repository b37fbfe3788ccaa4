using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using Iro.Rules.Legal;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.LeavingCare;

/// <summary>A young person's status under the leaving-care provisions of the Children Act 1989.</summary>
/// <remarks>Rules LC-1 to LC-3; citations: CA 1989 Sch 2 para 19B, ss23A, 23C and 24.</remarks>
public enum CareLeaverStatus
{
    /// <summary>None of the statuses below.</summary>
    None = 0,

    /// <summary>LC-1: aged 16 or 17, looked after, 13 weeks looked after since 14 ending after 16 (Sch 2 para 19B).</summary>
    Eligible = 1,

    /// <summary>LC-2: aged 16 or 17, no longer looked after, and eligible immediately before ceasing (s23A), or the CLR 2010 reg 3 extra category.</summary>
    Relevant = 2,

    /// <summary>LC-3: aged 18 or over, and relevant, or looked after and eligible, when turning 18 (s23C); shown until 25.</summary>
    /// <remarks>
    /// A child still looked after when turning 18 (looked after on the night before the 18th birthday, whether the
    /// episode ends on the birthday or is left open) is former relevant if eligible immediately before care ended,
    /// that is with 13 weeks (91 nights) since 14 counted up to the birthday, the same count LC-2 makes up to the
    /// day care ended. So care ending on the 18th birthday and care ending the day before it give the same answer
    /// when the nights match.
    /// </remarks>
    FormerRelevant = 3,

    /// <summary>Aged 16 to 20, looked after at some time after turning 16, and none of the above (s24).</summary>
    Qualifying = 4,
}

/// <summary>The facts the leaving-care rules need about a young person.</summary>
/// <remarks>Immutable. Rules LC-1 to LC-3.</remarks>
public sealed record CareLeaverFacts
{
    /// <summary>The facts from a date of birth and the looked-after history.</summary>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="episodes">The SSDA903 episodes; V3/V4 short breaks are not counted (CPPCR 2010 reg 40(2)).</param>
    /// <exception cref="ArgumentNullException"><paramref name="episodes"/> or an item is null.</exception>
    /// <exception cref="ArgumentException">The episodes overlap or one ends before it starts (see <see cref="Legal.Episodes.SplitIntoPeriods"/>).</exception>
    public CareLeaverFacts(LocalDate dateOfBirth, IEnumerable<Episode> episodes)
    {
        Preconditions.CheckIsoCalendar(dateOfBirth, nameof(dateOfBirth));
        DateOfBirth = dateOfBirth;
        Episodes = Array.AsReadOnly(Legal.Episodes.SplitIntoPeriods(Preconditions.CheckNotNull(episodes, nameof(episodes))).SelectMany(static p => p.Episodes).ToArray());
        foreach (Episode e in Episodes)
        {
            if (e.Start < dateOfBirth)
            {
                throw new ArgumentException($"episodes has an episode starting {DateFormat.Iso(e.Start)}, before dateOfBirth {DateFormat.Iso(dateOfBirth)} (LC-1).", nameof(episodes));
            }
        }
    }

    /// <summary>The date of birth.</summary>
    public LocalDate DateOfBirth { get; }

    /// <summary>The episodes, checked and in date order.</summary>
    public IReadOnlyList<Episode> Episodes { get; }

    /// <summary>Whether on the 16th birthday the young person was detained (remand or sentence) or in hospital (CLR 2010 reg 3 extra category).</summary>
    public bool DetainedOrInHospitalOn16thBirthday { get; init; }

    /// <summary>The start of a continuing arrangement living with a parent or person with parental responsibility, if any; six months of it ends relevant-child status (CLR 2010 reg 3).</summary>
    public LocalDate? LivingWithParentSince { get; init; }

    /// <summary>Whether the young person is in (or has agreed) education or training, which extends duties from 21 towards 25 (LC-3).</summary>
    public bool InEducationOrTraining { get; init; }
}

/// <summary>A young person's leaving-care status on a date, with the key dates and the reason.</summary>
/// <param name="Status">The status.</param>
/// <param name="EligibleFrom">The first day the young person was an eligible child, if ever (up to the date asked). Null
/// for a relevant or former relevant young person whose 91st night was the last night before care ended: eligible
/// immediately before ceasing, but never looked after on a day with 91 nights already counted.</param>
/// <param name="NightsLookedAfterSince14">Nights looked after since the 14th birthday, up to the date asked (short breaks excluded).</param>
/// <param name="CoreDutiesEnd">For a former relevant child, the last day of the core duties: the day before 21, or before 25 in education or training.</param>
/// <param name="Finding">The explanation.</param>
public sealed record CareLeaverAssessment(CareLeaverStatus Status, LocalDate? EligibleFrom, int NightsLookedAfterSince14, LocalDate? CoreDutiesEnd, Finding Finding);

/// <summary>Leaving care: eligible, relevant, former relevant and qualifying young people, and the pathway-plan dates.</summary>
/// <remarks>
/// <para>Rules LC-1 to LC-6. Citations: Children Act 1989 Sch 2 paras 19B-19C, ss23A-23E, 24; CPPCR 2010 regs 40-43;
/// Care Leavers (England) Regulations 2010 regs 3 and 7. Every age goes through <see cref="Age"/> and the policy's
/// 29 February rule. Time looked after is counted in nights (a day's start counted, its end not), once however the
/// episodes are split.</para>
/// <para>Born 2008-05-10, looked after 2022-06-01 to 2022-08-15 (75 nights) and from 2024-05-01: eligible on 2024-05-20
/// (94 nights). With the second period from 2024-05-15 instead: eligible from 2024-05-31 (91 nights).</para>
/// <para>At the 18th birthday (s23C(1)): born 2007-10-01 (18 on 2025-10-01). Looked after 2025-07-01 to 2025-09-30
/// (91 nights, leaving the day before the birthday): none on 2025-09-29 (90 nights), relevant on 2025-09-30 (eligible
/// immediately before ceasing), former relevant from 2025-10-01. Looked after 2025-07-02 to 2025-10-01 (91 nights,
/// care ending on the birthday): none on 2025-09-29 and 2025-09-30 (89 and 90 nights; the 91st is the night of
/// 30 September), former relevant from 2025-10-01 (looked after when turning 18 and eligible immediately before
/// ceasing). One night fewer (from 2025-07-03): qualifying from 2025-10-01.</para>
/// </remarks>
public static class CareLeavers
{
    private const int ThirteenWeeks = 91;

    /// <summary>The status on a date, without the explanation (allocation-light, for bulk work).</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is before the date of birth.</exception>
    public static CareLeaverStatus Classify(CareLeaverFacts facts, LocalDate asOf, LocalPolicy? policy = null)
    {
        Preconditions.CheckNotNull(facts, nameof(facts));
        return new History(facts, policy ?? LocalPolicy.Default, asOf).Status(asOf);
    }

    /// <summary>The status on a date, with the eligible-from date, the nights counted and the reason.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is before the date of birth.</exception>
    public static CareLeaverAssessment Assess(CareLeaverFacts facts, LocalDate asOf, LocalPolicy? policy = null)
    {
        Preconditions.CheckNotNull(facts, nameof(facts));
        LocalPolicy p = policy ?? LocalPolicy.Default;
        var h = new History(facts, p, asOf);
        CareLeaverStatus status = h.Status(asOf);
        LocalDate? eligibleFrom = h.EligibleFrom(asOf);
        int nights = h.Nights(h.A14, asOf);
        int age = Age.YearsOn(facts.DateOfBirth, asOf, p.LeapDayBirthday);
        LocalDate? coreEnd = status == CareLeaverStatus.FormerRelevant ? CoreDutiesEnd(facts.DateOfBirth, facts.InEducationOrTraining, p.LeapDayBirthday) : null;
        string nightsText = $"{nights.ToString(CultureInfo.InvariantCulture)} nights looked after since the 14th birthday ({DateFormat.Iso(h.A14)})";
        (RuleId rule, Citation citation, string why) = status switch
        {
            CareLeaverStatus.Eligible => (RuleId.EligibleChild, Citations.EligibleChild,
                $"eligible child: aged {age}, looked after, {nightsText}, at least 13 weeks (91 nights), eligible from {DateFormat.Iso(eligibleFrom!.Value)}"),
            CareLeaverStatus.Relevant => (RuleId.RelevantChild, Citations.RelevantChild,
                h.ExtraCategory() ? $"relevant child: aged {age}, not looked after, detained or in hospital on the 16th birthday after 13 weeks looked after since 14 (CLR 2010 reg 3)"
                    : $"relevant child: aged {age}, no longer looked after (since {DateFormat.Iso(h.LastCeased(asOf)!.Value)}), and eligible immediately before"),
            CareLeaverStatus.FormerRelevant => (RuleId.FormerRelevantChild, Citations.FormerRelevantChild,
                $"former relevant child from the 18th birthday ({DateFormat.Iso(h.A18)}), {(h.LookedAfterWhenTurning18 ? $"looked after when turning 18 and eligible immediately before care ended ({h.Nights(h.A14, h.A18).ToString(CultureInfo.InvariantCulture)} nights looked after since the 14th birthday)" : "a relevant child until then")}; core duties to {DateFormat.Iso(coreEnd!.Value)}{(facts.InEducationOrTraining ? " (in education or training)" : string.Empty)}"),
            CareLeaverStatus.Qualifying => (RuleId.FormerRelevantChild, Citations.FormerRelevantChild,
                $"qualifying for advice and assistance (s24): aged {age}, looked after at some time after 16, but not eligible, relevant or former relevant"),
            _ => (RuleId.EligibleChild, Citations.EligibleChild, NoneReason(h, age, asOf, nightsText)),
        };
        return new CareLeaverAssessment(status, eligibleFrom, nights, coreEnd,
            new Finding(rule, status == CareLeaverStatus.None ? Outcome.NotApplicable : Outcome.Information, citation, $"On {DateFormat.Iso(asOf)}: {why}."));
    }

    /// <summary>LC-4: the needs assessment's due date: 3 months after the 16th birthday or, if later, the day the child became eligible.</summary>
    /// <remarks>Born 2009-11-30, eligible before 16: due 2026-02-28. Born 2008-02-29: 16 on 2024-02-29, due 2024-05-29. Turned 16 on 2025-01-15, eligible from 2025-07-20: due 2025-10-20.</remarks>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="eligibleFrom">The day the child became eligible, if after the 16th birthday.</param>
    /// <param name="leapDayBirthday">The 29 February rule.</param>
    /// <returns>The due date (CPPCR 2010 reg 42(1)).</returns>
    public static LocalDate NeedsAssessmentDue(LocalDate dateOfBirth, LocalDate? eligibleFrom = null, LeapDayBirthday leapDayBirthday = Age.DefaultLeapDayRule)
    {
        LocalDate sixteen = Age.Anniversary(dateOfBirth, 16, leapDayBirthday);
        LocalDate anchor = eligibleFrom is LocalDate e && e > sixteen ? e : sixteen;
        return CalendarMonths.Add(anchor, 3);
    }

    /// <summary>LC-5 (local): the day from which a pathway plan must be in place: 16 years and 3 months by default.</summary>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <returns>The date (born 2009-05-31: 2025-08-31).</returns>
    public static LocalDate PathwayPlanRequiredFrom(LocalDate dateOfBirth, LocalPolicy? policy = null)
    {
        LocalPolicy p = policy ?? LocalPolicy.Default;
        return CalendarMonths.Add(Age.Anniversary(dateOfBirth, 16, p.LeapDayBirthday), p.PathwayPlanMonthsAfter16);
    }

    /// <summary>LC-5: whether an eligible or relevant young person aged between 16 years 3 months and 18 has a pathway plan.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="planDate">When the pathway plan was made, if it has been.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <returns>Met, not met, or not applicable (not yet required, or not eligible or relevant).</returns>
    public static Finding PathwayPlanInPlace(CareLeaverFacts facts, LocalDate? planDate, LocalDate asOf, LocalPolicy? policy = null)
    {
        Preconditions.CheckNotNull(facts, nameof(facts));
        LocalPolicy p = policy ?? LocalPolicy.Default;
        LocalDate from = PathwayPlanRequiredFrom(facts.DateOfBirth, p);
        LocalDate eighteen = Age.Anniversary(facts.DateOfBirth, 18, p.LeapDayBirthday);
        CareLeaverStatus status = Classify(facts, asOf, p);
        if (asOf < from || asOf >= eighteen || status is not (CareLeaverStatus.Eligible or CareLeaverStatus.Relevant))
        {
            return new Finding(RuleId.PathwayPlan, Outcome.NotApplicable, Citations.PathwayPlan,
                asOf < from ? $"A pathway plan is required from {DateFormat.Iso(from)} (16 years {p.PathwayPlanMonthsAfter16} months); not yet on {DateFormat.Iso(asOf)}."
                : $"On {DateFormat.Iso(asOf)} the young person is {(status == CareLeaverStatus.None ? "not a care leaver" : status.ToString())}{(asOf >= eighteen ? " and 18 or over" : string.Empty)}: the 16-18 pathway-plan check does not apply.");
        }

        bool met = planDate is LocalDate plan && plan <= asOf;
        return new Finding(RuleId.PathwayPlan, met ? Outcome.Met : Outcome.NotMet, Citations.PathwayPlan,
            met ? $"Pathway plan made {DateFormat.Iso(planDate!.Value)}; required from {DateFormat.Iso(from)}."
                : $"No pathway plan on {DateFormat.Iso(asOf)}; one is required from {DateFormat.Iso(from)} (16 years {p.PathwayPlanMonthsAfter16} months) for {(status == CareLeaverStatus.Eligible ? "an eligible" : "a relevant")} child.");
    }

    /// <summary>LC-6: the next pathway-plan review: 6 months after the last (CAL-4); a request or necessity can bring it forward.</summary>
    /// <param name="lastReview">The last pathway-plan review.</param>
    /// <returns>The due date (last review 2025-01-31: 2025-07-31).</returns>
    public static LocalDate PathwayPlanReviewDue(LocalDate lastReview) => CalendarMonths.Add(lastReview, 6);

    /// <summary>LC-3: the last day of the core duties: the day before the 21st birthday, or before the 25th in education or training.</summary>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="inEducationOrTraining">Whether in education or training.</param>
    /// <param name="leapDayBirthday">The 29 February rule.</param>
    /// <returns>The date (born 2007-09-01: 2028-08-31, or 2032-08-31).</returns>
    public static LocalDate CoreDutiesEnd(LocalDate dateOfBirth, bool inEducationOrTraining, LeapDayBirthday leapDayBirthday = Age.DefaultLeapDayRule) =>
        Age.Anniversary(dateOfBirth, inEducationOrTraining ? 25 : 21, leapDayBirthday).PlusDays(-1);

    /// <summary>LC-6 (local): the day the IRO's involvement in post-18 pathway-plan reviews ends: the 18th birthday plus 3 (or 6) months.</summary>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <returns>The date (18 on 2025-04-01 with 3 months: 2025-07-01).</returns>
    public static LocalDate PostEighteenIroInvolvementEnds(LocalDate dateOfBirth, LocalPolicy? policy = null)
    {
        LocalPolicy p = policy ?? LocalPolicy.Default;
        return CalendarMonths.Add(Age.Anniversary(dateOfBirth, 18, p.LeapDayBirthday), p.PostEighteenIroReviewMonths);
    }

    private static string NoneReason(History h, int age, LocalDate asOf, string nightsText) =>
        age < 16 ? $"aged {age}, under 16: no leaving-care status yet ({nightsText})"
        : age >= 25 ? $"aged {age}: over the leaving-care ages"
        : h.LookedAfterOn(asOf) ? $"looked after, but {nightsText}, fewer than 13 weeks (91 nights): not yet eligible"
        : $"aged {age}: not looked after since 16 and not eligible before leaving care";

    /// <summary>The looked-after history as merged night intervals, and the ages that matter.</summary>
    private readonly struct History
    {
        private readonly (LocalDate Start, LocalDate? End)[] intervals;
        private readonly CareLeaverFacts facts;
        private readonly LocalPolicy policy;

        internal History(CareLeaverFacts facts, LocalPolicy policy, LocalDate asOf)
        {
            if (asOf < facts.DateOfBirth)
            {
                throw new ArgumentException($"asOf was {DateFormat.Iso(asOf)}, before the date of birth {DateFormat.Iso(facts.DateOfBirth)} (LC-1).", nameof(asOf));
            }

            this.facts = facts;
            this.policy = policy;
            A14 = Age.AnniversaryTrusted(facts.DateOfBirth, 14, policy.LeapDayBirthday);
            A16 = Age.AnniversaryTrusted(facts.DateOfBirth, 16, policy.LeapDayBirthday);
            A18 = Age.AnniversaryTrusted(facts.DateOfBirth, 18, policy.LeapDayBirthday);
            A21 = Age.AnniversaryTrusted(facts.DateOfBirth, 21, policy.LeapDayBirthday);
            A25 = Age.AnniversaryTrusted(facts.DateOfBirth, 25, policy.LeapDayBirthday);
            var merged = new List<(LocalDate Start, LocalDate? End)>();
            foreach (Episode e in facts.Episodes)
            {
                if (LegalStatuses.IsShortBreak(e.LegalStatus))
                {
                    continue; // CPPCR 2010 reg 40(2): pre-planned short breaks do not count
                }

                if (merged.Count > 0 && merged[^1].End is LocalDate end && end >= e.Start)
                {
                    merged[^1] = (merged[^1].Start, e.End is LocalDate next && next > end ? next : e.End is null ? null : end);
                }
                else
                {
                    merged.Add((e.Start, e.End));
                }
            }

            intervals = merged.ToArray();
        }

        internal LocalDate A14 { get; }

        internal LocalDate A16 { get; }

        internal LocalDate A18 { get; }

        internal LocalDate A21 { get; }

        internal LocalDate A25 { get; }

        internal bool LookedAfterOn(LocalDate d)
        {
            foreach (var (start, end) in intervals)
            {
                if (start <= d && (end is not LocalDate e || d < e))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Nights looked after in [from, to).</summary>
        internal int Nights(LocalDate from, LocalDate to)
        {
            int nights = 0;
            foreach (var (start, end) in intervals)
            {
                LocalDate s = start > from ? start : from;
                LocalDate e = end is LocalDate x && x < to ? x : to;
                if (e > s)
                {
                    nights += Period.DaysBetween(s, e);
                }
            }

            return nights;
        }

        internal LocalDate? LastCeased(LocalDate asOf)
        {
            LocalDate? last = null;
            foreach (var (_, end) in intervals)
            {
                if (end is LocalDate e && e <= asOf)
                {
                    last = e;
                }
            }

            return last;
        }

        /// <summary>The first day, up to <paramref name="asOf"/>, on which the child was eligible.</summary>
        internal LocalDate? EligibleFrom(LocalDate asOf)
        {
            foreach (var (start, end) in intervals)
            {
                LocalDate from = start > A16 ? start : A16;
                int before14 = Nights(A14, start > A14 ? start : A14);
                LocalDate countFrom = start > A14 ? start : A14;
                LocalDate d = countFrom.PlusDays(Math.Max(0, ThirteenWeeks - before14));
                if (d < from)
                {
                    d = from;
                }

                if (policy.RequireNightAfterSixteenthBirthday && Nights(A16, d) < 1)
                {
                    d = (start > A16 ? start : A16).PlusDays(1) > d ? (start > A16 ? start : A16).PlusDays(1) : d;
                }

                LocalDate until = end is LocalDate e && e < A18 ? e : A18;
                if (d < until && d <= asOf)
                {
                    return d;
                }
            }

            return null;
        }

        /// <summary>Whether the child was looked after at the start of the 18th birthday (on the night before it).</summary>
        internal bool LookedAfterWhenTurning18 => LookedAfterOn(A18.PlusDays(-1));

        /// <summary>
        /// Whether the child was eligible immediately before ceasing to be looked after on <paramref name="ceased"/>
        /// (LC-2, and LC-3 with the 18th birthday as the day care ended): every night up to that day counts.
        /// </summary>
        internal bool EligibleAtCeasing(LocalDate ceased) =>
            ceased > A16 && ceased <= A18 && Nights(A14, ceased) >= ThirteenWeeks && (!policy.RequireNightAfterSixteenthBirthday || Nights(A16, ceased) >= 1);

        internal bool ExtraCategory() => facts.DetainedOrInHospitalOn16thBirthday && Nights(A14, A16) >= ThirteenWeeks;

        internal CareLeaverStatus Status(LocalDate asOf)
        {
            if (asOf < A16 || asOf >= A25)
            {
                return CareLeaverStatus.None;
            }

            if (asOf >= A18)
            {
                // s23C(1): (b) looked after when attaining 18 and eligible immediately before ceasing to be looked
                // after, which is at 18 at the latest, so the nights count up to the birthday, as EligibleAtCeasing
                // counts them for care that ended earlier (care ending on the birthday gives the same answer as
                // care ending the day before with the same nights); or (a) a relevant child on the last day at 17.
                bool formerRelevant = LookedAfterWhenTurning18 ? EligibleAtCeasing(A18) : Status(A18.PlusDays(-1)) == CareLeaverStatus.Relevant;
                if (formerRelevant)
                {
                    return CareLeaverStatus.FormerRelevant;
                }

                return asOf < A21 && Nights(A16, asOf) >= 1 && !LookedAfterOn(asOf) ? CareLeaverStatus.Qualifying : CareLeaverStatus.None;
            }

            if (LookedAfterOn(asOf))
            {
                bool eligible = Nights(A14, asOf) >= ThirteenWeeks && (!policy.RequireNightAfterSixteenthBirthday || Nights(A16, asOf) >= 1);
                return eligible ? CareLeaverStatus.Eligible : CareLeaverStatus.None;
            }

            bool atHomeSixMonths = facts.LivingWithParentSince is LocalDate home && asOf >= CalendarMonths.Add(home, 6);
            LocalDate? ceased = LastCeased(asOf);
            if (!atHomeSixMonths && ((ceased is LocalDate c && EligibleAtCeasing(c)) || ExtraCategory()))
            {
                return CareLeaverStatus.Relevant;
            }

            return Nights(A16, asOf) >= 1 ? CareLeaverStatus.Qualifying : CareLeaverStatus.None;
        }
    }
}
