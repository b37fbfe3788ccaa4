namespace Iro.Rules.Explanations;

/// <summary>Stable reason codes that findings carry in <see cref="Finding.Reason"/>, named as in docs/rules.md.</summary>
/// <remarks>The values never change once published; a system can store and filter on them.</remarks>
public static class ReasonCodes
{
    /// <summary>REV-5: the review was adjourned more than once, or reconvened more than 20 working days later.</summary>
    public const string AdjournmentLimit = "REV-5.AdjournmentLimit";

    /// <summary>REV-5: the review was late only because it was lawfully adjourned under CPPCR 2010 reg 36.</summary>
    public const string AdjournedUnderReg36 = "REV-5.AdjournedUnderReg36";

    /// <summary>REV-5: the review was adjourned and has not reconvened, so it is not yet complete.</summary>
    public const string AwaitingReconvening = "REV-5.AwaitingReconvening";

    /// <summary>REV-6: the date the recommendations or minutes were done is not recorded, so the deadline is not assessed.</summary>
    public const string NotRecorded = "REV-6.NotRecorded";

    /// <summary>REV-7: a significant change was made without a review between its proposal and the change.</summary>
    public const string NoPriorReview = "REV-7.NoPriorReview";

    /// <summary>REV-7: a review first was not reasonably practicable; a review should follow (a REV-4 trigger).</summary>
    public const string NotReasonablyPracticable = "REV-7.NotReasonablyPracticable";

    /// <summary>REV-9: the reg 48 short-break conditions are not met, so the ordinary timetable applies.</summary>
    public const string ShortBreakConditionsNotMet = "REV-9.ConditionsNotMet";

    /// <summary>REV-10: no IRO visit in the window, but the child refused (exempt).</summary>
    public const string ExemptChildRefused = "REV-10.ExemptChildRefused";

    /// <summary>REV-4: the finding uses the legacy fixed-anniversary schedule, which is not statutory.</summary>
    public const string NonStatutorySchedule = "REV-4.NonStatutorySchedule";

    /// <summary>LOC-1: the child has entered s20 more than once (information on the finding, not a breach).</summary>
    public const string RepeatEntry = "LOC-1.RepeatEntry";

    /// <summary>SEC-1: s25 does not apply to the child (not a child, or an excluded category).</summary>
    public const string S25NotApplicable = "SEC-1.S25NotApplicable";

    /// <summary>SEC-1: a child under 13 was placed without the Secretary of State's approval (reg 4).</summary>
    public const string UnderThirteenWithoutApproval = "SEC-1.UnderThirteenWithoutApproval";

    /// <summary>IRO-1: no IRO was appointed on or before the first review (CA 1989 s25A(2)).</summary>
    public const string NotAppointedBeforeFirstReview = "IRO-1.NotAppointedBeforeFirstReview";

    /// <summary>IRO-1: no IRO was allocated within the local time of the child becoming looked after (local policy).</summary>
    public const string NotAllocatedInTime = "IRO-1.NotAllocatedInTime";

    /// <summary>SEC-5: the review panel had fewer than three people or no independent member.</summary>
    public const string PanelComposition = "SEC-5.PanelComposition";
}
