using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;

namespace Iro.Rules;

/// <summary>One way a policy departs from <see cref="LocalPolicy.Default"/>: the key, its value and the default, as
/// the policy file writes them, and the rules it changes.</summary>
/// <remarks>Immutable. Every output of a run lists its policy's departures, so a reader knows the rules it ran under.</remarks>
/// <param name="Key">The key in the policy file (the property's name in camelCase), for example <c>minutesDueWorkingDays</c>; a part of the protocol is <c>disputeResolution.clockStart</c>, <c>disputeResolution.overallLimitWorkingDays</c> or <c>disputeResolution.stages</c>.</param>
/// <param name="Value">The value, as JSON on one line: <c>20</c>, <c>true</c>, <c>"FirstPart"</c>, <c>["V2","V3"]</c> or an object.</param>
/// <param name="Default">The default, as JSON on one line.</param>
/// <param name="Rules">The rules whose reading it changes (from <see cref="RuleCatalogue"/>).</param>
public sealed record PolicyDeparture(string Key, string Value, string Default, IReadOnlyList<RuleId> Rules);

/// <content>The council's policy as a JSON file: <see cref="Load(string)"/>, <see cref="FromJson(string)"/>,
/// <see cref="ToJson"/> and <see cref="Departures"/>.</content>
public sealed partial record LocalPolicy
{
    /// <summary>Reads a council's policy from JSON text: one object whose keys are this type's properties in camelCase
    /// (<c>minutesDueWorkingDays</c>); a key left out keeps its default.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy.</returns>
    /// <remarks>
    /// <para>The keys, their types, ranges and defaults are in the JSON Schema schemas/local-policy.schema.json (an
    /// editor that reads <c>"$schema"</c> checks a file as it is typed) and in docs/rules.md. Enum values are their names
    /// (<c>"FirstPart"</c>), as written; <c>section20LegalStatuses</c> is an array of SSDA903 codes; <c>disputeResolution</c>
    /// is an object with <c>stages</c>, <c>overallLimitWorkingDays</c> and <c>clockStart</c>, each optional.</para>
    /// <para>Comments (<c>//</c>, <c>/* */</c>) are allowed. Refused, with nothing applied: an unknown key (the nearest
    /// known one is suggested), a key twice in one object, a value of the wrong type (a string where a number is expected,
    /// a fraction for a whole number), a value out of range, a name not allowed (the names are listed), a trailing comma,
    /// anything after the object, and <c>caseloadMin</c> above <c>caseloadMax</c>.</para>
    /// <para>Reflection-free (trim- and AOT-safe): the keys are a table in the library.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="PolicyFileException">The text cannot be used: the message names the line, the key, the value and what is allowed.</exception>
    public static LocalPolicy FromJson(string json)
    {
        Preconditions.CheckNotNull(json, nameof(json));
        return PolicyFile.Parse(Encoding.UTF8.GetBytes(json), null);
    }

    /// <summary>Reads a council's policy file (UTF-8 JSON, as <see cref="FromJson(string)"/> describes).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="PolicyFileException">The file cannot be used: the message names the file, the line, the key, the value and what is allowed.</exception>
    /// <exception cref="IOException">The file cannot be read (for example <see cref="FileNotFoundException"/>).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static LocalPolicy Load(string path)
    {
        Preconditions.CheckNotNull(path, nameof(path));
        return PolicyFile.Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>This policy as a policy file: every key with its value, indented, in the schema's order. A starting file
    /// for a council: <c>LocalPolicy.Default.ToJson()</c>; <see cref="FromJson(string)"/> reads it back equal.</summary>
    /// <returns>The JSON text, ending with a line feed.</returns>
    public string ToJson() => PolicyFile.Write(this);

    /// <summary>Where this policy departs from <see cref="Default"/>: each key whose value differs, in the schema's order.
    /// A dispute resolution protocol is compared part by part (<c>disputeResolution.stages</c>,
    /// <c>disputeResolution.overallLimitWorkingDays</c>, <c>disputeResolution.clockStart</c>), so a changed clock start
    /// is not reported as the whole protocol.</summary>
    /// <returns>The departures; empty for the defaults.</returns>
    public IReadOnlyList<PolicyDeparture> Departures() => PolicyFile.Departures(this, Default);

    /// <summary>Whether <paramref name="other"/> has the same value for every setting (the Section 20 statuses compared
    /// item by item, the protocols by their stages, ceiling and clock start).</summary>
    /// <param name="other">The other policy.</param>
    /// <returns><see langword="true"/> if every setting is equal.</returns>
    public bool Equals(LocalPolicy? other) =>
        other is not null && (ReferenceEquals(this, other) || PolicyKeys.All.All(k => k.Same(this, other)));

    /// <summary>A hash of every setting, consistent with <see cref="Equals(LocalPolicy)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (PolicyKey key in PolicyKeys.All)
        {
            hash.Add(key.Hash(this));
        }

        return hash.ToHashCode();
    }
}
