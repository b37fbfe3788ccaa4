using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Iro.Rules.Internal;
using NodaTime;
using NodaTime.Text;

namespace Iro.Rules.Calendars;

/// <summary>Reads one division of a GOV.UK <c>bank-holidays.json</c> file (https://www.gov.uk/bank-holidays.json).</summary>
/// <remarks>
/// <para>Rule CAL-2. Whether a date is a holiday is decided by the date alone; <c>notes</c> only marks substitute days in
/// the name, and <c>bunting</c> is ignored. Every problem is reported as <see cref="InvalidDataException"/> naming the
/// division, the event, the year or the byte where it is.</para>
/// <para>The file is checked in this order: the bytes are UTF-8 (a leading byte order mark is allowed); the text is
/// JSON with no key twice in one object (keys compared after unescaping) and no string holding half a UTF-16 surrogate
/// pair, anywhere in the file, not only in the division read; the division and each of its events are well formed
/// (see <see cref="BankHolidayCalendar.FromGovUkJson"/>); and every year the division covers is complete
/// (<see cref="CheckYears"/>).</para>
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
        byte[] bytes = ReadAll(json);
        int start = bytes.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        CheckUtf8(bytes, start, key);
        ReadOnlyMemory<byte> text = bytes.AsMemory(start);
        var options = new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };
        JsonDocument document;
        try
        {
            CheckKeysAndStrings(text.Span, start, key);
            document = JsonDocument.Parse(text, options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"GOV.UK bank-holiday file (division '{key}'): the file is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            return ReadDivision(document.RootElement, key, jurisdiction);
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static byte[] ReadAll(Stream json)
    {
        using var buffer = new MemoryStream();
        json.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Refuses bytes that are not UTF-8, naming the first bad byte's position in the file (from 0).</summary>
    private static void CheckUtf8(byte[] bytes, int start, string key)
    {
        ReadOnlySpan<byte> span = bytes;
        if (Utf8.IsValid(span[start..]))
        {
            return;
        }

        int position = start;
        while (position < span.Length)
        {
            OperationStatus status = Rune.DecodeFromUtf8(span[position..], out _, out int consumed);
            if (status != OperationStatus.Done)
            {
                string why = status == OperationStatus.NeedMoreData
                    ? "starts a UTF-8 character that the file ends before completing"
                    : "does not begin a valid UTF-8 character";
                throw Invalid(key, null, $"the file is not valid UTF-8: byte {Number(position)} (0x{span[position]:X2}) {why}");
            }

            position += consumed;
        }
    }

    /// <summary>
    /// Reads the whole file as JSON tokens, refusing a key that appears twice in one object (a JSON reader would keep
    /// the last silently) and a string or key holding an unpaired UTF-16 surrogate escape. Syntax errors throw
    /// <see cref="JsonException"/>.
    /// </summary>
    private static void CheckKeysAndStrings(ReadOnlySpan<byte> text, int offset, string key)
    {
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        var frames = new List<Frame>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                {
                    Frame frame = frames[^1];
                    string where = frame.Path.Length == 0 ? "at the top level" : $"in {frame.Path}";
                    string name = ReadText(ref reader, offset, key, $"a key {where}");
                    if (!frame.Keys!.Add(name))
                    {
                        throw Invalid(
                            key,
                            null,
                            $"the key \"{Truncate(name)}\" appears twice {where} (again at byte {Number(offset + (int)reader.TokenStartIndex)}); a duplicate key is refused, not read as its last value");
                    }

                    frame.Name = name;
                    break;
                }

                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    frames.Add(new Frame(NextPath(frames), reader.TokenType == JsonTokenType.StartObject));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                case JsonTokenType.String:
                    ReadText(ref reader, offset, key, NextPath(frames));
                    break;
                default:
                    NextPath(frames);
                    break;
            }
        }
    }

    /// <summary>The path of the value that starts now ("scotland.events[3].title"), counting it in its array.</summary>
    private static string NextPath(List<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return string.Empty;
        }

        Frame parent = frames[^1];
        if (parent.Keys is not null)
        {
            string name = Truncate(parent.Name ?? string.Empty);
            return parent.Path.Length == 0 ? name : $"{parent.Path}.{name}";
        }

        parent.Index++;
        return $"{parent.Path}[{Number(parent.Index)}]";
    }

    private static string ReadText(ref Utf8JsonReader reader, int offset, string key, string what)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException e)
        {
            string escape = UnpairedSurrogate(reader.ValueSpan) ?? "\\u....";
            throw Invalid(
                key,
                null,
                $"{(what.Length == 0 ? "the top-level string" : what)} at byte {Number(offset + (int)reader.TokenStartIndex)} holds the escape {escape}, half of a UTF-16 surrogate pair without its other half, which is not text",
                e);
        }
    }

    /// <summary>The first <c>\uD800</c>-<c>\uDFFF</c> escape in a raw JSON string that is not half of a high-low pair, as written.</summary>
    private static string? UnpairedSurrogate(ReadOnlySpan<byte> raw)
    {
        int pendingHigh = -1;
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                if (pendingHigh >= 0)
                {
                    return Encoding.ASCII.GetString(raw.Slice(pendingHigh, 6));
                }

                continue;
            }

            if (i + 5 < raw.Length && raw[i + 1] == (byte)'u'
                && int.TryParse(raw.Slice(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int unit))
            {
                bool high = unit is >= 0xD800 and <= 0xDBFF;
                bool low = unit is >= 0xDC00 and <= 0xDFFF;
                if (pendingHigh >= 0 && !low)
                {
                    return Encoding.ASCII.GetString(raw.Slice(pendingHigh, 6));
                }

                if (low && pendingHigh < 0)
                {
                    return Encoding.ASCII.GetString(raw.Slice(i, 6));
                }

                pendingHigh = high ? i : -1;
                i += 5;
            }
            else
            {
                if (pendingHigh >= 0)
                {
                    return Encoding.ASCII.GetString(raw.Slice(pendingHigh, 6));
                }

                i++; // a two-character escape such as \\ or \"
            }
        }

        return pendingHigh >= 0 ? Encoding.ASCII.GetString(raw.Slice(pendingHigh, 6)) : null;
    }

    /// <summary>An open object (with its keys so far and the last key read) or array (with the index of its last value).</summary>
    private sealed class Frame(string path, bool isObject)
    {
        internal string Path { get; } = path;

        internal HashSet<string>? Keys { get; } = isObject ? new HashSet<string>(StringComparer.Ordinal) : null;

        internal string? Name { get; set; }

        internal int Index { get; set; } = -1;
    }

    private static Division ReadDivision(JsonElement root, string key, UkJurisdiction jurisdiction)
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
        CheckYears(holidays, key, jurisdiction);
        return holidays.Count == 0
            ? new Division(key, 0, -1, holidays)
            : new Division(key, holidays[0].Date.Year, holidays[^1].Date.Year, holidays);
    }

    /// <summary>
    /// Refuses a division in which a year it covers does not look like a year of UK bank holidays, so that a missing
    /// or mistyped year cannot silently empty a year of the calendar.
    /// </summary>
    /// <remarks>
    /// <para>The years covered are every year from the division's first event to its last, inclusive; each must:</para>
    /// <list type="bullet">
    /// <item>have at least one event (no year in the middle of the range is missing);</item>
    /// <item>list Good Friday (Easter Sunday less two days, by the Gregorian computus);</item>
    /// <item>list the first weekday of January: New Year's Day or its substitute (in England and Wales and Northern
    /// Ireland from 1974, when it became a bank holiday there; in Scotland every year);</item>
    /// <item>list the first weekday on or after 25 December: Christmas Day, or at a weekend the first substitute (the
    /// Christmas or Boxing Day substitute);</item>
    /// <item>have at least as many events as the division's regular days that year (the rules without one-off
    /// proclamations) and at most four more: today 8-12 for England and Wales, 9-13 for Scotland, 10-14 for Northern
    /// Ireland. One-offs since 1971 have moved days or added at most two (2022), never removed one; a proclamation
    /// that removed a day without a replacement would need this bound, and a release, changed.</item>
    /// </list>
    /// <para>A lone stray event in a year otherwise absent (2014-01-01 typed for 2024-01-01) therefore makes that year
    /// incomplete, and the file is refused. The message leads with the failing year that has the fewest events but
    /// some (most likely the mistyped one), else the first empty year, and lists the other failing years. The embedded
    /// GOV.UK files (2012-2028, all three divisions) pass, being read by the same code, and so does every year the
    /// rules give for 1971-2100 (the tests show both).</para>
    /// </remarks>
    private static void CheckYears(List<BankHoliday> holidays, string key, UkJurisdiction jurisdiction)
    {
        if (holidays.Count == 0)
        {
            return;
        }

        int firstYear = holidays[0].Date.Year;
        int lastYear = holidays[^1].Date.Year;
        var failures = new List<(int Year, int Events, string Problem)>();
        int index = 0;
        for (int year = firstYear; year <= lastYear; year++)
        {
            int start = index;
            while (index < holidays.Count && holidays[index].Date.Year == year)
            {
                index++;
            }

            string? problem = YearProblem(year, holidays.GetRange(start, index - start), jurisdiction);
            if (problem is not null)
            {
                failures.Add((year, index - start, problem));
            }
        }

        if (failures.Count == 0)
        {
            return;
        }

        var lead = failures.OrderBy(static f => f.Events == 0 ? int.MaxValue : f.Events).ThenBy(static f => f.Year).First();
        string others = failures.Count == 1
            ? string.Empty
            : $". Other years that fail: {Runs(failures.Where(f => f.Year != lead.Year).Select(static f => f.Year).ToList())}";
        throw Invalid(
            key,
            $"year {Number(lead.Year)}",
            $"{lead.Problem}. Every year from the division's first event to its last ({Number(firstYear)}-{Number(lastYear)}) must be a " +
            $"complete year of bank holidays; a date may be mistyped or a year missing{others}");
    }

    /// <summary>Why <paramref name="days"/> (a year's events, in date order) is not a year of bank holidays, or null.</summary>
    private static string? YearProblem(int year, List<BankHoliday> days, UkJurisdiction jurisdiction)
    {
        if (days.Count == 0)
        {
            return "the year has no events";
        }

        var lacks = new List<string>();
        bool Has(LocalDate date) => days.Exists(d => d.Date == date);
        LocalDate newYear = FirstWeekdayFrom(new LocalDate(year, 1, 1));
        if ((jurisdiction == UkJurisdiction.Scotland || year >= BankHolidayRules.NewYearFromYear) && !Has(newYear))
        {
            lacks.Add($"New Year\u2019s Day or its substitute ({DateFormat.Iso(newYear)})");
        }

        LocalDate goodFriday = Easter.Sunday(year).PlusDays(-2);
        if (!Has(goodFriday))
        {
            lacks.Add($"Good Friday ({DateFormat.Iso(goodFriday)})");
        }

        LocalDate christmas = FirstWeekdayFrom(new LocalDate(year, 12, 25));
        if (!Has(christmas))
        {
            lacks.Add($"Christmas Day or its substitute ({DateFormat.Iso(christmas)})");
        }

        int regular = BankHolidayRules.Compute(year, jurisdiction, includeOneOffs: false).Count;
        int most = regular + 4;
        bool countOk = days.Count >= regular && days.Count <= most;
        if (lacks.Count == 0 && countOk)
        {
            return null;
        }

        string listed = days.Count <= 3 ? $" ({string.Join(", ", days.Select(static d => DateFormat.Iso(d.Date)))})" : string.Empty;
        var why = new List<string>();
        if (lacks.Count > 0)
        {
            why.Add("it lacks " + (lacks.Count == 1 ? lacks[0] : string.Join(", ", lacks.Take(lacks.Count - 1)) + " and " + lacks[^1]));
        }

        if (!countOk)
        {
            why.Add($"{BankHolidayCalendar.NameOf(jurisdiction)} has {Number(regular)}-{Number(most)} bank holidays in {Number(year)} (its {Number(regular)} regular days and up to four one-offs)");
        }

        return $"the year has {Number(days.Count)} event{(days.Count == 1 ? string.Empty : "s")}{listed}, not a year of bank holidays: {string.Join("; ", why)}";
    }

    private static LocalDate FirstWeekdayFrom(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Saturday => date.PlusDays(2),
        IsoDayOfWeek.Sunday => date.PlusDays(1),
        _ => date,
    };

    /// <summary>Years as runs: "2015-2023, 2025".</summary>
    private static string Runs(List<int> years)
    {
        var parts = new List<string>();
        for (int i = 0; i < years.Count;)
        {
            int j = i;
            while (j + 1 < years.Count && years[j + 1] == years[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? Number(years[i]) : $"{Number(years[i])}-{Number(years[j])}");
            i = j + 1;
        }

        return string.Join(", ", parts);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

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
