using System.Collections.Generic;
using Iro.Rules.Internal;
using Iro.Rules.Legal;
using Iro.Rules.Reviews;
using Iro.Rules.Timescales;

namespace Iro.Rules;

/// <summary>The practice choices that differ between councils, and the options where the law leaves a choice, with documented defaults.</summary>
/// <remarks>
/// <para>Immutable and thread-safe: change a value with <c>with</c>, e.g.
/// <c>LocalPolicy.Default with { MinutesDueWorkingDays = 20 }</c>. Statute is not configurable except where the
/// domain reference (docs/rules.md, configurable readings) records that the law leaves a choice; such options say so.</para>
/// <para>Defaults are those listed in docs/rules.md (the Manchester City Council IRO practice standard for local timescales).</para>
/// </remarks>
public sealed partial record LocalPolicy
{
    private readonly int recommendationsDueWorkingDays = PolicyDefaults.RecommendationsDueWorkingDays;
    private readonly int minutesDueWorkingDays = PolicyDefaults.MinutesDueWorkingDays;
    private readonly int iroVisitWindowDays = PolicyDefaults.IroVisitWindowDays;
    private readonly int section20FlagMonths = PolicyDefaults.Section20FlagMonths;
    private readonly ReviewDateBasis reviewDateBasis = PolicyDefaults.ReviewDateBasis;
    private readonly LeapDayBirthday leapDayBirthday = PolicyDefaults.LeapDayBirthday;
    private readonly WorkingDayCounting workingDayCounting = WorkingDayCounting.ExcludeStartDay;
    private readonly Secure.SecureWindow secureWindow = Secure.SecureWindow.Rolling672Hours;
    private readonly IReadOnlyList<LegalStatus> section20LegalStatuses = PolicyDefaults.Section20LegalStatuses;
    private readonly int pathwayPlanMonthsAfter16 = 3;
    private readonly int postEighteenIroReviewMonths = 3;
    private readonly int placementOrderFlagMonths = 12;
    private readonly int adoptionWaitFlagMonths = 9;
    private readonly Permanence.AdoptionWaitStart adoptionWaitStart = Permanence.AdoptionWaitStart.AdmDecision;
    private readonly int placedForAdoptionFlagWeeks = 10;
    private readonly int localAllocationHours = 24;
    private readonly int caseloadMin = 50;
    private readonly int caseloadMax = 70;
    private readonly Escalation.DisputeResolutionProtocol disputeResolution = Escalation.DisputeResolutionProtocol.Manchester;

    // Every range lives once, in PolicyRanges: the setters, the policy file's messages and its JSON Schema use it.
    private static int Ranged(int value, PolicyRange range, string name) => range.Check(value, name);

    /// <summary>The defaults.</summary>
    public static LocalPolicy Default { get; } = new();

    /// <summary>Whether every review held, early or not, restarts the interval to the next (REV-4).</summary>
    /// <value>The default is <see langword="true"/>, what CPPCR 2010 reg 33(2) says. <see langword="false"/> reproduces a
    /// legacy "fixed anniversary" schedule and is labelled non-statutory in every finding (docs/rules.md REV-4a).</value>
    public bool ResetScheduleOnEveryReview { get; init; } = PolicyDefaults.ResetScheduleOnEveryReview;

    /// <summary>Which part of a review held as a series of meetings is its date (REV-5).</summary>
    /// <value>The default is <see cref="ReviewDateBasis.LastPart"/>: a review is not carried out until its last part (docs/rules.md REV-5a).</value>
    public ReviewDateBasis ReviewDateBasis
    {
        get => reviewDateBasis;
        init => reviewDateBasis = Preconditions.Defined(value, nameof(ReviewDateBasis));
    }

    /// <summary>Whether a review whose first part was on time, lawfully adjourned (once, at most 20 working days) past its due date, counts as on time (REV-5).</summary>
    /// <value>The default is <see langword="false"/>: late, with the reason "adjourned under reg 36" shown (docs/rules.md REV-5b).</value>
    public bool TreatLawfulAdjournmentAsOnTime { get; init; } = PolicyDefaults.TreatLawfulAdjournmentAsOnTime;

