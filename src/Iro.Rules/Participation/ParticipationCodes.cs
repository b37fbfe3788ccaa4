using System;
using System.Diagnostics.CodeAnalysis;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Participation;

/// <summary>SSDA903 participation codes: meaning, parsing, derivation from what happened, and validation against the child's age.</summary>
/// <remarks>
/// <para>Rule PAR-1. Source: DfE SSDA903 guidance (reviews); validation rules 440 and 441 tie PN0 to a child under 4.
/// Age is AGE-1 on the review date.</para>
/// <para>Born 2021-06-01: a review on 2025-05-31 must be PN0; on 2025-06-01 (the 4th birthday) it must not be, unless
/// <see cref="LocalPolicy.Ssda903BirthdayTolerance"/> is set, when both are accepted that day. Born 2020-02-29: on
/// 2024-02-28 the child is 3, so PN0.</para>
/// </remarks>
public static class ParticipationCodes
{
    // The DfE wording (SSDA903 guidance, reviews), as the IRO annual reports reproduce it.
    private static readonly string[] Meanings =
    [
        "Child aged under 4 at the time of the review",
        "Child physically attends and speaks for him or herself (Attendance)",
        "Child physically attends and an advocate speaks on his or her behalf (Attendance views given by advocate)",
        "Child attends and conveys his or her view symbolically (non-verbally) (Attendance symbols)",
        "Child physically attends but does not speak for him or herself, does not convey his or her view symbolically (non-verbally) and does not ask an advocate to speak for him or her (Attendance without contribution)",
        "Child does not attend physically but briefs an advocate to speak for him or her (Advocate - no attendance)",
        "Child does not attend but conveys his or her feelings to the review by a facilitative medium (No attendance views conveyed by other methods)",
        "Child does not attend nor are his or her views conveyed to the review (Non-participation)",
    ];

    /// <summary>The DfE meaning of a code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>One sentence.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not defined.</exception>
    public static string Meaning(ParticipationCode code)
    {
        Preconditions.CheckDefined(code, nameof(code));
        return Meanings[(int)code];
    }

    /// <summary>Whether the code records participation by a child aged 4 or over: PN1 to PN6 (PN7 is no participation; PN0 is under 4).</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> for PN1 to PN6.</returns>
    public static bool IsParticipation(ParticipationCode code) => code is >= ParticipationCode.PN1 and <= ParticipationCode.PN6;

    /// <summary>Parses the SSDA903 text of a code, exactly "PN0" to "PN7".</summary>
    /// <param name="text">The text.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">The text is blank, has surrounding blanks, is not upper case, or is not a code; the message says which.</exception>
    public static ParticipationCode Parse(string? text) =>
        TryParse(text, out ParticipationCode code, out string? error) ? code : throw new FormatException(error);

    /// <summary>Tries to parse the SSDA903 text of a code, exactly "PN0" to "PN7".</summary>
    /// <param name="text">The text.</param>
    /// <param name="code">The code, when parsed.</param>
    /// <param name="error">Why the text is not a code, when not parsed: blank, surrounding blanks, lower case, or unknown.</param>
    /// <returns><see langword="true"/> if parsed.</returns>
    public static bool TryParse(string? text, out ParticipationCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The participation code is blank; a review needs one of PN0-PN7 (PAR-1).";
            return false;
        }

        if (text.Trim().Length != text.Length)
        {
            error = $"The participation code '{text}' has leading or trailing blanks; expected exactly one of PN0-PN7 (PAR-1).";
            return false;
        }

        if (text.Length == 3 && (text[0] == 'P' || text[0] == 'p') && (text[1] == 'N' || text[1] == 'n') && text[2] is >= '0' and <= '7')
        {
            if (text[0] == 'P' && text[1] == 'N')
            {
                code = (ParticipationCode)(text[2] - '0');
                error = null;
                return true;
            }

            error = $"The participation code '{text}' is not upper case; SSDA903 codes are written '{text.ToUpperInvariant()}' (PAR-1).";
            return false;
        }

