using System;
using System.Collections.Generic;
using System.Globalization;

namespace Iro.Rules.Explanations;

/// <summary>The stable identifier of a rule in the Iro.Rules domain reference, such as <c>CAL-3</c>.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. Identifiers are the rule ids listed in docs/rules.md (RuleCatalogue at run time) and never change
/// meaning once published; a rule whose behaviour changes keeps its id and the change is listed in CHANGELOG.md.</para>
/// </remarks>
public readonly record struct RuleId : IComparable<RuleId>
{
    /// <summary>CAL-1: what counts as a working day (CPPCR 2010 reg 2(1)).</summary>
    public static RuleId WorkingDay { get; } = new("CAL-1");

    /// <summary>CAL-2: UK bank holidays (Banking and Financial Dealings Act 1971 s1 and Schedule 1).</summary>
    public static RuleId BankHolidays { get; } = new("CAL-2");

    /// <summary>CAL-3: counting "within N working days of" an event; the event day is day 0.</summary>
    public static RuleId WorkingDayCount { get; } = new("CAL-3");

    /// <summary>CAL-4: calendar months by the corresponding-date rule.</summary>
    public static RuleId CalendarMonths { get; } = new("CAL-4");

    /// <summary>CAL-5: weeks and day windows.</summary>
    public static RuleId WeeksAndDays { get; } = new("CAL-5");

    /// <summary>AGE-1: attaining an age on the anniversary of birth.</summary>
    public static RuleId Age { get; } = new("AGE-1");

    /// <summary>REV-1: first review within 20 working days of becoming looked after.</summary>
    public static RuleId FirstReview { get; } = new("REV-1");

    /// <summary>REV-2: second review within 3 months of the first.</summary>
    public static RuleId SecondReview { get; } = new("REV-2");

    /// <summary>REV-3: later reviews at intervals of not more than 6 months.</summary>
    public static RuleId SubsequentReview { get; } = new("REV-3");

    /// <summary>REV-4: early reviews reset the schedule.</summary>
    public static RuleId EarlyReview { get; } = new("REV-4");

    /// <summary>REV-5: a review held as a series of meetings; one adjournment of at most 20 working days.</summary>
    public static RuleId ReviewMeetings { get; } = new("REV-5");

    /// <summary>REV-6: recommendations and minutes after the review.</summary>
    public static RuleId ReviewRecord { get; } = new("REV-6");

    /// <summary>REV-7: no significant change to the care plan without a review first.</summary>
    public static RuleId SignificantChange { get; } = new("REV-7");

    /// <summary>REV-9: short breaks: first review within 3 months, then 6-monthly.</summary>
    public static RuleId ShortBreaks { get; } = new("REV-9");

    /// <summary>REV-10: the IRO sees the child within the 6 weeks before each review.</summary>
    public static RuleId IroVisit { get; } = new("REV-10");

    /// <summary>PAR-1: SSDA903 participation codes PN0-PN7.</summary>
    public static RuleId Participation { get; } = new("PAR-1");

    /// <summary>LEG-1: SSDA903 legal status codes.</summary>
    public static RuleId LegalStatus { get; } = new("LEG-1");

    /// <summary>LEG-2: SSDA903 reasons for a new episode; periods of care.</summary>
    public static RuleId ReasonForNewEpisode { get; } = new("LEG-2");

    /// <summary>LOC-1: accommodated under Section 20 for over three months (local monitoring flag).</summary>
    public static RuleId Section20OverThreeMonths { get; } = new("LOC-1");

    /// <summary>SEC-1: the Children Act 1989 s25(1) criteria for secure accommodation, with its ages and exclusions.</summary>
    public static RuleId SecureEligibility { get; } = new("SEC-1");

    /// <summary>SEC-2: 72 hours in any 28 consecutive days without court authority.</summary>
    public static RuleId SecureTimeLimit { get; } = new("SEC-2");

    /// <summary>SEC-3: the Sunday and public-holiday extension of the 72 hours.</summary>
    public static RuleId SecureExtension { get; } = new("SEC-3");

    /// <summary>SEC-4: maximum periods of court authorisation.</summary>
    public static RuleId SecureOrder { get; } = new("SEC-4");

    /// <summary>SEC-5: reviews of a secure placement.</summary>
    public static RuleId SecureReview { get; } = new("SEC-5");

    /// <summary>REV-8: permanence plan by the second review.</summary>
    public static RuleId PermanencePlan { get; } = new("REV-8");

    /// <summary>LC-1: eligible child.</summary>
    public static RuleId EligibleChild { get; } = new("LC-1");

    /// <summary>LC-2: relevant child.</summary>
    public static RuleId RelevantChild { get; } = new("LC-2");

    /// <summary>LC-3: former relevant child and support to 21 or 25.</summary>
    public static RuleId FormerRelevantChild { get; } = new("LC-3");

    /// <summary>LC-4: needs assessment within 3 months of the 16th birthday or of becoming eligible.</summary>
    public static RuleId NeedsAssessment { get; } = new("LC-4");

    /// <summary>LC-5: pathway plan in place (from 16 years 3 months, local).</summary>
    public static RuleId PathwayPlan { get; } = new("LC-5");

    /// <summary>LC-6: pathway plan reviews.</summary>
    public static RuleId PathwayPlanReview { get; } = new("LC-6");

    /// <summary>LOC-2: placement order for over 12 months.</summary>
    public static RuleId PlacementOrderOverTwelveMonths { get; } = new("LOC-2");

    /// <summary>LOC-3: waiting for adoption over 9 months.</summary>
    public static RuleId WaitingForAdoption { get; } = new("LOC-3");

    /// <summary>LOC-4: placed for adoption over 10 weeks with no adoption application.</summary>
    public static RuleId PlacedForAdoptionNoApplication { get; } = new("LOC-4");

    /// <summary>IRO-1: an IRO appointed before the first review, and allocated within the local time.</summary>
    public static RuleId IroAppointment { get; } = new("IRO-1");

    /// <summary>IRO-3: an IRO's caseload against the 50-70 range.</summary>
    public static RuleId IroCaseload { get; } = new("IRO-3");

    /// <summary>DRP-1: the dispute resolution process: stages and the 20-working-day ceiling.</summary>
    public static RuleId DisputeResolution { get; } = new("DRP-1");

    /// <summary>903-W: an SSDA903 return is a one-year window, not a child's whole history.</summary>
    public static RuleId Ssda903Window { get; } = new("903-W");

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["CAL-1"] = "What counts as a working day",
        ["CAL-2"] = "Bank holidays",
        ["CAL-3"] = "Counting \"within N working days of\" an event",
        ["CAL-4"] = "Counting calendar months",
        ["CAL-5"] = "Weeks and days",
        ["AGE-1"] = "Computing age",
        ["REV-1"] = "First review within 20 working days",
        ["REV-2"] = "Second review within 3 months of the first",
        ["REV-3"] = "Later reviews at intervals of not more than 6 months",
        ["REV-4"] = "Early reviews and the reset rule",
        ["REV-5"] = "One meeting or a series of meetings",
        ["REV-6"] = "Record of the review: recommendations and minutes",
        ["REV-7"] = "Significant change needs a review first",
        ["REV-8"] = "Permanence plan by the second review",
        ["REV-9"] = "Short breaks: review timetable",
        ["REV-10"] = "IRO visit to the child before each review",
        ["PAR-1"] = "PN participation codes",
        ["LEG-1"] = "Legal status codes and SSDA903 duration limits",
        ["LEG-2"] = "Reason for new episode; periods of care",
        ["903-W"] = "An SSDA903 return is a window, not a history",
        ["IRO-1"] = "IRO appointment",
        ["IRO-2"] = "IRO functions and escalation",
        ["IRO-3"] = "IRO caseload",
        ["DRP-1"] = "Dispute resolution process",
        ["LC-1"] = "Eligible child",
        ["LC-2"] = "Relevant child",
        ["LC-3"] = "Former relevant child and support to 21 or 25",
        ["LC-4"] = "Needs assessment within 3 months of the 16th birthday",
        ["LC-5"] = "Pathway plan in place",
        ["LC-6"] = "Pathway plan reviews",
        ["SEC-1"] = "Secure accommodation: ages and exclusions",
        ["SEC-2"] = "72 hours in any 28 days without court authority",
        ["SEC-3"] = "Sunday and public-holiday extension of the 72 hours",
        ["SEC-4"] = "Maximum periods of court authorisation",
        ["SEC-5"] = "Secure accommodation reviews",
        ["LOC-1"] = "Section 20 for over three months",
        ["LOC-2"] = "Placement order for over 12 months",
        ["LOC-3"] = "Waiting for adoption over 9 months",
        ["LOC-4"] = "Placed for adoption over 10 weeks with no adoption application",
        ["LOC-5"] = "Other local timescales",
    };

    /// <summary>Every rule id the library knows, in natural order (CAL-1 ... REV-2, REV-10 ...).</summary>
    public static IReadOnlyList<RuleId> All { get; } = Array.AsReadOnly(SortedKnown());

    /// <summary>The rule's title, for example "First review within 20 working days" for REV-1; the id itself for an id the library does not know.</summary>
    public string Title => Value is not null && Titles.TryGetValue(Value, out string? title) ? title : ToString();

    /// <summary>Natural order: by prefix, then by number, so REV-2 comes before REV-10.</summary>
    /// <param name="other">The other id.</param>
    /// <returns>Less than zero, zero or more than zero.</returns>
    public int CompareTo(RuleId other)
    {
        (string prefixA, int numberA) = Split(Value ?? string.Empty);
        (string prefixB, int numberB) = Split(other.Value ?? string.Empty);
        int byPrefix = string.CompareOrdinal(prefixA, prefixB);
        return byPrefix != 0 ? byPrefix : numberA != numberB ? numberA.CompareTo(numberB) : string.CompareOrdinal(Value, other.Value);
    }

    private static (string Prefix, int Number) Split(string id)
    {
        int dash = id.LastIndexOf('-');
        return dash > 0 && int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? (id[..dash], n) : (id, 0);
    }

    private static RuleId[] SortedKnown()
    {
        var ids = new List<RuleId>();
        foreach (string id in Titles.Keys)
        {
            ids.Add(new RuleId(id));
        }

        ids.Sort();
        return ids.ToArray();
    }

    /// <summary>Creates a rule id from its text, for example <c>"CAL-3"</c>.</summary>
    /// <param name="value">The rule id; not empty.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public RuleId(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A rule id must not be empty.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The rule id text, for example <c>CAL-3</c>.</summary>
    public string Value { get; }

    /// <summary>Returns the rule id text.</summary>
    /// <returns>The rule id, for example <c>CAL-3</c>.</returns>
    public override string ToString() => Value ?? string.Empty;
}
