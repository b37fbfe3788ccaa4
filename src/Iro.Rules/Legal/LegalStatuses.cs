using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Iro.Rules.Internal;

namespace Iro.Rules.Legal;

/// <summary>SSDA903 legal status and reason-for-new-episode codes: meanings, parsing, and which are Section 20, short breaks or orders.</summary>
/// <remarks>Rules LEG-1 and LEG-2. Source: DfE SSDA903 guidance (episodes); validation rules 143 and 144.</remarks>
public static class LegalStatuses
{
    private static readonly string[] StatusMeanings =
    [
        "Interim care order",
        "Full care order",
        "Freeing order granted",
        "Placement order granted",
        "Single period of accommodation under section 20 (Children Act 1989)",
        "Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded",
        "Accommodated under an agreed series of short-term breaks, when agreements are recorded (not individual episodes of care)",
        "Under police protection and in local authority accommodation",
        "Emergency protection order (EPO)",
        "Under a child assessment order and in local authority accommodation",
        "Remanded to local authority accommodation or to youth detention accommodation",
        "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984, including secure accommodation",
        "Sentenced to a youth rehabilitation order (Criminal Justice and Immigration Act 2008) with residence or intensive fostering requirement",
    ];

    private static readonly string[] ReasonMeanings =
    [
        "Started to be looked after",
        "Change of legal status only",
        "Change of placement and carer(s) only",
        "Change of placement (but same carer(s)) only",
        "Change of legal status and change of placement (but same carer(s)) at the same time",
        "Change of legal status and placement and carer(s) at the same time",
    ];

    /// <summary>The DfE meaning of a legal status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>One phrase.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    public static string Meaning(LegalStatus status)
    {
        Preconditions.CheckDefined(status, nameof(status));
        return StatusMeanings[(int)status];
    }

    /// <summary>The DfE meaning of a reason for new episode.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>One phrase.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not defined.</exception>
    public static string Meaning(ReasonForNewEpisode reason)
    {
        Preconditions.CheckDefined(reason, nameof(reason));
        return ReasonMeanings[(int)reason];
    }

    /// <summary>Whether a status counts as Section 20 accommodation under <paramref name="policy"/> (default V2 only; docs/rules.md, configurable readings).</summary>
    /// <param name="status">The status.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <returns><see langword="true"/> if it is in <see cref="LocalPolicy.Section20LegalStatuses"/>.</returns>
    public static bool IsSection20(LegalStatus status, LocalPolicy? policy = null)
    {
        IReadOnlyList<LegalStatus> statuses = (policy ?? LocalPolicy.Default).Section20LegalStatuses;
        for (int i = 0; i < statuses.Count; i++)
        {
            if (statuses[i] == status)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a status is a series of short breaks: V3 or V4 (REV-9).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for V3 and V4.</returns>
    public static bool IsShortBreak(LegalStatus status) => status is LegalStatus.V3 or LegalStatus.V4;

    /// <summary>Whether an SSDA903 placement type (PLACE) is a placement for adoption: A3, A4, A5 or A6 (letter case and surrounding spaces ignored).</summary>
    /// <remarks>Rules LOC-3 and LOC-4; source: DfE SSDA903 guidance, placement codes.</remarks>
    /// <param name="placementType">The PLACE code, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> for A3-A6.</returns>
    public static bool IsPlacedForAdoption(string? placementType)
    {
        ReadOnlySpan<char> code = placementType.AsSpan().Trim();
        return code.Length == 2 && (code[0] == 'A' || code[0] == 'a') && code[1] >= '3' && code[1] <= '6';
    }

    /// <summary>Whether the child is in care under a care order: C1 (interim) or C2 (full).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for C1 and C2.</returns>
    public static bool IsCareOrder(LegalStatus status) => status is LegalStatus.C1 or LegalStatus.C2;

    /// <summary>Whether the status rests on a court order or court decision: C1, C2, D1, E1, L2, L3, J1 (remand) and J3; not s20 (V2-V4), police protection (L1) or PACE (J2).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for a court order or decision.</returns>
    public static bool IsCourtOrder(LegalStatus status) =>
        status is LegalStatus.C1 or LegalStatus.C2 or LegalStatus.D1 or LegalStatus.E1 or LegalStatus.L2 or LegalStatus.L3 or LegalStatus.J1 or LegalStatus.J3;

    /// <summary>Parses an SSDA903 legal status code, exactly as written ("V2").</summary>
    /// <param name="text">The text.</param>
    /// <returns>The status.</returns>
    /// <exception cref="FormatException">Blank, surrounding blanks, lower case or unknown; the message says which.</exception>
    public static LegalStatus ParseLegalStatus(string? text) =>
        TryParseLegalStatus(text, out LegalStatus status, out string? error) ? status : throw new FormatException(error);

    /// <summary>Tries to parse an SSDA903 legal status code.</summary>
    /// <param name="text">The text.</param>
    /// <param name="status">The status, when parsed.</param>
    /// <param name="error">Why not, when not parsed.</param>
    /// <returns><see langword="true"/> if parsed.</returns>
    public static bool TryParseLegalStatus(string? text, out LegalStatus status, [NotNullWhen(false)] out string? error) =>
        Ssda903Code.TryParse(text, "legal status", "LEG-1", "C1, C2, D1, E1, V2, V3, V4, L1, L2, L3, J1, J2, J3", out status, out error);

    /// <summary>Parses an SSDA903 reason-for-new-episode code, exactly as written ("S").</summary>
    /// <param name="text">The text.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="FormatException">Blank, surrounding blanks, lower case or unknown; the message says which.</exception>
    public static ReasonForNewEpisode ParseReason(string? text) =>
        TryParseReason(text, out ReasonForNewEpisode reason, out string? error) ? reason : throw new FormatException(error);

    /// <summary>Tries to parse an SSDA903 reason-for-new-episode code.</summary>
    /// <param name="text">The text.</param>
    /// <param name="reason">The reason, when parsed.</param>
    /// <param name="error">Why not, when not parsed.</param>
    /// <returns><see langword="true"/> if parsed.</returns>
    public static bool TryParseReason(string? text, out ReasonForNewEpisode reason, [NotNullWhen(false)] out string? error) =>
        Ssda903Code.TryParse(text, "reason for new episode", "LEG-2", "S, L, P, T, U, B", out reason, out error);
}

/// <summary>Exact-match parsing of an SSDA903 code into an enum whose names are the codes.</summary>
internal static class Ssda903Code
{
    internal static bool TryParse<TEnum>(string? text, string what, string rule, string valid, out TEnum value, [NotNullWhen(false)] out string? error)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"The {what} code is blank; expected one of {valid} ({rule}).";
            return false;
        }

        if (text.Trim().Length != text.Length)
        {
            error = $"The {what} code '{text}' has leading or trailing blanks; expected exactly one of {valid} ({rule}).";
            return false;
        }

        bool plain = text.All(char.IsAsciiLetterOrDigit) && char.IsAsciiLetter(text[0]);
        if (plain && Enum.TryParse(text, ignoreCase: false, out value) && Enum.IsDefined(value) && Enum.GetName(value) == text)
        {
            error = null;
            return true;
        }

        if (plain && Enum.TryParse(text, ignoreCase: true, out TEnum upper) && Enum.IsDefined(upper))
        {
            error = $"The {what} code '{text}' is not upper case; SSDA903 codes are written '{Enum.GetName(upper)}' ({rule}).";
            value = default;
            return false;
        }

        value = default;
        error = $"The {what} code '{text}' is not one of {valid} ({rule}).";
        return false;
    }
}
