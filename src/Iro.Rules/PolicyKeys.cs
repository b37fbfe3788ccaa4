using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Iro.Rules.Escalation;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using Iro.Rules.Legal;
using Iro.Rules.Permanence;
using Iro.Rules.Reviews;
using Iro.Rules.Secure;
using Iro.Rules.Timescales;

namespace Iro.Rules;

/// <summary>The allowed range of a whole-number policy value, and the rule it belongs to.</summary>
/// <param name="Min">The smallest value allowed.</param>
/// <param name="Max">The largest value allowed; <see cref="int.MaxValue"/> for no upper limit.</param>
/// <param name="Rule">The rule id the value sets, named in the messages.</param>
internal readonly record struct PolicyRange(int Min, int Max, string Rule)
{
    /// <summary>Whether the range has an upper limit.</summary>
    internal bool HasMax => Max != int.MaxValue;

    /// <summary>The range as a person reads it: "a whole number from 0 to 250".</summary>
    internal string Text => HasMax
        ? $"a whole number from {Min.ToString(CultureInfo.InvariantCulture)} to {Max.ToString(CultureInfo.InvariantCulture)}"
        : $"a whole number from {Min.ToString(CultureInfo.InvariantCulture)}";

    internal bool Contains(long value) => value >= Min && value <= Max;

    /// <summary>The value, or <see cref="ArgumentOutOfRangeException"/> naming <paramref name="name"/>, the value, the range and the rule.</summary>
    internal int Check(int value, string name)
    {
        Preconditions.CheckRange(value, Min, Max, name, Rule);
        return value;
    }
}

/// <summary>Every whole-number range of <see cref="LocalPolicy"/>, in one place: the property setters, the policy file's
/// messages and its JSON Schema (schemas/local-policy.schema.json) all read them from here.</summary>
internal static class PolicyRanges
{
    internal static readonly PolicyRange RecommendationsDueWorkingDays = new(0, 250, "REV-6");
    internal static readonly PolicyRange MinutesDueWorkingDays = new(0, 250, "REV-6");
    internal static readonly PolicyRange IroVisitWindowDays = new(0, 366, "REV-10");
    internal static readonly PolicyRange Section20FlagMonths = new(1, 120, "LOC-1");
    internal static readonly PolicyRange PathwayPlanMonthsAfter16 = new(0, 24, "LC-5");
    internal static readonly PolicyRange PostEighteenIroReviewMonths = new(0, 36, "LC-6");
    internal static readonly PolicyRange PlacementOrderFlagMonths = new(1, 120, "LOC-2");
    internal static readonly PolicyRange AdoptionWaitFlagMonths = new(1, 120, "LOC-3");
    internal static readonly PolicyRange PlacedForAdoptionFlagWeeks = new(1, 520, "LOC-4");
    internal static readonly PolicyRange LocalAllocationHours = new(1, 24 * 60, "IRO-1");
    internal static readonly PolicyRange CaseloadMin = new(0, 1000, "IRO-3");
    internal static readonly PolicyRange CaseloadMax = new(0, 1000, "IRO-3");

    /// <summary>A dispute resolution protocol's overall ceiling, in working days (DRP-1).</summary>
    internal static readonly PolicyRange DrpOverallLimitWorkingDays = new(1, 250, "DRP-1");

    /// <summary>A protocol stage's number, from 1 (DRP-1).</summary>
    internal static readonly PolicyRange DrpStageNumber = new(1, int.MaxValue, "DRP-1");

    /// <summary>A protocol stage's own limit, in working days (DRP-1).</summary>
    internal static readonly PolicyRange DrpStageLimitWorkingDays = new(0, int.MaxValue, "DRP-1");
}

/// <summary>What kind of JSON value a policy key takes.</summary>
internal enum PolicyValueKind
{
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number within a <see cref="PolicyRange"/>.</summary>
    Integer,

    /// <summary>One of an enum's names, as a string.</summary>
    Enum,

    /// <summary>An array of an enum's names, each once.</summary>
    EnumList,

    /// <summary>A dispute resolution protocol (an object).</summary>
    Protocol,
}