        error = $"The participation code '{text}' is not one of PN0-PN7 (PAR-1).";
        return false;
    }

    /// <summary>Derives the one correct code from what happened at the review, with the reason.</summary>
    /// <remarks>
    /// Total over every combination of facts. Under 4 on the review date: PN0 whatever happened. Attended: spoke for
    /// themselves PN1, else through an advocate PN2, else non-verbally PN3, else PN4. Absent: briefed an advocate
    /// PN5, else views conveyed another way PN6, else PN7. Where more than one fact is true, the most direct form of
    /// participation wins, in that order.
    /// </remarks>
    /// <param name="facts">What happened at the review.</param>
    /// <param name="dateOfBirth">The child's date of birth.</param>
    /// <param name="reviewDate">The review date (REV-5 basis).</param>
    /// <param name="leapDayBirthday">The 29 February rule (AGE-1a); the library default is 1 March.</param>
    /// <returns>The code and its finding.</returns>
    /// <exception cref="ArgumentException"><paramref name="reviewDate"/> is before <paramref name="dateOfBirth"/>.</exception>
    public static ParticipationDerivation Derive(
        ParticipationFacts facts, LocalDate dateOfBirth, LocalDate reviewDate, LeapDayBirthday leapDayBirthday = Age.DefaultLeapDayRule)
    {
        int age = AgeOnReview(dateOfBirth, reviewDate, leapDayBirthday);
        (ParticipationCode code, string why) = age < 4
            ? (ParticipationCode.PN0, $"the child was {age} on {DateFormat.Iso(reviewDate)}, under 4")
            : facts.Attended
                ? facts.SpokeForThemselves ? (ParticipationCode.PN1, "the child attended and spoke for themselves")
                : facts.ThroughAdvocate ? (ParticipationCode.PN2, "the child attended and an advocate spoke for them")
                : facts.ConveyedNonVerbally ? (ParticipationCode.PN3, "the child attended and conveyed their view non-verbally")
                : (ParticipationCode.PN4, "the child attended but did not convey a view")
            : facts.ThroughAdvocate ? (ParticipationCode.PN5, "the child did not attend but briefed an advocate")
            : facts.ViewsConveyedAnotherWay ? (ParticipationCode.PN6, "the child did not attend but conveyed their views another way")
            : (ParticipationCode.PN7, "the child did not attend and their views were not conveyed");
        var finding = new Finding(RuleId.Participation, Outcome.Information, Citations.Participation, $"{code}: {why}.");
        return new ParticipationDerivation(code, finding);
    }

    /// <summary>Checks a recorded code against the child's age on the review date: under 4 must be PN0; 4 and over must not be.</summary>
    /// <param name="code">The recorded code.</param>
    /// <param name="dateOfBirth">The child's date of birth.</param>
    /// <param name="reviewDate">The review date.</param>
    /// <param name="policy">The policy: <see cref="LocalPolicy.Ssda903BirthdayTolerance"/> and <see cref="LocalPolicy.LeapDayBirthday"/>; the defaults when null.</param>
    /// <returns>A finding: <see cref="Outcome.Met"/> if valid, <see cref="Outcome.NotMet"/> if not; it names the reading used.</returns>
    /// <exception cref="ArgumentException"><paramref name="reviewDate"/> is before <paramref name="dateOfBirth"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not defined.</exception>
    public static Finding Validate(ParticipationCode code, LocalDate dateOfBirth, LocalDate reviewDate, LocalPolicy? policy = null)
    {
        Preconditions.CheckDefined(code, nameof(code));
        policy ??= LocalPolicy.Default;
        bool valid = IsValid(code, dateOfBirth, reviewDate, policy, out bool underFour, out bool onFourthBirthday);
        int age = Age.YearsOn(dateOfBirth, reviewDate, policy.LeapDayBirthday);
        string reading = onFourthBirthday && policy.Ssda903BirthdayTolerance
            ? "SSDA903 validator reading: on the 4th birthday PN0 and PN1-PN7 are both accepted"
            : "strict AGE-1 reading: a child is 4 from their 4th birthday";
        string rule = underFour ? "under 4, so must be PN0" : "4 or over, so must not be PN0";
        string summary = $"{code} on {DateFormat.Iso(reviewDate)}: the child was {age} ({rule}); {(valid ? "valid" : "invalid")} ({reading}).";
        return new Finding(RuleId.Participation, valid ? Outcome.Met : Outcome.NotMet, Citations.Participation, summary);
    }

    /// <summary>PAR-1 for a review as recorded: a review with no participation code is not met (every review needs one of PN0-PN7); otherwise as <see cref="Validate"/>.</summary>
    /// <remarks>Rule PAR-1; citation: DfE SSDA903 guidance (REVIEW_CODE). The weekly list flags each review for which this is not met.</remarks>
    /// <param name="code">The recorded code, or <see langword="null"/> if none was recorded.</param>
    /// <param name="dateOfBirth">The child's date of birth.</param>
    /// <param name="reviewDate">The review date.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <returns>The finding.</returns>
    /// <exception cref="ArgumentException"><paramref name="reviewDate"/> is before <paramref name="dateOfBirth"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not defined.</exception>
    public static Finding ValidateRecorded(ParticipationCode? code, LocalDate dateOfBirth, LocalDate reviewDate, LocalPolicy? policy = null) =>
        code is ParticipationCode recorded
            ? Validate(recorded, dateOfBirth, reviewDate, policy)
            : new Finding(RuleId.Participation, Outcome.NotMet, Citations.Participation,
                $"No participation code recorded for the review on {DateFormat.Iso(reviewDate)}: every review needs one of PN0-PN7 (PAR-1).");

    /// <summary>The allocation-free form of <see cref="Validate"/>: whether the code is valid for the child's age on the review date.</summary>
    /// <param name="code">The recorded code.</param>
    /// <param name="dateOfBirth">The child's date of birth.</param>
    /// <param name="reviewDate">The review date.</param>
    /// <param name="policy">The policy.</param>
    /// <returns><see langword="true"/> if valid.</returns>
    /// <exception cref="ArgumentException"><paramref name="reviewDate"/> is before <paramref name="dateOfBirth"/>.</exception>
    public static bool IsValid(ParticipationCode code, LocalDate dateOfBirth, LocalDate reviewDate, LocalPolicy policy) =>
        (uint)code <= (uint)ParticipationCode.PN7 && IsValid(code, dateOfBirth, reviewDate, Preconditions.CheckNotNull(policy, nameof(policy)), out _, out _);

    private static bool IsValid(ParticipationCode code, LocalDate dateOfBirth, LocalDate reviewDate, LocalPolicy policy, out bool underFour, out bool onFourthBirthday)
    {
        if (reviewDate < dateOfBirth)
        {
            ThrowReviewBeforeBirth(dateOfBirth, reviewDate);
        }

        // AGE-1: under 4 until the 4th anniversary; one anniversary is all the check needs.
        LocalDate fourth = FourthBirthday(dateOfBirth, policy);
        underFour = reviewDate < fourth;
        onFourthBirthday = reviewDate == fourth;
        return IsValidGivenFourthBirthday(code, fourth, reviewDate, policy);
    }

    /// <summary>The 4th birthday under the policy's 29 February rule: the one date the PN0 check turns on (AGE-1).</summary>
    internal static LocalDate FourthBirthday(LocalDate dateOfBirth, LocalPolicy policy) => Age.AnniversaryTrusted(dateOfBirth, 4, policy.LeapDayBirthday);

    /// <summary>The PAR-1 check with the 4th birthday already worked out, for checking many reviews of one child: PN0 under 4, PN1-PN7 from 4 (both on the birthday with the SSDA903 tolerance).</summary>
    internal static bool IsValidGivenFourthBirthday(ParticipationCode code, LocalDate fourth, LocalDate reviewDate, LocalPolicy policy) =>
        (uint)code <= (uint)ParticipationCode.PN7
        && ((reviewDate == fourth && policy.Ssda903BirthdayTolerance) || (reviewDate < fourth) == (code == ParticipationCode.PN0));

    private static int AgeOnReview(LocalDate dateOfBirth, LocalDate reviewDate, LeapDayBirthday rule)
    {
        if (reviewDate < dateOfBirth)
        {
            ThrowReviewBeforeBirth(dateOfBirth, reviewDate);
        }

        return Age.YearsOn(dateOfBirth, reviewDate, rule);
    }

    private static void ThrowReviewBeforeBirth(LocalDate dateOfBirth, LocalDate reviewDate) =>
        throw new ArgumentException(
            $"reviewDate was {DateFormat.Iso(reviewDate)}, before dateOfBirth {DateFormat.Iso(dateOfBirth)} (PAR-1, AGE-1).", nameof(reviewDate));
}

/// <summary>A participation code derived from the facts of a review, with the reason.</summary>
/// <param name="Code">The code.</param>
/// <param name="Finding">Why (PAR-1).</param>
public readonly record struct ParticipationDerivation(ParticipationCode Code, Finding Finding);
