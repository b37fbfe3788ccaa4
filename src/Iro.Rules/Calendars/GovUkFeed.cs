using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Iro.Rules.Internal;
using NodaTime;
using NodaTime.Text;

namespace Iro.Rules.Calendars;

/// <summary>Reads one division of a GOV.UK <c>bank-holidays.json</c> file (https://www.gov.uk/bank-holidays.json).</summary>
/// <remarks>
/// Rule CAL-2. Whether a date is a holiday is decided by the date alone; <c>notes</c> only marks substitute days in the
/// name, and <c>bunting</c> is ignored. Every problem is reported as <see cref="InvalidDataException"/> naming the
/// division, the event and the value.
/// </remarks>
internal static class GovUkFeed
{
    private const string SubstituteNote = "Substitute day";

    internal static string DivisionKey(UkJurisdiction jurisdiction) => jurisdiction switch
    {
        UkJurisdiction.EnglandAndWales => "england-and-wales",
        UkJurisdiction.Scotland => "scotland",
        UkJurisdiction.NorthernIreland => "northern-ireland",
        _ => throw new ArgumentOutOfRangeException(nameof(jurisdiction), jurisdiction, null),
    };

    /// <summary>The parsed division: its events in date order and the years they span.</summary>
    internal sealed record Division(string Key, int FirstYear, int LastYear, IReadOnlyList<BankHoliday> Events)
    {
        internal bool Covers(int year) => year >= FirstYear && year <= LastYear;
    }

    internal static Division Parse(Stream json, UkJurisdiction jurisdiction)
    {
        string key = DivisionKey(jurisdiction);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"GOV.UK bank-holiday file (division '{key}'): the file is not valid JSON: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"GOV.UK bank-holiday file (division '{key}'): the file could not be read as JSON: {e.Message}", e);
        }

        using (document)
        {
            return ReadDivision(document.RootElement, key);
        }
    }

    private static Division ReadDivision(JsonElement root, string key)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(key, null, $"the top level is a JSON {Describe(root.ValueKind)}, not an object with divisions");
        }

        if (!root.TryGetProperty(key, out JsonElement division))
        {
            throw Invalid(key, null, $"the division '{key}' is missing");
        }

        if (division.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(key, null, $"the division is a JSON {Describe(division.ValueKind)}, not an object");
        }

        if (!division.TryGetProperty("events", out JsonElement events) || events.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(key, null, "the division has no \"events\" array");
        }

        var holidays = new List<BankHoliday>(events.GetArrayLength());
        var seen = new Dictionary<LocalDate, int>();
        int index = 0;
        foreach (JsonElement item in events.EnumerateArray())
        {
            string where = $"event {index.ToString(CultureInfo.InvariantCulture)}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(key, where, $"the event is a JSON {Describe(item.ValueKind)}, not an object");
            }

            string title = ReadString(item, "title", key, where, required: true);
            where = $"event {index.ToString(CultureInfo.InvariantCulture)} ('{title}')";
            string dateText = ReadString(item, "date", key, where, required: true);
            string notes = ReadString(item, "notes", key, where, required: false);

            ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(dateText);
            if (!parsed.Success)
            {
                throw Invalid(key, where, $"date '{dateText}' is not a valid yyyy-MM-dd date", parsed.Exception);
            }

            LocalDate date = parsed.Value;
            if (date.Year < BankHolidayRules.FirstYear || date.Year > BankHolidayRules.LastYear)
            {
                throw Invalid(
                    key,
                    where,
                    $"date '{dateText}' is outside the supported years {BankHolidayRules.FirstYear.ToString(CultureInfo.InvariantCulture)}-{BankHolidayRules.LastYear.ToString(CultureInfo.InvariantCulture)}");
            }

            if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                throw Invalid(key, where, $"date '{dateText}' is a {date.DayOfWeek}; GOV.UK lists only the weekday taken off (a holiday at a weekend appears as its weekday substitute)");
            }

            if (seen.TryGetValue(date, out int first))
            {
                throw Invalid(key, where, $"date '{dateText}' is listed twice (also event {first.ToString(CultureInfo.InvariantCulture)})");
            }

            seen.Add(date, index);
            bool substitute = string.Equals(notes.Trim(), SubstituteNote, StringComparison.OrdinalIgnoreCase);
            string name = title.Trim();
            if (substitute && !name.EndsWith(BankHoliday.SubstituteSuffix, StringComparison.OrdinalIgnoreCase))
            {
                name += BankHoliday.SubstituteSuffix;
            }

            holidays.Add(new BankHoliday(date, name, BankHolidaySource.GovUkFeed, substitute));
            index++;
        }

        holidays.Sort(static (x, y) => x.Date.CompareTo(y.Date));
        return holidays.Count == 0
            ? new Division(key, 0, -1, holidays)
            : new Division(key, holidays[0].Date.Year, holidays[^1].Date.Year, holidays);
    }

    private static string ReadString(JsonElement item, string property, string key, string where, bool required)
    {
        if (!item.TryGetProperty(property, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                throw Invalid(key, where, $"\"{property}\" is missing");
            }

            return string.Empty;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Invalid(key, where, $"\"{property}\" is a JSON {Describe(value.ValueKind)} ({Truncate(value.GetRawText())}), not a string");
        }

        string text = value.GetString() ?? string.Empty;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(key, where, $"\"{property}\" is empty");
        }

        return text;
    }

    private static InvalidDataException Invalid(string key, string? where, string problem, Exception? inner = null)
    {
        string location = where is null ? $"division '{key}'" : $"division '{key}', {where}";
        return new InvalidDataException($"GOV.UK bank-holiday file ({location}): {problem}.", inner);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
