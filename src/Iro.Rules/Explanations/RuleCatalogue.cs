using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Iro.Rules.Explanations;

/// <summary>A reading of a rule that a council can configure in <see cref="LocalPolicy"/>, with its default.</summary>
/// <param name="Property">The <see cref="LocalPolicy"/> property, for example <c>WaitStart</c>.</param>
/// <param name="Default">The default, as text, read from <see cref="LocalPolicy.Default"/>.</param>
/// <param name="Meaning">What it decides, and the alternatives.</param>
public sealed record RuleOption(string Property, string Default, string Meaning);

/// <summary>One rule of the library: its id, title, citation, the public API that implements it and the readings a council can configure.</summary>
/// <remarks>Immutable. The catalogue is <see cref="RuleCatalogue.All"/>; docs/rules.md is generated from it.</remarks>
/// <param name="Id">The rule id, for example REV-1.</param>
/// <param name="Title">Its title (<see cref="RuleId.Title"/>).</param>
/// <param name="Citation">The legal or local source.</param>
/// <param name="Api">The public API that implements it.</param>
/// <param name="Options">The configurable readings, with their defaults; empty when the rule has none.</param>
public sealed record RuleInfo(RuleId Id, string Title, Citation Citation, string Api, IReadOnlyList<RuleOption> Options);

/// <summary>Every rule the library implements, at run time: the explanation a user has without the domain reference.</summary>
/// <remarks>Thread-safe and immutable. <see cref="All"/> is in natural order (REV-2 before REV-10).</remarks>
public static class RuleCatalogue
{
    private static readonly LocalPolicy D = LocalPolicy.Default;

    /// <summary>Every rule, in natural order.</summary>
    public static IReadOnlyList<RuleInfo> All { get; } = Array.AsReadOnly(Build().OrderBy(static r => r.Id).ToArray());

    /// <summary>The rule with <paramref name="id"/>.</summary>
    /// <param name="id">The rule id.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="KeyNotFoundException">The library has no such rule.</exception>
    public static RuleInfo Get(RuleId id) => All.FirstOrDefault(r => r.Id == id) ?? throw new KeyNotFoundException($"No rule '{id}' in the catalogue.");

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private static RuleOption O(string property, object value, string meaning) => new(property, Text(value), meaning);