    /// <summary>Whether a child with short-break (V3/V4) placements follows the short-break review timetable when the reg 48 conditions hold (REV-9).</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool TreatV3V4AsShortBreaks { get; init; } = PolicyDefaults.TreatV3V4AsShortBreaks;

    /// <summary>Working days after the review by which its recommendations are on the child's file (REV-6, local policy).</summary>
    /// <value>The default is 5 working days.</value>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is negative or over 250.</exception>
    public int RecommendationsDueWorkingDays
    {
        get => recommendationsDueWorkingDays;
        init => recommendationsDueWorkingDays = Ranged(value, PolicyRanges.RecommendationsDueWorkingDays, nameof(RecommendationsDueWorkingDays));
    }

    /// <summary>Working days after the review by which the full minutes (record) are sent (REV-6, local policy).</summary>
    /// <value>The default is 15 working days.</value>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is negative or over 250.</exception>
    public int MinutesDueWorkingDays
    {
        get => minutesDueWorkingDays;
        init => minutesDueWorkingDays = Ranged(value, PolicyRanges.MinutesDueWorkingDays, nameof(MinutesDueWorkingDays));
    }

    /// <summary>Days before a review within which the IRO sees the child (REV-10, local policy).</summary>
    /// <value>The default is 42 days (6 weeks).</value>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is negative or over 366.</exception>
    public int IroVisitWindowDays
    {
        get => iroVisitWindowDays;
        init => iroVisitWindowDays = Ranged(value, PolicyRanges.IroVisitWindowDays, nameof(IroVisitWindowDays));
    }

    /// <summary>Whether an IRO conversation with the child on the day of the review's first part counts as the pre-review visit (REV-10).</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool CountSameDayVisit { get; init; } = PolicyDefaults.CountSameDayVisit;

    /// <summary>Whether a review on the child's exact 4th birthday accepts PN0 as well as PN1-PN7, as the DfE's SSDA903 validator does (rules 440/441) (PAR-1).</summary>
    /// <value>The default is <see langword="false"/>: strict AGE-1, a child is 4 on their 4th birthday, so PN0 is wrong that day.</value>
    public bool Ssda903BirthdayTolerance { get; init; } = PolicyDefaults.Ssda903BirthdayTolerance;

