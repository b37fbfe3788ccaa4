using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Iro.Rules.Escalation;

namespace Iro.Rules;

/// <summary>Reads and writes the council's policy file (JSON) by hand over <see cref="Utf8JsonReader"/>, key by key from
/// <see cref="PolicyKeys"/>: no reflection, so it is trim- and AOT-safe, and every problem names the line, key, value
/// and what is allowed.</summary>
/// <remarks>
/// The file is one JSON object whose keys are <see cref="LocalPolicy"/>'s properties in camelCase; a key left out keeps
/// its default. Comments (<c>//</c> and <c>/* */</c>) are allowed and skipped; trailing commas, a key twice in one
/// object, an unknown key, a value of the wrong type, a fraction where a whole number is expected, a value out of range,
/// a name that is not one of the allowed names, and anything after the object are refused.
/// </remarks>
internal static class PolicyFile
{
    private const int MaxShown = 60;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        MaxDepth = 16,
    };

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The policy <paramref name="utf8"/> describes, over <see cref="LocalPolicy.Default"/>.</summary>
    /// <exception cref="PolicyFileException">The file cannot be used; the message says where and why.</exception>
    internal static LocalPolicy Parse(ReadOnlySpan<byte> utf8, string? file)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (utf8.StartsWith(bom))
        {
            utf8 = utf8[bom.Length..];
        }

        var context = new Context(utf8.ToArray(), file);
        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw context.Fail(0, null, null, "holds no JSON", "one JSON object, { } for the defaults");
        }

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            reader.Read();

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw context.Fail(ref reader, null, context.Shown(ref reader), "is not a JSON object (the policy is one object of keys and values)", "one JSON object { \"key\": value, ... }");
            }

            LocalPolicy policy = LocalPolicy.Default;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (context.NextKey(ref reader, string.Empty, seen) is string name)
            {
                if (name == PolicyKeys.SchemaKey)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw context.Fail(ref reader, name, context.Shown(ref reader), "is not a string", "the schema's path or address, a string");
                    }

                    continue;
                }

                PolicyKey key = PolicyKeys.Find(name) ?? throw context.Unknown(ref reader, name, name, PolicyKeys.All.Select(static k => k.Name));
                policy = Read(ref reader, context, key, policy);
            }

            // Anything after the object (other than white space and comments) is refused by the reader.
            while (reader.Read())
            {
            }

            if (policy.CaseloadMin > policy.CaseloadMax)
            {
                throw new PolicyFileException(
                    file,
                    "caseloadMin",
                    policy.CaseloadMin.ToString(CultureInfo.InvariantCulture),
                    $"at most caseloadMax ({policy.CaseloadMax.ToString(CultureInfo.InvariantCulture)})",
                    null,
                    null,
                    $"{context.Where(null, null)}\"caseloadMin\" is {policy.CaseloadMin.ToString(CultureInfo.InvariantCulture)}, above \"caseloadMax\" {policy.CaseloadMax.ToString(CultureInfo.InvariantCulture)} (IRO-3); allowed: at most caseloadMax.");
            }

            return policy;
        }
        catch (JsonException e)
        {
            long? line = e.LineNumber + 1;
            long? column = e.BytePositionInLine + 1;
            string text = e.Message;
            int cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
            text = (cut > 0 ? text[..cut] : text).Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal).TrimEnd();
            throw new PolicyFileException(file, null, null, "JSON (comments allowed; no trailing commas)", line, column, $"{context.Where(line, column)}not valid JSON: {text}", e);
        }
    }

    private static LocalPolicy Read(ref Utf8JsonReader reader, Context context, PolicyKey key, LocalPolicy policy)
    {
        string path = key.Name;
        switch (key.Kind)
        {
            case PolicyValueKind.Boolean:
                if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                {
                    throw context.WrongType(ref reader, path, key.Allowed);
                }

                return key.WithBoolean!(policy, reader.GetBoolean());
            case PolicyValueKind.Integer:
                return key.WithInteger!(policy, context.Integer(ref reader, path, key.Range));
            case PolicyValueKind.Enum:
                return key.WithNames!(policy, [context.Name(ref reader, path, key.Names, key.Allowed)]);
            case PolicyValueKind.EnumList:
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw context.WrongType(ref reader, path, key.Allowed);
                }

                var names = new List<string>();
                int i = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    string itemPath = $"{path}[{i++}]";
                    string name = context.Name(ref reader, itemPath, key.Names, key.Allowed);
                    if (names.Contains(name))
                    {
                        throw context.Fail(ref reader, itemPath, $"\"{name}\"", "is in the list twice", key.Allowed);
                    }

                    names.Add(name);
                }

                return key.WithNames!(policy, names);
            }

            default:
                return key.WithProtocol!(policy, ReadProtocol(ref reader, context, path, key.Allowed, (DisputeResolutionProtocol)key.Get(LocalPolicy.Default)));
        }
    }

    /// <summary>A protocol: each key left out keeps the default protocol's (stages, ceiling, clock start).</summary>
    private static DisputeResolutionProtocol ReadProtocol(ref Utf8JsonReader reader, Context context, string path, string allowed, DisputeResolutionProtocol defaults)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw context.WrongType(ref reader, path, allowed);
        }

        IReadOnlyList<DrpStage> stages = defaults.Stages;
        int overall = defaults.OverallLimitWorkingDays;
        DrpClockStart clockStart = defaults.ClockStart;
        string[] keys = [PolicyKeys.Stages, PolicyKeys.OverallLimit, PolicyKeys.ClockStart];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (context.NextKey(ref reader, path, seen) is string name)
        {
            string at = $"{path}.{name}";
            switch (name)
            {
                case PolicyKeys.Stages:
                    stages = ReadStages(ref reader, context, at);
                    break;
                case PolicyKeys.OverallLimit:
                    overall = context.Integer(ref reader, at, PolicyRanges.DrpOverallLimitWorkingDays);
                    break;
                case PolicyKeys.ClockStart:
                    string[] names = Enum.GetNames<DrpClockStart>();
                    clockStart = Enum.Parse<DrpClockStart>(context.Name(ref reader, at, names, "one of " + string.Join(", ", names.Select(static n => $"\"{n}\""))));
                    break;
                default:
                    throw context.Unknown(ref reader, at, name, keys);
            }
        }

        return new DisputeResolutionProtocol(stages, overall, clockStart);
    }

    private static DrpStage[] ReadStages(ref Utf8JsonReader reader, Context context, string path)
    {
        const string Allowed = "an array of at least one stage { \"number\", \"name\", \"isFormal\", \"limitWorkingDays\", \"closesInternalClock\" }, numbers from 1 without repeats";
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw context.WrongType(ref reader, path, Allowed);
        }

        long arrayStart = reader.TokenStartIndex;
        var stages = new List<DrpStage>();
        string[] keys = [PolicyKeys.StageNumber, PolicyKeys.StageName, PolicyKeys.StageIsFormal, PolicyKeys.StageLimit, PolicyKeys.StageCloses];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            string stagePath = $"{path}[{stages.Count}]";
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw context.WrongType(ref reader, stagePath, "a stage { \"number\", \"name\", \"isFormal\", ... }");
            }

            long stageStart = reader.TokenStartIndex;
            int? number = null;
            string? name = null;
            bool? formal = null;
            int? limit = null;
            bool closes = false;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (context.NextKey(ref reader, stagePath, seen) is string key)
            {
                string at = $"{stagePath}.{key}";
                switch (key)
                {
                    case PolicyKeys.StageNumber:
                        number = context.Integer(ref reader, at, PolicyRanges.DrpStageNumber);
                        if (stages.Any(s => s.Number == number))
                        {
                            throw context.Fail(ref reader, at, number.Value.ToString(CultureInfo.InvariantCulture), "is the number of an earlier stage too", "stage numbers from 1 without repeats (DRP-1)");
                        }

                        break;
                    case PolicyKeys.StageName:
                        if (reader.TokenType != JsonTokenType.String || context.Text(ref reader, at).Trim().Length == 0)
                        {
                            throw context.WrongType(ref reader, at, "a string that is not empty: who raises the stage to whom");
                        }

                        name = context.Text(ref reader, at);
                        break;
                    case PolicyKeys.StageIsFormal:
                    case PolicyKeys.StageCloses:
                        if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                        {
                            throw context.WrongType(ref reader, at, "true or false");
                        }

                        if (key == PolicyKeys.StageIsFormal)
                        {
                            formal = reader.GetBoolean();
                        }
                        else
                        {
                            closes = reader.GetBoolean();
                        }

                        break;
                    case PolicyKeys.StageLimit:
                        limit = reader.TokenType == JsonTokenType.Null ? null : context.Integer(ref reader, at, PolicyRanges.DrpStageLimitWorkingDays, orNull: true);
                        break;
                    default:
                        throw context.Unknown(ref reader, at, key, keys);
                }
            }

            string? missing = number is null ? PolicyKeys.StageNumber : name is null ? PolicyKeys.StageName : formal is null ? PolicyKeys.StageIsFormal : null;
            if (missing is not null)
            {
                throw context.Fail(stageStart, $"{stagePath}.{missing}", null, "is missing", $"every stage has \"number\", \"name\" and \"isFormal\"");
            }

            stages.Add(new DrpStage(number!.Value, name!, formal!.Value, limit, closes));
        }

        if (stages.Count == 0)
        {
            throw context.Fail(arrayStart, path, "[]", "has no stages", Allowed);
        }

        return stages.ToArray();
    }

    /// <summary>The policy as a file: every key, in the order of <see cref="PolicyKeys.All"/>.</summary>
    internal static string Write(LocalPolicy policy) => Json(json =>
    {
        json.WriteStartObject();
        foreach (PolicyKey key in PolicyKeys.All)
        {
            json.WritePropertyName(key.Name);
            key.WriteValue(json, policy);
        }

        json.WriteEndObject();
    });

    /// <summary>The departures of <paramref name="policy"/> from <paramref name="defaults"/>, a protocol part by part.</summary>
    internal static IReadOnlyList<PolicyDeparture> Departures(LocalPolicy policy, LocalPolicy defaults)
    {
        var departures = new List<PolicyDeparture>();
        foreach (PolicyKey key in PolicyKeys.All.Where(k => !k.Same(policy, defaults)))
        {
            if (key.Kind != PolicyValueKind.Protocol)
            {
                departures.Add(new PolicyDeparture(key.Name, ValueText(key, policy), ValueText(key, defaults), key.Rules));
                continue;
            }

            var mine = (DisputeResolutionProtocol)key.Get(policy);
            var theirs = (DisputeResolutionProtocol)key.Get(defaults);
            if (!mine.Stages.SequenceEqual(theirs.Stages))
            {
                departures.Add(new PolicyDeparture($"{key.Name}.{PolicyKeys.Stages}", OneLine(json => PolicyKey.WriteStages(json, mine.Stages)), OneLine(json => PolicyKey.WriteStages(json, theirs.Stages)), key.Rules));
            }

            if (mine.OverallLimitWorkingDays != theirs.OverallLimitWorkingDays)
            {
                departures.Add(new PolicyDeparture($"{key.Name}.{PolicyKeys.OverallLimit}", OneLine(json => json.WriteNumberValue(mine.OverallLimitWorkingDays)), OneLine(json => json.WriteNumberValue(theirs.OverallLimitWorkingDays)), key.Rules));
            }

            if (mine.ClockStart != theirs.ClockStart)
            {
                departures.Add(new PolicyDeparture($"{key.Name}.{PolicyKeys.ClockStart}", OneLine(json => json.WriteStringValue(mine.ClockStart.ToString())), OneLine(json => json.WriteStringValue(theirs.ClockStart.ToString())), key.Rules));
            }
        }

        return departures.AsReadOnly();
    }

    /// <summary>One key's value in <paramref name="policy"/> as the file writes it, on one line.</summary>
    internal static string ValueText(PolicyKey key, LocalPolicy policy) => OneLine(json => key.WriteValue(json, policy));

    private static string OneLine(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The JSON Schema (draft 2020-12) of the policy file, generated from <see cref="PolicyKeys"/>: committed as
    /// schemas/local-policy.schema.json, and a test checks that file is current.</summary>
    internal static string Schema() => Json(json =>
    {
        json.WriteStartObject();
        json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
        json.WriteString("title", "Iro.Rules council policy (LocalPolicy)");
        json.WriteString(
            "description",
            "A council's local practice choices and the readings the law leaves open, for Iro.Rules (LocalPolicy.Load). Every key is optional: a key left out keeps its default, shown as 'default'. Comments are allowed; unknown keys, duplicate keys and out-of-range values are refused. Generated from the library; do not edit by hand.");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        json.WriteStartObject(PolicyKeys.SchemaKey);
        json.WriteString("description", "The path or address of this schema, for editors; otherwise ignored.");
        json.WriteString("type", "string");
        json.WriteEndObject();
        foreach (PolicyKey key in PolicyKeys.All)
        {
            json.WriteStartObject(key.Name);
            json.WriteString("description", key.Description);
            switch (key.Kind)
            {
                case PolicyValueKind.Boolean:
                    json.WriteString("type", "boolean");
                    break;
                case PolicyValueKind.Integer:
                    WriteRange(json, key.Range);
                    break;
                case PolicyValueKind.Enum:
                    json.WriteString("type", "string");
                    WriteNames(json, key.Names);
                    break;
                case PolicyValueKind.EnumList:
                    json.WriteString("type", "array");
                    json.WriteStartObject("items");
                    json.WriteString("type", "string");
                    WriteNames(json, key.Names);
                    json.WriteEndObject();
                    json.WriteBoolean("uniqueItems", true);
                    break;
                default:
                    WriteProtocolSchema(json);
                    break;
            }

            json.WritePropertyName("default");
            key.WriteValue(json, LocalPolicy.Default);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartObject("$defs");
        json.WriteStartObject("drpStage");
        json.WriteString("description", "One stage of the dispute resolution protocol (DRP-1).");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        json.WriteStartObject(PolicyKeys.StageNumber);
        json.WriteString("description", "The stage number; numbers are unique within the protocol.");
        WriteRange(json, PolicyRanges.DrpStageNumber);
        json.WriteEndObject();
        json.WriteStartObject(PolicyKeys.StageName);
        json.WriteString("description", "Who raises it to whom, for example \"Informal escalation: IRO to Team Manager\".");
        json.WriteString("type", "string");
        json.WriteNumber("minLength", 1);
        json.WriteString("pattern", "\\S");
        json.WriteEndObject();
        json.WriteStartObject(PolicyKeys.StageIsFormal);
        json.WriteString("description", "Whether the stage is part of the formal process.");
        json.WriteString("type", "boolean");
        json.WriteEndObject();
        json.WriteStartObject(PolicyKeys.StageLimit);
        json.WriteString("description", "A per-stage limit in working days from the day the stage was raised, or null for none.");
        json.WriteStartArray("type");
        json.WriteStringValue("integer");
        json.WriteStringValue("null");
        json.WriteEndArray();
        json.WriteNumber("minimum", PolicyRanges.DrpStageLimitWorkingDays.Min);
        json.WriteNull("default");
        json.WriteEndObject();
        json.WriteStartObject(PolicyKeys.StageCloses);
        json.WriteString("description", "Whether raising this stage ends the internal process (a referral to Cafcass).");
        json.WriteString("type", "boolean");
        json.WriteBoolean("default", false);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("required");
        json.WriteStringValue(PolicyKeys.StageNumber);
        json.WriteStringValue(PolicyKeys.StageName);
        json.WriteStringValue(PolicyKeys.StageIsFormal);
        json.WriteEndArray();
        json.WriteBoolean("additionalProperties", false);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void WriteProtocolSchema(Utf8JsonWriter json)
    {
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        json.WriteStartObject(PolicyKeys.Stages);
        json.WriteString("description", "The stages; a stage may be skipped in practice. Stage numbers are unique (checked when the file is loaded).");
        json.WriteString("type", "array");
        json.WriteNumber("minItems", 1);
        json.WriteStartObject("items");
        json.WriteString("$ref", "#/$defs/drpStage");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject(PolicyKeys.OverallLimit);
        json.WriteString("description", "The ceiling for the whole process, in working days from the clock start.");
        WriteRange(json, PolicyRanges.DrpOverallLimitWorkingDays);
        json.WriteEndObject();
        json.WriteStartObject(PolicyKeys.ClockStart);
        json.WriteString("description", "DRP-1a: when the clock starts: the first stage raised (FirstStage) or the first formal stage (FirstFormalStage).");
        json.WriteString("type", "string");
        WriteNames(json, Enum.GetNames<DrpClockStart>());
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteBoolean("additionalProperties", false);
    }

    private static void WriteRange(Utf8JsonWriter json, PolicyRange range)
    {
        json.WriteString("type", "integer");
        json.WriteNumber("minimum", range.Min);
        if (range.HasMax)
        {
            json.WriteNumber("maximum", range.Max);
        }
    }

    private static void WriteNames(Utf8JsonWriter json, IEnumerable<string> names)
    {
        json.WriteStartArray("enum");
        foreach (string name in names)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The file's bytes and name, to say where a problem is.</summary>
    private sealed class Context(byte[] utf8, string? file)
    {
        private long lastKeyStart;

        /// <summary>Reads the next key of the object the reader is in and moves to its value; <see langword="null"/> at
        /// the end of the object. Refuses a key given twice.</summary>
        internal string? NextKey(ref Utf8JsonReader reader, string objectPath, HashSet<string> seen)
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndObject)
            {
                return null;
            }

            long at = lastKeyStart = reader.TokenStartIndex;
            string name = Text(ref reader, objectPath);
            string path = objectPath.Length == 0 ? name : $"{objectPath}.{name}";
            if (!seen.Add(name))
            {
                throw Fail(at, path, null, "is given twice in one object (a JSON reader would keep the last silently; this refuses it)", "each key at most once");
            }

            reader.Read();
            return name;
        }

        internal int Integer(ref Utf8JsonReader reader, string path, PolicyRange range, bool orNull = false)
        {
            string allowed = (orNull ? "null or " : string.Empty) + $"{range.Text} ({range.Rule})";
            if (reader.TokenType != JsonTokenType.Number)
            {
                string? hint = reader.TokenType == JsonTokenType.String && long.TryParse(Text(ref reader, path), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                    ? "is a string, not a number (write it without quotes)" : null;
                throw hint is null ? WrongType(ref reader, path, allowed) : Fail(ref reader, path, Shown(ref reader), hint, allowed);
            }

            string raw = Shown(ref reader);
            if (raw.AsSpan().IndexOfAny(".eE") >= 0)
            {
                throw Fail(ref reader, path, raw, "is not a whole number", allowed);
            }

            if (!reader.TryGetInt64(out long value) || !range.Contains(value))
            {
                throw Fail(ref reader, path, raw, "is out of range", allowed);
            }

            return (int)value;
        }

        internal string Name(ref Utf8JsonReader reader, string path, IReadOnlyList<string> names, string allowed)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw WrongType(ref reader, path, allowed);
            }

            string name = Text(ref reader, path);
            if (names.Contains(name, StringComparer.Ordinal))
            {
                return name;
            }

            string? near = PolicyKeys.Nearest(name, names);
            throw Fail(ref reader, path, $"\"{Short(name)}\"", near is null ? "is not one of the names allowed" : $"is not one of the names allowed (did you mean \"{near}\"?)", allowed);
        }

        internal PolicyFileException Unknown(ref Utf8JsonReader reader, string path, string name, IEnumerable<string> known)
        {
            string? near = PolicyKeys.Nearest(name, known);
            long at = lastKeyStart;
            return near is null
                ? Fail(at, path, null, "is not a key of the policy file", "the keys " + string.Join(", ", known))
                : Fail(at, path, null, $"is not a key of the policy file (did you mean \"{near}\"?)", $"\"{near}\"");
        }

        internal PolicyFileException WrongType(ref Utf8JsonReader reader, string path, string allowed) =>
            Fail(ref reader, path, Shown(ref reader), $"is {Kind(reader.TokenType)}, the wrong type", allowed);

        internal PolicyFileException Fail(ref Utf8JsonReader reader, string? path, string? value, string problem, string allowed) =>
            Fail(reader.TokenStartIndex, path, value, problem, allowed);

        internal PolicyFileException Fail(long offset, string? path, string? value, string problem, string allowed)
        {
            (long line, long column) = Position(offset);
            string what = path is null ? "the file" : $"\"{path}\"";
            string shown = value is null ? string.Empty : $" {value}";
            return new PolicyFileException(file, path, value, allowed, line, column, $"{Where(line, column)}{what}{shown} {problem}; allowed: {allowed}.");
        }

        internal string Where(long? line, long? column)
        {
            string name = file is null ? "policy JSON" : file;
            return line is null ? $"{name}: " : $"{name}, line {line.Value.ToString(CultureInfo.InvariantCulture)}, column {column.GetValueOrDefault().ToString(CultureInfo.InvariantCulture)}: ";
        }

        /// <summary>The value at the reader as written: a string in quotes, a number or literal as is, an object or array
        /// shortened; each at most <see cref="MaxShown"/> characters.</summary>
        internal string Shown(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return $"\"{Short(Text(ref reader, null))}\"";
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                {
                    int start = (int)reader.TokenStartIndex;
                    Utf8JsonReader copy = reader;
                    int end = copy.TrySkip() ? (int)copy.BytesConsumed : utf8.Length;
                    return Short(string.Join(' ', Encoding.UTF8.GetString(utf8, start, end - start).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
                }

                default:
                    return Short(Encoding.UTF8.GetString(reader.ValueSpan));
            }
        }

        internal string Text(ref Utf8JsonReader reader, string? path)
        {
            try
            {
                return reader.GetString() ?? string.Empty;
            }
            catch (InvalidOperationException e)
            {
                (long line, long column) = Position(reader.TokenStartIndex);
                throw new PolicyFileException(file, path, null, "text", line, column, $"{Where(line, column)}a string holds half of a UTF-16 surrogate pair (an escape such as \\ud800 without its other half), which is not text.", e);
            }
        }

        /// <summary>The line and column (in characters), from 1, of a byte offset.</summary>
        private (long Line, long Column) Position(long offset)
        {
            int end = (int)Math.Min(offset, utf8.Length);
            int line = 1, lineStart = 0;
            for (int i = 0; i < end; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, Encoding.UTF8.GetCharCount(utf8, lineStart, end - lineStart) + 1);
        }

        private static string Kind(JsonTokenType token) => token switch
        {
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "true or false",
            JsonTokenType.Null => "null",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            _ => token.ToString(),
        };

        private static string Short(string text) => text.Length <= MaxShown ? text : text[..(MaxShown - 3)] + "...";
    }
}