    private static IEnumerable<RuleInfo> Build()
    {
        RuleInfo R(RuleId id, Citation citation, string api, params RuleOption[] options) => new(id, id.Title, citation, api, Array.AsReadOnly(options));
        RuleOption counting = O(nameof(LocalPolicy.WorkingDayCounting), D.WorkingDayCounting, "CAL-3a: ExcludeStartDay (the event day is day 0) or IncludeStartDay.");
        yield return R(RuleId.WorkingDay, Citations.WorkingDay, "WorkingDayCalendar.IsWorkingDay; CAL-1a: England and Wales by default, WorkingDayCalendar.AnyUkPart for a bank holiday anywhere in the UK; WithClosureDays (non-statutory)");
        yield return R(RuleId.BankHolidays, Citations.BankHolidays, "BankHolidayCalendar.For, FromGovUkJson, InYear");
        yield return R(RuleId.WorkingDayCount, Citations.WorkingDayCount, "WorkingDayCalendar.AddWorkingDays, WorkingDaysBetween, Explain", counting);
        yield return R(RuleId.CalendarMonths, Citations.CalendarMonths, "CalendarMonths.Add, IsOver");
        yield return R(RuleId.WeeksAndDays, Citations.CalendarMonths, "Weeks.After, WindowStart");
        yield return R(RuleId.Age, Citations.Age, "Age.Anniversary, YearsOn", O(nameof(LocalPolicy.LeapDayBirthday), D.LeapDayBirthday, "AGE-1a: a 29 February birthday falls on 1 March (March1) or 28 February (February28) in other years."));
        RuleOption reset = O(nameof(LocalPolicy.ResetScheduleOnEveryReview), D.ResetScheduleOnEveryReview, "REV-4a: true: each interval runs from the review as held (statute); false: a fixed anniversary (legacy, non-statutory).");
        RuleOption basis = O(nameof(LocalPolicy.ReviewDateBasis), D.ReviewDateBasis, "REV-5a: a review held in parts counts from its LastPart or FirstPart.");
        yield return R(RuleId.FirstReview, Citations.FirstReview, "ReviewSchedule.Evaluate, FirstReviewDue, Check; the weekly list", counting, basis);
        yield return R(RuleId.SecondReview, Citations.LaterReviews, "ReviewSchedule.Evaluate, SecondReviewDue; the weekly list", reset, basis);
        yield return R(RuleId.SubsequentReview, Citations.LaterReviews, "ReviewSchedule.Evaluate, NextReviewDue, NextReviewKnownInPart; the weekly list", reset, basis);
        yield return R(RuleId.EarlyReview, Citations.EarlyReview, "ReviewSchedule.Evaluate", reset);
        yield return R(RuleId.ReviewMeetings, Citations.ReviewMeetings, "ReviewSchedule.Evaluate (Review with ReviewParts)", basis,
            O(nameof(LocalPolicy.TreatLawfulAdjournmentAsOnTime), D.TreatLawfulAdjournmentAsOnTime, "REV-5b: whether a review late only because it was lawfully adjourned counts as on time (local policy)."));
        yield return R(RuleId.ReviewRecord, Citations.ReviewRecord, "ReviewSchedule.Evaluate (HeldReview.Record); the weekly list",
            O(nameof(LocalPolicy.RecommendationsDueWorkingDays), D.RecommendationsDueWorkingDays, "Working days after the review for the recommendations (local)."),
            O(nameof(LocalPolicy.MinutesDueWorkingDays), D.MinutesDueWorkingDays, "Working days after the review for the minutes (local)."));
        yield return R(RuleId.SignificantChange, Citations.SignificantChange, "ReviewSchedule.Evaluate (CarePeriod.SignificantChanges)");
        yield return R(RuleId.PermanencePlan, Citations.PermanencePlan, "PermanenceFlags.PlanBySecondReview; the annual figures");
        yield return R(RuleId.ShortBreaks, Citations.ShortBreaks, "ReviewSchedule.Evaluate (CarePeriod.ShortBreaks); the weekly list",
            O(nameof(LocalPolicy.TreatV3V4AsShortBreaks), D.TreatV3V4AsShortBreaks, "Whether V3/V4 periods that meet reg 48 follow the short-break timetable."));
        yield return R(RuleId.IroVisit, Citations.IroVisit, "ReviewSchedule.Evaluate (HeldReview.IroVisit); the weekly list",
            O(nameof(LocalPolicy.IroVisitWindowDays), D.IroVisitWindowDays, "Days before the review in which the IRO sees the child (local)."),
            O(nameof(LocalPolicy.CountSameDayVisit), D.CountSameDayVisit, "Whether a visit on the review's first day counts."));
        yield return R(RuleId.Participation, Citations.Participation, "ParticipationCodes.Validate, ValidateRecorded, Derive; ParticipationSummary; the weekly list",
            O(nameof(LocalPolicy.Ssda903BirthdayTolerance), D.Ssda903BirthdayTolerance, "Whether, on the 4th birthday, PN0 and PN1-PN7 are both accepted (the DfE validator's reading)."));
        yield return R(RuleId.LegalStatus, Citations.Ssda903Episodes, "LegalStatuses; Episodes.CheckDurations, DurationBreaches; the weekly list");
        yield return R(RuleId.ReasonForNewEpisode, Citations.Ssda903Episodes, "Episodes.SplitIntoPeriods, Runs, RunOn");
        yield return R(RuleId.Ssda903Window, Citations.Ssda903Episodes, "ChildCase.KnownFrom; ReviewSchedule.NextReviewKnownInPart; Iro.Rules.Ssda903 reader");
        yield return R(RuleId.IroAppointment, Citations.IroAppointment, "IroChecks.AppointedBeforeFirstReview, AllocatedInTime, AllocatedInTimeByDate, AllocationDueBy; the weekly list (ChildCase.IroAllocations); the annual figures",
            O(nameof(LocalPolicy.LocalAllocationHours), D.LocalAllocationHours, "Hours after the child becomes looked after by which an IRO is allocated (local)."));
        yield return R(RuleId.IroCaseload, Citations.IroCaseload, "IroChecks.Caseload, AllocationOn; IroCaseloadCounter, IroRoster (an IRO not on the roster is 1.0 FTE)",
            O(nameof(LocalPolicy.CaseloadMin), D.CaseloadMin, "The low end of a full-time IRO's caseload."),
            O(nameof(LocalPolicy.CaseloadMax), D.CaseloadMax, "The high end of a full-time IRO's caseload."));
        yield return R(RuleId.DisputeResolution, Citations.DisputeResolution, "DisputeResolution.Assess, DeadlineFrom; the weekly list",
            O(nameof(LocalPolicy.DisputeResolution), $"{D.DisputeResolution.Stages.Count} stages, {D.DisputeResolution.OverallLimitWorkingDays} working days from the {D.DisputeResolution.ClockStart}", "DRP-1a: the council's protocol: its stages, overall limit and where the clock starts (FirstStage or FirstFormalStage)."));
        RuleOption night = O(nameof(LocalPolicy.RequireNightAfterSixteenthBirthday), D.RequireNightAfterSixteenthBirthday, "LC-1a: true: eligible from the day after the 16th birthday (non-statutory); false: on the birthday.");
        yield return R(RuleId.EligibleChild, Citations.EligibleChild, "CareLeavers.Classify, Assess", night);
        yield return R(RuleId.RelevantChild, Citations.RelevantChild, "CareLeavers.Classify, Assess", night);
        yield return R(RuleId.FormerRelevantChild, Citations.FormerRelevantChild, "CareLeavers.Classify, Assess, CoreDutiesEnd");
        yield return R(RuleId.NeedsAssessment, Citations.NeedsAssessment, "CareLeavers.NeedsAssessmentDue", night);
        yield return R(RuleId.PathwayPlan, Citations.PathwayPlan, "CareLeavers.PathwayPlanInPlace, PathwayPlanRequiredFrom; the weekly list",
            O(nameof(LocalPolicy.PathwayPlanMonthsAfter16), D.PathwayPlanMonthsAfter16, "Months after the 16th birthday from which a plan must be in place (local)."));
        yield return R(RuleId.PathwayPlanReview, Citations.PathwayPlanReview, "CareLeavers.PathwayPlanReviewDue, PostEighteenIroInvolvementEnds",
            O(nameof(LocalPolicy.PostEighteenIroReviewMonths), D.PostEighteenIroReviewMonths, "Months of IRO involvement after 18 (local, 3 or 6)."));
        yield return R(RuleId.SecureEligibility, Citations.SecureEligibility, "SecureAccommodation.Criteria, Eligibility");
        yield return R(RuleId.SecureTimeLimit, Citations.SecureTimeLimit, "SecureTimeLimit.Assess; the weekly list",
            O(nameof(LocalPolicy.SecureWindow), D.SecureWindow, "SEC-2a: Rolling672h (any 28 x 24 hours) or CalendarDays."));
        yield return R(RuleId.SecureExtension, Citations.SecureTimeLimit, "SecureTimeLimit.Assess (SecureTimeResult.Extension)",
            O(nameof(LocalPolicy.SecureExtensionIncludesSaturday), D.SecureExtensionIncludesSaturday, "Whether Saturday extends the 72 hours with Sundays and public holidays."));
        yield return R(RuleId.SecureOrder, Citations.SecureOrder, "SecureAccommodation.AssessOrder, LatestOrderEnd; the weekly list");
        yield return R(RuleId.SecureReview, Citations.SecureReview, "SecureAccommodation.Reviews; the weekly list");
        yield return R(RuleId.Section20OverThreeMonths, Citations.Section20Flag, "Section20.Assess, IsFlagged; the weekly list",
            O(nameof(LocalPolicy.Section20LegalStatuses), string.Join("/", D.Section20LegalStatuses), "The legal statuses counted as s20 (V2; or V2, V3, V4)."),
            O(nameof(LocalPolicy.Section20FlagMonths), D.Section20FlagMonths, "Months after which the flag is raised."),
            O(nameof(LocalPolicy.Section20FlagEnabled), D.Section20FlagEnabled, "Whether the flag is raised at all."));
        RuleOption adoptionOn = O(nameof(LocalPolicy.AdoptionFlagsEnabled), D.AdoptionFlagsEnabled, "Whether LOC-2 to LOC-4 are raised at all.");
        yield return R(RuleId.PlacementOrderOverTwelveMonths, Citations.AdoptionFlags, "PermanenceFlags.PlacementOrderDuration; the weekly list",
            O(nameof(LocalPolicy.PlacementOrderFlagMonths), D.PlacementOrderFlagMonths, "Months on a placement order before the flag."), adoptionOn);
        yield return R(RuleId.WaitingForAdoption, Citations.AdoptionFlags, "PermanenceFlags.AdoptionWait; the weekly list",
            O(nameof(LocalPolicy.AdoptionWaitFlagMonths), D.AdoptionWaitFlagMonths, "Months waiting before the flag."),
            O(nameof(LocalPolicy.WaitStart), D.WaitStart, "LOC-3a: the wait starts at the ADM decision (falling back to the placement order) or at the placement order."), adoptionOn);
        yield return R(RuleId.PlacedForAdoptionNoApplication, Citations.AdoptionFlags, "PermanenceFlags.PlacedWithoutApplication; the weekly list",
            O(nameof(LocalPolicy.PlacedForAdoptionFlagWeeks), D.PlacedForAdoptionFlagWeeks, "Weeks placed without an application before the flag."), adoptionOn);
    }
}