    /// <summary>The legal statuses that count as Section 20 accommodation for the LOC-1 flag (docs/rules.md, configurable readings).</summary>
    /// <value>The default is V2 only; V2, V3 and V4 is the alternative.</value>
    /// <exception cref="System.ArgumentNullException">The value is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">A status is not defined.</exception>
    public IReadOnlyList<LegalStatus> Section20LegalStatuses
    {
        get => section20LegalStatuses;
        init
        {
            Preconditions.CheckNotNull(value, nameof(Section20LegalStatuses));
            var copy = new LegalStatus[value.Count];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = Preconditions.Defined(value[i], nameof(Section20LegalStatuses));
            }

            section20LegalStatuses = System.Array.AsReadOnly(copy);
        }
    }

    /// <summary>Whether the LOC-1 flag (Section 20 for over the threshold) is reported.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Section20FlagEnabled { get; init; } = true;

    /// <summary>Months of continuous Section 20 accommodation after which the LOC-1 flag is raised (flagged when as-of is after start + months).</summary>
    /// <value>The default is 3 months.</value>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is below 1 or over 120.</exception>
    public int Section20FlagMonths
    {
        get => section20FlagMonths;
        init => section20FlagMonths = Ranged(value, PolicyRanges.Section20FlagMonths, nameof(Section20FlagMonths));
    }

    /// <summary>How "any period of 28 consecutive days" is read for the 72-hour limit without court authority (SEC-2a).</summary>
    /// <value>The default is <see cref="Secure.SecureWindow.Rolling672Hours"/>: any 672-hour window, the stricter reading.</value>
    public Secure.SecureWindow SecureWindow
    {
        get => secureWindow;
        init => secureWindow = Preconditions.Defined(value, nameof(SecureWindow));
    }

    /// <summary>Whether Saturday counts, with Sundays and public holidays, for the extension of the 72 hours (SEC-3).</summary>
    /// <value>The default is <see langword="false"/>: CSAR 1991 reg 10 names Sundays and public holidays only (as recalled: the text should be checked).</value>
    public bool SecureExtensionIncludesSaturday { get; init; }

    /// <summary>Whether an eligible child must have been looked after for at least one night after the 16th birthday (docs/rules.md LC-1a).</summary>
    /// <value>The default is <see langword="false"/>: looked after on or after the 16th birthday is enough, so a child in care
    /// at 16 with 13 weeks since 14 is eligible on the birthday itself (the reading of Sch 2 para 19B(2) a court would take,
    /// and the one the LC-4 examples use). <see langword="true"/> requires a night after the birthday.</value>
    public bool RequireNightAfterSixteenthBirthday { get; init; }

    /// <summary>Months after the 16th birthday from which a pathway plan must be in place (LC-5, local).</summary>
    /// <value>The default is 3 (16 years 3 months).</value>
    public int PathwayPlanMonthsAfter16
    {
        get => pathwayPlanMonthsAfter16;
        init => pathwayPlanMonthsAfter16 = Ranged(value, PolicyRanges.PathwayPlanMonthsAfter16, nameof(PathwayPlanMonthsAfter16));
    }

    /// <summary>Months after the 18th birthday for which the IRO stays involved in pathway-plan reviews (LC-6, local).</summary>
    /// <value>The default is 3; 6 is the alternative.</value>
    public int PostEighteenIroReviewMonths
    {
        get => postEighteenIroReviewMonths;
        init => postEighteenIroReviewMonths = Ranged(value, PolicyRanges.PostEighteenIroReviewMonths, nameof(PostEighteenIroReviewMonths));
    }

    /// <summary>Whether the local adoption flags LOC-2 to LOC-4 are reported.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool AdoptionFlagsEnabled { get; init; } = true;

    /// <summary>Months under a placement order after which LOC-2 flags (flagged when as-of is after order date + months).</summary>
    /// <value>The default is 12.</value>
    public int PlacementOrderFlagMonths
    {
        get => placementOrderFlagMonths;
        init => placementOrderFlagMonths = Ranged(value, PolicyRanges.PlacementOrderFlagMonths, nameof(PlacementOrderFlagMonths));
    }

    /// <summary>Months of waiting for adoption after which LOC-3 flags.</summary>
    /// <value>The default is 9.</value>
    public int AdoptionWaitFlagMonths
    {
        get => adoptionWaitFlagMonths;
        init => adoptionWaitFlagMonths = Ranged(value, PolicyRanges.AdoptionWaitFlagMonths, nameof(AdoptionWaitFlagMonths));
    }

    /// <summary>Where the LOC-3 wait starts (docs/rules.md LOC-3a).</summary>
    /// <value>The default is <see cref="Permanence.AdoptionWaitStart.AdmDecision"/>, falling back to the placement order date.</value>
    public Permanence.AdoptionWaitStart WaitStart
    {
        get => adoptionWaitStart;
        init => adoptionWaitStart = Preconditions.Defined(value, nameof(WaitStart));
    }

    /// <summary>Weeks placed for adoption without an adoption application after which LOC-4 flags.</summary>
    /// <value>The default is 10.</value>
    public int PlacedForAdoptionFlagWeeks
    {
        get => placedForAdoptionFlagWeeks;
        init => placedForAdoptionFlagWeeks = Ranged(value, PolicyRanges.PlacedForAdoptionFlagWeeks, nameof(PlacedForAdoptionFlagWeeks));
    }

    /// <summary>Hours from notification that a child is looked after within which an IRO is allocated (IRO-1, local).</summary>
    /// <value>The default is 24.</value>
    public int LocalAllocationHours
    {
        get => localAllocationHours;
        init => localAllocationHours = Ranged(value, PolicyRanges.LocalAllocationHours, nameof(LocalAllocationHours));
    }

    /// <summary>The lower end of a full-time IRO's caseload (IRO-3).</summary>
    /// <value>The default is 50.</value>
    public int CaseloadMin
    {
        get => caseloadMin;
        init => caseloadMin = Ranged(value, PolicyRanges.CaseloadMin, nameof(CaseloadMin));
    }

    /// <summary>The upper end of a full-time IRO's caseload (IRO-3).</summary>
    /// <value>The default is 70.</value>
    public int CaseloadMax
    {
        get => caseloadMax;
        init => caseloadMax = Ranged(value, PolicyRanges.CaseloadMax, nameof(CaseloadMax));
    }

    /// <summary>The council's dispute resolution protocol: its stages, any per-stage limits, the overall ceiling and when the clock starts (DRP-1).</summary>
    /// <value>The default is Manchester's six-stage protocol within 20 working days of the first stage.</value>
    /// <exception cref="System.ArgumentNullException">The value is null.</exception>
    public Escalation.DisputeResolutionProtocol DisputeResolution
    {
        get => disputeResolution;
        init => disputeResolution = Preconditions.CheckNotNull(value, nameof(DisputeResolution));
    }

    /// <summary>When a person born on 29 February attains an age in a common year (AGE-1a).</summary>
    /// <value>The default is <see cref="LeapDayBirthday.March1"/>.</value>
    public LeapDayBirthday LeapDayBirthday
    {
        get => leapDayBirthday;
        init => leapDayBirthday = Preconditions.Defined(value, nameof(LeapDayBirthday));
    }

    /// <summary>How local working-day deadlines count the event day (docs/rules.md CAL-3a): used for REV-1, the REV-5 adjournment limit and REV-6.</summary>
    /// <value>The default is <see cref="Rules.WorkingDayCounting.ExcludeStartDay"/>, the general rule of construction. <see cref="Rules.WorkingDayCounting.IncludeStartDay"/>
    /// reproduces a minority local practice: the deadline is one working day earlier when the event day is itself a working day.</value>
    public WorkingDayCounting WorkingDayCounting
    {
        get => workingDayCounting;
        init => workingDayCounting = Preconditions.Defined(value, nameof(WorkingDayCounting));
    }
}

