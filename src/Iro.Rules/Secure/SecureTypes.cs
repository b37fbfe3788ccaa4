using System;
using NodaTime;

namespace Iro.Rules.Secure;

/// <summary>How "any period of 28 consecutive days" is read for the 72-hour limit (docs/rules.md SEC-2a).</summary>
public enum SecureWindow
{
    /// <summary>Any rolling window of 28 x 24 = 672 hours, measured in instants (the default, and the stricter reading).</summary>
    Rolling672Hours = 0,

    /// <summary>Windows of 28 calendar days in Europe/London, from midnight 27 days before the day to the moment measured.</summary>
    CalendarDays = 1,
}

/// <summary>The assessed facts for the Children Act 1989 s25(1) criteria.</summary>
/// <param name="HistoryOfAbsconding">s25(1)(a)(i): the child has a history of absconding.</param>
/// <param name="LikelyToAbscondFromOtherAccommodation">s25(1)(a)(i): and is likely to abscond from any other description of accommodation.</param>
/// <param name="LikelyToSufferSignificantHarmIfAbsconds">s25(1)(a)(ii): if they abscond, they are likely to suffer significant harm.</param>
/// <param name="LikelyToInjureSelfOrOthersIfKeptElsewhere">s25(1)(b): if kept in any other description of accommodation, they are likely to injure themselves or other persons.</param>
public readonly record struct SecureCriteriaFacts(
    bool HistoryOfAbsconding,
    bool LikelyToAbscondFromOtherAccommodation,
    bool LikelyToSufferSignificantHarmIfAbsconds,
    bool LikelyToInjureSelfOrOthersIfKeptElsewhere);

/// <summary>Which limb of s25(1) is met.</summary>
[Flags]
public enum SecureCriteriaLimb
{
    /// <summary>Neither limb.</summary>
    None = 0,

    /// <summary>s25(1)(a): history of absconding, likely to abscond, and likely to suffer significant harm if so.</summary>
    Absconding = 1,

    /// <summary>s25(1)(b): likely to injure self or others if kept in other accommodation.</summary>
    Injury = 2,
}

/// <summary>Circumstances in which s25 does not apply to a child, or applies with modifications (CSAR 1991 regs 5-7).</summary>
[Flags]
public enum SecureExclusion
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Detained under any provision of the Mental Health Act 1983.</summary>
    DetainedUnderMentalHealthAct = 1,

    /// <summary>Detained under the sentencing legislation for long-term detention (for example Sentencing Act 2020 s250 or s259).</summary>
    SentencedToLongTermDetention = 2,

    /// <summary>Aged 16 or over and accommodated in a children's home under Children Act 1989 s20(5).</summary>
    AccommodatedUnderSection20Subsection5 = 4,

    /// <summary>Kept away from home under a child assessment order (Children Act 1989 s43).</summary>
    ChildAssessmentOrder = 8,
}

/// <summary>A stretch of time in secure accommodation, or of court authority for it: from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
/// <remarks>Immutable. CSAR 1991 reg 17 records the date and time of placement and discharge, so the library works in instants.</remarks>
/// <param name="Start">When it began.</param>
/// <param name="End">When it ended.</param>
public readonly record struct SecureInterval(Instant Start, Instant End)
{
    /// <summary>The Europe/London time zone every secure-accommodation rule uses for days, midday and midnight.</summary>
    public static DateTimeZone London { get; } = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>The length.</summary>
    public Duration Length => End - Start;

    /// <summary>An interval from two Europe/London local times. A time that does not exist (the spring gap) moves forward; an ambiguous one (the autumn repeat) takes the earlier.</summary>
    /// <param name="start">The local start.</param>
    /// <param name="end">The local end.</param>
    /// <returns>The interval in instants.</returns>
    public static SecureInterval InLondon(LocalDateTime start, LocalDateTime end) =>
        new(start.InZoneLeniently(London).ToInstant(), end.InZoneLeniently(London).ToInstant());
}

/// <summary>A court's secure accommodation order: its start and stated end date (SEC-4).</summary>
/// <param name="Start">The first day of the authorisation.</param>
/// <param name="End">The last day stated in the order.</param>
/// <param name="IsRenewal">Whether it is a further authorisation (up to 6 months) rather than the first (up to 3 months).</param>
/// <param name="RemandEnds">For a remanded child, the last day of the remand, which the authorisation may not exceed.</param>
public readonly record struct SecureOrder(LocalDate Start, LocalDate End, bool IsRenewal = false, LocalDate? RemandEnds = null);

/// <summary>A review of a secure placement (SEC-5).</summary>
/// <param name="HeldOn">The date of the review.</param>
/// <param name="PanelSize">The number of people appointed to review.</param>
/// <param name="IndependentMembers">How many of them are neither members nor officers of the local authority.</param>
public readonly record struct SecureReview(LocalDate HeldOn, int PanelSize, int IndependentMembers);