/// <summary>One key of the policy file: a <see cref="LocalPolicy"/> property, its JSON name, the kind and range of its
/// value, and how to read and set it.</summary>
internal sealed class PolicyKey
{
    private PolicyKey(string property, PolicyValueKind kind, Func<LocalPolicy, object> get)
    {
        Property = property;
        Name = char.ToLowerInvariant(property[0]) + property[1..];
        Kind = kind;
        Get = get;
    }

    /// <summary>The <see cref="LocalPolicy"/> property, for example <c>MinutesDueWorkingDays</c>.</summary>
    internal string Property { get; }

    /// <summary>The key in the file: the property's name in camelCase, for example <c>minutesDueWorkingDays</c>.</summary>
    internal string Name { get; }

    internal PolicyValueKind Kind { get; }

    /// <summary>The range of an <see cref="PolicyValueKind.Integer"/> key.</summary>
    internal PolicyRange Range { get; private init; }

    /// <summary>The names allowed for an <see cref="PolicyValueKind.Enum"/> or <see cref="PolicyValueKind.EnumList"/> key.</summary>
    internal IReadOnlyList<string> Names { get; private init; } = [];

    /// <summary>The value, boxed: <see cref="bool"/>, <see cref="int"/>, an enum value, a list of <see cref="LegalStatus"/> or a protocol.</summary>
    internal Func<LocalPolicy, object> Get { get; }

    internal Func<LocalPolicy, bool, LocalPolicy>? WithBoolean { get; private init; }

    internal Func<LocalPolicy, int, LocalPolicy>? WithInteger { get; private init; }

    /// <summary>Sets an enum key from one of <see cref="Names"/> (or an enum list from its names).</summary>
    internal Func<LocalPolicy, IReadOnlyList<string>, LocalPolicy>? WithNames { get; private init; }

    internal Func<LocalPolicy, DisputeResolutionProtocol, LocalPolicy>? WithProtocol { get; private init; }

    /// <summary>The rules whose readings the key sets, from <see cref="RuleCatalogue"/> (which lists each option with its meaning).</summary>
    internal IReadOnlyList<RuleId> Rules => RuleCatalogue.All.Where(r => r.Options.Any(o => o.Property == Property)).Select(static r => r.Id).ToArray();

    /// <summary>What the key decides: the catalogue's meaning, after the rules it belongs to.</summary>
    internal string Description
    {
        get
        {
            RuleOption? option = RuleCatalogue.All.SelectMany(static r => r.Options).FirstOrDefault(o => o.Property == Property);
            string rules = string.Join(", ", Rules.Select(static r => $"{r} ({r.Title})"));
            return $"{rules}. {option?.Meaning} LocalPolicy.{Property}.";
        }
    }

    /// <summary>What the key allows, as a person reads it.</summary>
    internal string Allowed => Kind switch
    {
        PolicyValueKind.Boolean => "true or false",
        PolicyValueKind.Integer => $"{Range.Text} ({Range.Rule})",
        PolicyValueKind.Enum => "one of " + string.Join(", ", Names.Select(static n => $"\"{n}\"")),
        PolicyValueKind.EnumList => "an array of " + string.Join(", ", Names.Select(static n => $"\"{n}\"")) + ", each at most once",
        _ => "an object with \"stages\", \"overallLimitWorkingDays\" and \"clockStart\" (each optional)",
    };

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> have the same value for this key.</summary>
    internal bool Same(LocalPolicy a, LocalPolicy b) => Kind == PolicyValueKind.EnumList
        ? ((IReadOnlyList<LegalStatus>)Get(a)).SequenceEqual((IReadOnlyList<LegalStatus>)Get(b))
        : Get(a).Equals(Get(b));

    /// <summary>A hash of this key's value in <paramref name="policy"/>, consistent with <see cref="Same"/>.</summary>
    internal int Hash(LocalPolicy policy)
    {
        if (Kind != PolicyValueKind.EnumList)
        {
            return Get(policy).GetHashCode();
        }

        var hash = default(HashCode);
        foreach (LegalStatus status in (IReadOnlyList<LegalStatus>)Get(policy))
        {
            hash.Add(status);
        }

        return hash.ToHashCode();
    }

