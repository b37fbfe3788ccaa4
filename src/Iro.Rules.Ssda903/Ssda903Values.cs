using System;
using System.Collections.Generic;
using NodaTime;

namespace Iro.Rules.Ssda903;

/// <summary>Parsing of SSDA903 values: dates as returns and spreadsheets write them, and code lists.</summary>
internal static class Ssda903Values
{
    /// <summary>The codes of an enum whose names are SSDA903 codes (legal status, reason for new episode), exactly as
    /// written: what <c>LegalStatuses.TryParse...</c> accepts, looked up without parsing. Anything else goes to those
    /// parsers, which say why it is not a code.</summary>
    internal static class Names<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
            System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

        private static readonly Dictionary<string, TEnum> ByName = Build();

        internal static bool TryGet(string code, out TEnum value) => ByName.TryGetValue(code, out value);

        private static Dictionary<string, TEnum> Build()
        {
            var names = new Dictionary<string, TEnum>(StringComparer.Ordinal);
            foreach (TEnum value in Enum.GetValues<TEnum>())
            {
                if (Enum.GetName(value) is string name && name.Length > 0 && char.IsAsciiLetter(name[0]) && name.AsSpan().IndexOfAnyExcept(AsciiLettersAndDigits) < 0)
                {
                    names[name] = value;
                }
            }

            return names;
        }
    }

    /// <summary>The date formats accepted, for messages.</summary>
    internal const string DateFormats = "dd/MM/yyyy, d/M/yyyy or yyyy-MM-dd, optionally with a midnight time such as ' 00:00'";

    /// <summary>SSDA903 placement type codes (episodes PLACE).</summary>
    /// <remarks>
    /// Provenance: the DfE SSDA903 guidance's PLACE code list as the open-source 903 validator councils use checks it,
    /// rule 146 "Placement type code is not a valid code" (repository data-to-insight/csc-validator-be-903, formerly
    /// SocialFinanceDigitalLabs/quality-lac-data-beta-validator; lac_validator/rules/lac2022_23/rule_146.py, and
    /// lac2024_25/rule_146.py which adds K3 for 2024-25, written there as "k3"). A3-A6 are placements for adoption
    /// (LOC-3, LOC-4).
    /// </remarks>
    internal static readonly HashSet<string> PlaceCodes = new(StringComparer.Ordinal)
    {
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
        "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
    };

    /// <summary>SSDA903 reasons the decision to place for adoption ceased (placed_for_adoption REASON_PLACED_CEASED).</summary>
    /// <remarks>Provenance: the same validator, rule 120 "The reason for the reversal of the decision that the child
    /// should be placed for adoption code is not valid" (lac_validator/rules/lac2022_23/rule_120.py).</remarks>
    internal static readonly HashSet<string> ReasonPlacedCeasedCodes = new(StringComparer.Ordinal) { "RD1", "RD2", "RD3", "RD4" };

    /// <summary>Parses a date: dd/MM/yyyy, d/M/yyyy or yyyy-MM-dd, optionally followed by a midnight time part as spreadsheets write it (" 00:00", " 00:00:00", "T00:00:00").</summary>
    /// <param name="text">The trimmed text.</param>
    /// <param name="date">The date.</param>
    /// <param name="error">Why not, when not parsed.</param>
    /// <returns><see langword="true"/> if parsed.</returns>
    internal static bool TryParseDate(ReadOnlySpan<char> text, out LocalDate date, out string? error)
    {
        date = default;
        error = null;
        int cut = text.IndexOfAny(' ', 'T');
        if (cut > 0)
        {
            ReadOnlySpan<char> time = text[cut..];
            if (time.SequenceEqual(" 00:00") || time.SequenceEqual(" 00:00:00") || time.SequenceEqual("T00:00:00"))
            {
                text = text[..cut];
            }
            else
            {
                error = $"not a date: '{time.Trim().ToString()}' is a time other than midnight, or not a time ({DateFormats})";
                return false;
            }
        }

        int day, month, year;
        if (text.Length == 10 && text[4] == '-' && text[7] == '-')
        {
            if (!Digits(text[..4], out year) || !Digits(text.Slice(5, 2), out month) || !Digits(text.Slice(8, 2), out day))
            {
                return Bad(out error);
            }
        }
        else
        {
            int first = text.IndexOf('/');
            int second = first < 0 ? -1 : text[(first + 1)..].IndexOf('/');
            if (first is < 1 or > 2 || second is < 1 or > 2)
            {
                return Bad(out error);
            }

            second += first + 1;
            if (!Digits(text[..first], out day) || !Digits(text[(first + 1)..second], out month) || text.Length - second - 1 != 4 || !Digits(text[(second + 1)..], out year))
            {
                return Bad(out error);
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return Bad(out error);
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    /// <summary>Normalises a code as the DfE validator reads it: surrounding spaces removed, upper case.</summary>
    /// <param name="text">The trimmed text (already without surrounding spaces).</param>
    /// <param name="raw">The value as written, to tell whether it had surrounding spaces.</param>
    /// <param name="changed">Whether the value differed from its normal form.</param>
    /// <returns>The normal form.</returns>
    internal static string NormaliseCode(string text, ReadOnlySpan<char> raw, out bool changed)
    {
        string upper = text.ToUpperInvariant();
        changed = raw.Length != text.Length || !string.Equals(upper, text, StringComparison.Ordinal);
        return upper;
    }

    /// <summary>Whether a code needs no normalising: every character ASCII and none a lower-case letter (so upper
    /// case leaves it as it is).</summary>
    internal static bool IsPlainUpper(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c > '\u007F' || c is >= 'a' and <= 'z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A code as a string, without allocating for the short codes returns are made of (one to three
    /// characters A-Z and 0-9: LS, RNE, PLACE, REVIEW_CODE, REC, ...): each is made once and shared.</summary>
    internal static string CodeString(ReadOnlySpan<char> code)
    {
        if (code.IsEmpty)
        {
            return string.Empty;
        }

        int slot = CodeSlot(code);
        if (slot < 0)
        {
            return code.ToString();
        }

        // A benign race: two threads may each make the same string; either is correct.
        return Codes[slot] ??= code.ToString();
    }

    private static readonly string?[] Codes = new string?[1 + 36 + (36 * 36) + (36 * 36 * 36)];

    private static int CodeSlot(ReadOnlySpan<char> code)
    {
        int slot = 0;
        foreach (char c in code)
        {
            int v = c is >= 'A' and <= 'Z' ? c - 'A' : c is >= '0' and <= '9' ? 26 + (c - '0') : -1;
            if (v < 0)
            {
                return -1;
            }

            slot = (slot * 36) + v;
        }

        return code.Length switch
        {
            0 => 0,
            1 => 1 + slot,
            2 => 1 + 36 + slot,
            3 => 1 + 36 + (36 * 36) + slot,
            _ => -1,
        };
    }

    private static bool Bad(out string? error)
    {
        error = $"not a date ({DateFormats})";
        return false;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