/// <summary>How a working-day deadline counts the day of the event (docs/rules.md CAL-3a).</summary>
public enum WorkingDayCounting
{
    /// <summary>The event day is day 0 and not counted (the default; CAL-3, <i>Zoan v Rouamba</i>).</summary>
    ExcludeStartDay = 0,

    /// <summary>The event day, if a working day, is day 1 (a minority local practice; not the statutory reading).</summary>
    IncludeStartDay = 1,
}

/// <summary>Every <see cref="LocalPolicy"/> default in one place; a test pins each.</summary>
internal static class PolicyDefaults
{
    internal const bool ResetScheduleOnEveryReview = true;
    internal const ReviewDateBasis ReviewDateBasis = Iro.Rules.Reviews.ReviewDateBasis.LastPart;
    internal const bool TreatLawfulAdjournmentAsOnTime = false;
    internal const bool TreatV3V4AsShortBreaks = true;
    internal const int RecommendationsDueWorkingDays = 5;
    internal const int MinutesDueWorkingDays = 15;
    internal const int IroVisitWindowDays = 42;
    internal const bool CountSameDayVisit = true;
    internal const LeapDayBirthday LeapDayBirthday = Age.DefaultLeapDayRule;
    internal const bool Ssda903BirthdayTolerance = false;

    /// <summary>A working-day deadline counted as the policy says: n working days after <paramref name="start"/>, or one fewer when the start day counts (CAL-3a).</summary>
    internal static bool TryAddWorkingDays(this LocalPolicy policy, Calendars.WorkingDayCalendar calendar, NodaTime.LocalDate start, int workingDays, out NodaTime.LocalDate result)
    {
        int n = policy.WorkingDayCounting == WorkingDayCounting.IncludeStartDay && workingDays > 0 && calendar.IsWorkingDay(start) ? workingDays - 1 : workingDays;
        return calendar.TryAddWorkingDays(start, n, out result);
    }
    internal const int Section20FlagMonths = 3;
    internal static readonly IReadOnlyList<LegalStatus> Section20LegalStatuses = System.Array.AsReadOnly(new[] { LegalStatus.V2 });
}