    /// <summary>Writes this key's value in <paramref name="policy"/> as the policy file holds it.</summary>
    internal void WriteValue(Utf8JsonWriter json, LocalPolicy policy)
    {
        object value = Get(policy);
        switch (Kind)
        {
            case PolicyValueKind.Boolean:
                json.WriteBooleanValue((bool)value);
                break;
            case PolicyValueKind.Integer:
                json.WriteNumberValue((int)value);
                break;
            case PolicyValueKind.Enum:
                json.WriteStringValue(value.ToString());
                break;
            case PolicyValueKind.EnumList:
                json.WriteStartArray();
                foreach (LegalStatus status in (IReadOnlyList<LegalStatus>)value)
                {
                    json.WriteStringValue(status.ToString());
                }

                json.WriteEndArray();
                break;
            default:
                WriteProtocol(json, (DisputeResolutionProtocol)value);
                break;
        }
    }

    private static void WriteProtocol(Utf8JsonWriter json, DisputeResolutionProtocol protocol)
    {
        json.WriteStartObject();
        json.WritePropertyName(PolicyKeys.Stages);
        WriteStages(json, protocol.Stages);
        json.WriteNumber(PolicyKeys.OverallLimit, protocol.OverallLimitWorkingDays);
        json.WriteString(PolicyKeys.ClockStart, protocol.ClockStart.ToString());
        json.WriteEndObject();
    }

    /// <summary>A protocol's stages as the file writes them.</summary>
    internal static void WriteStages(Utf8JsonWriter json, IReadOnlyList<DrpStage> stages)
    {
        json.WriteStartArray();
        foreach (DrpStage stage in stages)
        {
            json.WriteStartObject();
            json.WriteNumber(PolicyKeys.StageNumber, stage.Number);
            json.WriteString(PolicyKeys.StageName, stage.Name);
            json.WriteBoolean(PolicyKeys.StageIsFormal, stage.IsFormal);
            if (stage.LimitWorkingDays is int limit)
            {
                json.WriteNumber(PolicyKeys.StageLimit, limit);
            }
            else
            {
                json.WriteNull(PolicyKeys.StageLimit);
            }

            json.WriteBoolean(PolicyKeys.StageCloses, stage.ClosesInternalClock);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal static PolicyKey Boolean(string property, Func<LocalPolicy, bool> get, Func<LocalPolicy, bool, LocalPolicy> with) =>
        new(property, PolicyValueKind.Boolean, p => get(p)) { WithBoolean = with };

    internal static PolicyKey Integer(string property, PolicyRange range, Func<LocalPolicy, int> get, Func<LocalPolicy, int, LocalPolicy> with) =>
        new(property, PolicyValueKind.Integer, p => get(p)) { Range = range, WithInteger = with };

    internal static PolicyKey Enum<TEnum>(string property, Func<LocalPolicy, TEnum> get, Func<LocalPolicy, TEnum, LocalPolicy> with)
        where TEnum : struct, Enum =>
        new(property, PolicyValueKind.Enum, p => get(p))
        {
            Names = System.Enum.GetNames<TEnum>(),
            WithNames = (p, names) => with(p, System.Enum.Parse<TEnum>(names[0])),
        };

    internal static PolicyKey Statuses(string property, Func<LocalPolicy, IReadOnlyList<LegalStatus>> get, Func<LocalPolicy, IReadOnlyList<LegalStatus>, LocalPolicy> with) =>
        new(property, PolicyValueKind.EnumList, p => get(p))
        {
            Names = System.Enum.GetNames<LegalStatus>(),
            WithNames = (p, names) => with(p, names.Select(static n => System.Enum.Parse<LegalStatus>(n)).ToArray()),
        };

    internal static PolicyKey Protocol(string property, Func<LocalPolicy, DisputeResolutionProtocol> get, Func<LocalPolicy, DisputeResolutionProtocol, LocalPolicy> with) =>
        new(property, PolicyValueKind.Protocol, p => get(p)) { WithProtocol = with };
}

/// <summary>The policy file's keys, one per <see cref="LocalPolicy"/> property, in the order the file and its schema list them.</summary>
/// <remarks>A test checks that every public property of <see cref="LocalPolicy"/> has a key here, so a new one cannot be forgotten.</remarks>
internal static class PolicyKeys
{
    // The keys of a dispute resolution protocol object and of its stages.
    internal const string Stages = "stages", OverallLimit = "overallLimitWorkingDays", ClockStart = "clockStart";
    internal const string StageNumber = "number", StageName = "name", StageIsFormal = "isFormal", StageLimit = "limitWorkingDays", StageCloses = "closesInternalClock";

    /// <summary>The key an editor reads to find the schema; the file may give it, and it is otherwise ignored.</summary>
    internal const string SchemaKey = "$schema";

    internal static IReadOnlyList<PolicyKey> All { get; } = Array.AsReadOnly(new[]
    {
        PolicyKey.Enum(nameof(LocalPolicy.WorkingDayCounting), static p => p.WorkingDayCounting, static (p, v) => p with { WorkingDayCounting = v }),
        PolicyKey.Enum(nameof(LocalPolicy.LeapDayBirthday), static p => p.LeapDayBirthday, static (p, v) => p with { LeapDayBirthday = v }),
        PolicyKey.Boolean(nameof(LocalPolicy.ResetScheduleOnEveryReview), static p => p.ResetScheduleOnEveryReview, static (p, v) => p with { ResetScheduleOnEveryReview = v }),
        PolicyKey.Enum(nameof(LocalPolicy.ReviewDateBasis), static p => p.ReviewDateBasis, static (p, v) => p with { ReviewDateBasis = v }),
        PolicyKey.Boolean(nameof(LocalPolicy.TreatLawfulAdjournmentAsOnTime), static p => p.TreatLawfulAdjournmentAsOnTime, static (p, v) => p with { TreatLawfulAdjournmentAsOnTime = v }),
        PolicyKey.Integer(nameof(LocalPolicy.RecommendationsDueWorkingDays), PolicyRanges.RecommendationsDueWorkingDays, static p => p.RecommendationsDueWorkingDays, static (p, v) => p with { RecommendationsDueWorkingDays = v }),
        PolicyKey.Integer(nameof(LocalPolicy.MinutesDueWorkingDays), PolicyRanges.MinutesDueWorkingDays, static p => p.MinutesDueWorkingDays, static (p, v) => p with { MinutesDueWorkingDays = v }),
        PolicyKey.Boolean(nameof(LocalPolicy.TreatV3V4AsShortBreaks), static p => p.TreatV3V4AsShortBreaks, static (p, v) => p with { TreatV3V4AsShortBreaks = v }),
        PolicyKey.Integer(nameof(LocalPolicy.IroVisitWindowDays), PolicyRanges.IroVisitWindowDays, static p => p.IroVisitWindowDays, static (p, v) => p with { IroVisitWindowDays = v }),
        PolicyKey.Boolean(nameof(LocalPolicy.CountSameDayVisit), static p => p.CountSameDayVisit, static (p, v) => p with { CountSameDayVisit = v }),
        PolicyKey.Boolean(nameof(LocalPolicy.Ssda903BirthdayTolerance), static p => p.Ssda903BirthdayTolerance, static (p, v) => p with { Ssda903BirthdayTolerance = v }),
        PolicyKey.Integer(nameof(LocalPolicy.LocalAllocationHours), PolicyRanges.LocalAllocationHours, static p => p.LocalAllocationHours, static (p, v) => p with { LocalAllocationHours = v }),
        PolicyKey.Integer(nameof(LocalPolicy.CaseloadMin), PolicyRanges.CaseloadMin, static p => p.CaseloadMin, static (p, v) => p with { CaseloadMin = v }),
        PolicyKey.Integer(nameof(LocalPolicy.CaseloadMax), PolicyRanges.CaseloadMax, static p => p.CaseloadMax, static (p, v) => p with { CaseloadMax = v }),
        PolicyKey.Protocol(nameof(LocalPolicy.DisputeResolution), static p => p.DisputeResolution, static (p, v) => p with { DisputeResolution = v }),
        PolicyKey.Boolean(nameof(LocalPolicy.RequireNightAfterSixteenthBirthday), static p => p.RequireNightAfterSixteenthBirthday, static (p, v) => p with { RequireNightAfterSixteenthBirthday = v }),
        PolicyKey.Integer(nameof(LocalPolicy.PathwayPlanMonthsAfter16), PolicyRanges.PathwayPlanMonthsAfter16, static p => p.PathwayPlanMonthsAfter16, static (p, v) => p with { PathwayPlanMonthsAfter16 = v }),
        PolicyKey.Integer(nameof(LocalPolicy.PostEighteenIroReviewMonths), PolicyRanges.PostEighteenIroReviewMonths, static p => p.PostEighteenIroReviewMonths, static (p, v) => p with { PostEighteenIroReviewMonths = v }),
        PolicyKey.Enum(nameof(LocalPolicy.SecureWindow), static p => p.SecureWindow, static (p, v) => p with { SecureWindow = v }),
        PolicyKey.Boolean(nameof(LocalPolicy.SecureExtensionIncludesSaturday), static p => p.SecureExtensionIncludesSaturday, static (p, v) => p with { SecureExtensionIncludesSaturday = v }),
        PolicyKey.Boolean(nameof(LocalPolicy.Section20FlagEnabled), static p => p.Section20FlagEnabled, static (p, v) => p with { Section20FlagEnabled = v }),
        PolicyKey.Statuses(nameof(LocalPolicy.Section20LegalStatuses), static p => p.Section20LegalStatuses, static (p, v) => p with { Section20LegalStatuses = v }),
        PolicyKey.Integer(nameof(LocalPolicy.Section20FlagMonths), PolicyRanges.Section20FlagMonths, static p => p.Section20FlagMonths, static (p, v) => p with { Section20FlagMonths = v }),
        PolicyKey.Boolean(nameof(LocalPolicy.AdoptionFlagsEnabled), static p => p.AdoptionFlagsEnabled, static (p, v) => p with { AdoptionFlagsEnabled = v }),
        PolicyKey.Integer(nameof(LocalPolicy.PlacementOrderFlagMonths), PolicyRanges.PlacementOrderFlagMonths, static p => p.PlacementOrderFlagMonths, static (p, v) => p with { PlacementOrderFlagMonths = v }),
        PolicyKey.Integer(nameof(LocalPolicy.AdoptionWaitFlagMonths), PolicyRanges.AdoptionWaitFlagMonths, static p => p.AdoptionWaitFlagMonths, static (p, v) => p with { AdoptionWaitFlagMonths = v }),
        PolicyKey.Enum(nameof(LocalPolicy.WaitStart), static p => p.WaitStart, static (p, v) => p with { WaitStart = v }),
        PolicyKey.Integer(nameof(LocalPolicy.PlacedForAdoptionFlagWeeks), PolicyRanges.PlacedForAdoptionFlagWeeks, static p => p.PlacedForAdoptionFlagWeeks, static (p, v) => p with { PlacedForAdoptionFlagWeeks = v }),
    });

    /// <summary>The key named <paramref name="name"/> (exact, case-sensitive), or <see langword="null"/>.</summary>
    internal static PolicyKey? Find(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));

    /// <summary>The known name nearest to <paramref name="name"/> (letter case ignored), when it is near enough to be a slip.</summary>
    internal static string? Nearest(string name, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int d = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }

        // A slip: a few letters wrong, or the key's start (minutesDue for minutesDueWorkingDays).
        if (best is not null && bestDistance <= Math.Max(1, name.Length / 2))
        {
            return best;
        }

        return name.Length >= 4 ? known.FirstOrDefault(k => k.StartsWith(name, StringComparison.OrdinalIgnoreCase) || name.StartsWith(k, StringComparison.OrdinalIgnoreCase)) : null;
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
