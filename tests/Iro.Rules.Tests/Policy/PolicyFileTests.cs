using System.IO;
using System.Reflection;
using Iro.Rules.Escalation;
using Iro.Rules.Explanations;
using Iro.Rules.Legal;
using Iro.Rules.Permanence;
using Iro.Rules.Reviews;
using Iro.Rules.Secure;
using Iro.Rules.Timescales;

namespace Iro.Rules.Tests.Policy;

/// <summary>The council's policy as a JSON file: what is read, what is refused and how the refusal reads.</summary>
public class PolicyFileTests
{
    [Fact]
    public void EmptyObject_IsTheDefaults()
    {
        LocalPolicy p = LocalPolicy.FromJson("{}");
        Assert.Equal(LocalPolicy.Default, p);
        Assert.Empty(p.Departures());
    }

    [Fact]
    public void DefaultsFile_IsTheDefaults() =>
        Assert.Equal(LocalPolicy.Default, LocalPolicy.FromJson(LocalPolicy.Default.ToJson()));

    [Fact]
    public void EachKindOfValue_IsRead()
    {
        LocalPolicy p = LocalPolicy.FromJson("""
            {
              "$schema": "../../schemas/local-policy.schema.json",
              // comments are allowed
              "minutesDueWorkingDays": 20, /* REV-6 */
              "resetScheduleOnEveryReview": false,
              "reviewDateBasis": "FirstPart",
              "section20LegalStatuses": ["V2", "V3", "V4"],
              "waitStart": "PlacementOrder",
              "secureWindow": "CalendarDays",
              "leapDayBirthday": "February28",
              "workingDayCounting": "IncludeStartDay",
              "disputeResolution": { "overallLimitWorkingDays": 15, "clockStart": "FirstFormalStage" }
            }
            """);
        Assert.Equal(20, p.MinutesDueWorkingDays);
        Assert.False(p.ResetScheduleOnEveryReview);
        Assert.Equal(ReviewDateBasis.FirstPart, p.ReviewDateBasis);
        Assert.Equal(new[] { LegalStatus.V2, LegalStatus.V3, LegalStatus.V4 }, p.Section20LegalStatuses);
        Assert.Equal(AdoptionWaitStart.PlacementOrder, p.WaitStart);
        Assert.Equal(SecureWindow.CalendarDays, p.SecureWindow);
        Assert.Equal(LeapDayBirthday.February28, p.LeapDayBirthday);
        Assert.Equal(WorkingDayCounting.IncludeStartDay, p.WorkingDayCounting);
        Assert.Equal(15, p.DisputeResolution.OverallLimitWorkingDays);
        Assert.Equal(DrpClockStart.FirstFormalStage, p.DisputeResolution.ClockStart);
        Assert.Equal(6, p.DisputeResolution.Stages.Count); // stages left out keep Manchester's
        Assert.Equal(5, p.RecommendationsDueWorkingDays); // a key left out keeps its default
    }

    [Fact]
    public void OwnProtocol_IsRead()
    {
        LocalPolicy p = LocalPolicy.FromJson("""
            { "disputeResolution": { "stages": [
                { "number": 2, "name": "Formal: Service Manager", "isFormal": true, "limitWorkingDays": 5 },
                { "number": 1, "name": "Informal: Team Manager", "isFormal": false, "limitWorkingDays": null },
                { "number": 3, "name": "Cafcass", "isFormal": true, "closesInternalClock": true } ] } }
            """);
        Assert.Equal(
            new[] { new DrpStage(1, "Informal: Team Manager", false), new DrpStage(2, "Formal: Service Manager", true, 5), new DrpStage(3, "Cafcass", true, null, true) },
            p.DisputeResolution.Stages);
        Assert.Equal(20, p.DisputeResolution.OverallLimitWorkingDays);
    }

    [Fact]
    public void RoundTrip_EveryKeyChanged_IsEqual()
    {
        LocalPolicy p = Everything();
        LocalPolicy back = LocalPolicy.FromJson(p.ToJson());
        Assert.Equal(p, back);
        Assert.Equal(p.GetHashCode(), back.GetHashCode());
        Assert.Equal(p.ToJson(), back.ToJson());
        Assert.NotEqual(LocalPolicy.Default, back);
    }

    [Fact]
    public void Departures_ListEveryChangedKey_WithValueDefaultAndRules()
    {
        LocalPolicy p = LocalPolicy.Default with { MinutesDueWorkingDays = 20, Section20LegalStatuses = [LegalStatus.V2, LegalStatus.V3], ReviewDateBasis = ReviewDateBasis.FirstPart };
        Assert.Equal(
            new[]
            {
                ("reviewDateBasis", "\"FirstPart\"", "\"LastPart\"", "REV-1, REV-2, REV-3, REV-5"),
                ("minutesDueWorkingDays", "20", "15", "REV-6"),
                ("section20LegalStatuses", "[\"V2\",\"V3\"]", "[\"V2\"]", "LOC-1"),
            },
            p.Departures().Select(d => (d.Key, d.Value, d.Default, string.Join(", ", d.Rules))));
    }

    [Fact]
    public void Departures_OfEveryKeyChanged_CoverEveryKey() =>
        Assert.Equal(PolicyKeys.All.Select(k => k.Name), Everything().Departures().Select(d => d.Key.Split('.')[0]).Distinct());

    [Fact]
    public void Departures_OfAProtocol_ArePartByPart()
    {
        LocalPolicy p = LocalPolicy.FromJson("{ \"disputeResolution\": { \"clockStart\": \"FirstFormalStage\" } }");
        PolicyDeparture d = Assert.Single(p.Departures());
        Assert.Equal(("disputeResolution.clockStart", "\"FirstFormalStage\"", "\"FirstStage\"", "DRP-1"), (d.Key, d.Value, d.Default, string.Join(", ", d.Rules)));
        Assert.Equal(
            new[] { "disputeResolution.stages", "disputeResolution.overallLimitWorkingDays", "disputeResolution.clockStart" },
            Everything().Departures().Select(x => x.Key).Where(k => k.StartsWith("disputeResolution", StringComparison.Ordinal)));
    }

    [Fact]
    public void Equality_ComparesTheStatusesByValue()
    {
        LocalPolicy a = LocalPolicy.Default with { Section20LegalStatuses = [LegalStatus.V2, LegalStatus.V3] };
        LocalPolicy b = LocalPolicy.Default with { Section20LegalStatuses = new List<LegalStatus> { LegalStatus.V2, LegalStatus.V3 } };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, LocalPolicy.Default);
        Assert.Equal(LocalPolicy.Default, LocalPolicy.Default with { Section20LegalStatuses = [LegalStatus.V2] });
    }

    /// <summary>A new LocalPolicy property cannot be forgotten: the file, the schema, equality and the departures all read the key table.</summary>
    [Fact]
    public void EveryPublicProperty_HasAKey_AndEveryKeyAProperty()
    {
        string[] properties = typeof(LocalPolicy).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(properties, PolicyKeys.All.Select(k => k.Property).Order(StringComparer.Ordinal));
        Assert.Equal(PolicyKeys.All.Count, PolicyKeys.All.Select(k => k.Name).Distinct().Count());
    }

    /// <summary>Each key changed on its own makes the policy unequal to the default, and departs on that key alone.</summary>
    [Fact]
    public void EachKey_ChangedAlone_IsOneDeparture()
    {
        LocalPolicy everything = Everything();
        foreach (PolicyKey key in PolicyKeys.All)
        {
            LocalPolicy one = LocalPolicy.FromJson($"{{ \"{key.Name}\": {PolicyFile.ValueText(key, everything)} }}");
            Assert.NotEqual(LocalPolicy.Default, one);
            Assert.All(one.Departures(), d => Assert.Equal(key.Name, d.Key.Split('.')[0]));
            Assert.NotEmpty(one.Departures());
        }
    }

    [Fact]
    public void EveryKey_IsInTheRuleCatalogue_WithItsRangeRule()
    {
        foreach (PolicyKey key in PolicyKeys.All)
        {
            Assert.NotEmpty(key.Rules);
            if (key.Kind == PolicyValueKind.Integer)
            {
                Assert.Contains(new RuleId(key.Range.Rule), key.Rules);
            }
        }

        Assert.All(RuleCatalogue.All.SelectMany(r => r.Options), o => Assert.NotNull(PolicyKeys.All.FirstOrDefault(k => k.Property == o.Property)));
    }

    [Fact]
    public void Setters_UseTheTableRanges()
    {
        foreach (PolicyKey key in PolicyKeys.All.Where(k => k.Kind == PolicyValueKind.Integer))
        {
            Assert.Equal(key.Range.Min, key.Get(key.WithInteger!(LocalPolicy.Default, key.Range.Min)));
            Assert.Equal(key.Range.Max, key.Get(key.WithInteger!(LocalPolicy.Default, key.Range.Max)));
            var below = Assert.Throws<ArgumentOutOfRangeException>(() => key.WithInteger!(LocalPolicy.Default, key.Range.Min - 1));
            Assert.Equal(key.Property, below.ParamName);
            Assert.Throws<ArgumentOutOfRangeException>(() => key.WithInteger!(LocalPolicy.Default, key.Range.Max + 1));
        }
    }

    // ---- Refusals: each names the key, the value and what is allowed, with the line.

    [Theory]
    [InlineData("{ \"minutesDueWorkingDays\": 251 }", "minutesDueWorkingDays", "251", "a whole number from 0 to 250 (REV-6)", "is out of range")]
    [InlineData("{ \"minutesDueWorkingDays\": -1 }", "minutesDueWorkingDays", "-1", "a whole number from 0 to 250 (REV-6)", "is out of range")]
    [InlineData("{ \"section20FlagMonths\": 0 }", "section20FlagMonths", "0", "a whole number from 1 to 120 (LOC-1)", "is out of range")]
    [InlineData("{ \"section20FlagMonths\": 99999999999 }", "section20FlagMonths", "99999999999", "a whole number from 1 to 120 (LOC-1)", "is out of range")]
    [InlineData("{ \"minutesDueWorkingDays\": 15.5 }", "minutesDueWorkingDays", "15.5", "a whole number from 0 to 250 (REV-6)", "is not a whole number")]
    [InlineData("{ \"minutesDueWorkingDays\": 1e1 }", "minutesDueWorkingDays", "1e1", "a whole number from 0 to 250 (REV-6)", "is not a whole number")]
    [InlineData("{ \"minutesDueWorkingDays\": \"20\" }", "minutesDueWorkingDays", "\"20\"", "a whole number from 0 to 250 (REV-6)", "is a string, not a number (write it without quotes)")]
    [InlineData("{ \"minutesDueWorkingDays\": true }", "minutesDueWorkingDays", "true", "a whole number from 0 to 250 (REV-6)", "is true or false, the wrong type")]
    [InlineData("{ \"section20FlagEnabled\": \"yes\" }", "section20FlagEnabled", "\"yes\"", "true or false", "is a string, the wrong type")]
    [InlineData("{ \"section20FlagEnabled\": null }", "section20FlagEnabled", "null", "true or false", "is null, the wrong type")]
    [InlineData("{ \"reviewDateBasis\": \"firstPart\" }", "reviewDateBasis", "\"firstPart\"", "one of \"LastPart\", \"FirstPart\"", "is not one of the names allowed (did you mean \"FirstPart\"?)")]
    [InlineData("{ \"reviewDateBasis\": 1 }", "reviewDateBasis", "1", "one of \"LastPart\", \"FirstPart\"", "is a number, the wrong type")]
    [InlineData("{ \"section20LegalStatuses\": [\"V2\", \"X9\"] }", "section20LegalStatuses[1]", "\"X9\"", "\"V2\"", "is not one of the names allowed")]
    [InlineData("{ \"section20LegalStatuses\": [\"V2\", \"V2\"] }", "section20LegalStatuses[1]", "\"V2\"", "each at most once", "is in the list twice")]
    [InlineData("{ \"section20LegalStatuses\": \"V2\" }", "section20LegalStatuses", "\"V2\"", "an array of", "is a string, the wrong type")]
    [InlineData("{ \"disputeResolution\": { \"overallLimitWorkingDays\": 0 } }", "disputeResolution.overallLimitWorkingDays", "0", "a whole number from 1 to 250 (DRP-1)", "is out of range")]
    [InlineData("{ \"disputeResolution\": { \"clockStart\": \"Formal\" } }", "disputeResolution.clockStart", "\"Formal\"", "one of \"FirstStage\", \"FirstFormalStage\"", "is not one of the names allowed")]
    [InlineData("{ \"disputeResolution\": { \"stages\": [] } }", "disputeResolution.stages", "[]", "at least one stage", "has no stages")]
    [InlineData("{ \"disputeResolution\": { \"stages\": [ { \"number\": 1, \"isFormal\": false } ] } }", "disputeResolution.stages[0].name", null, "every stage has \"number\", \"name\" and \"isFormal\"", "is missing")]
    [InlineData("{ \"disputeResolution\": { \"stages\": [ { \"number\": 1, \"name\": \"A\", \"isFormal\": false }, { \"number\": 1, \"name\": \"B\", \"isFormal\": true } ] } }", "disputeResolution.stages[1].number", "1", "without repeats", "is the number of an earlier stage too")]
    [InlineData("{ \"disputeResolution\": { \"stages\": [ { \"number\": 0, \"name\": \"A\", \"isFormal\": false } ] } }", "disputeResolution.stages[0].number", "0", "a whole number from 1 (DRP-1)", "is out of range")]
    [InlineData("{ \"disputeResolution\": { \"stages\": [ { \"number\": 1, \"name\": \" \", \"isFormal\": false } ] } }", "disputeResolution.stages[0].name", "\" \"", "not empty", "the wrong type")]
    [InlineData("{ \"disputeResolution\": { \"stages\": [ { \"number\": 1, \"name\": \"A\", \"isFormal\": false, \"limitWorkingDays\": -2 } ] } }", "disputeResolution.stages[0].limitWorkingDays", "-2", "null or a whole number from 0 (DRP-1)", "is out of range")]
    [InlineData("{ \"caseloadMin\": 80, \"caseloadMax\": 70 }", "caseloadMin", "80", "at most caseloadMax (70)", "above \"caseloadMax\" 70")]
    public void BadValue_IsRefused_NamingKeyValueAndAllowed(string json, string key, string? value, string allowed, string problem)
    {
        var e = Assert.Throws<PolicyFileException>(() => LocalPolicy.FromJson(json));
        Assert.Equal(key, e.Key);
        Assert.Equal(value, e.Value);
        Assert.Contains(allowed, e.Allowed, StringComparison.Ordinal);
        Assert.Contains($"\"{key}\"", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Contains("allowed: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void UnknownKey_IsRefused_SuggestingTheNearest()
    {
        var e = Assert.Throws<PolicyFileException>(() => LocalPolicy.FromJson("{\n  \"minutesDueWorkingDays\": 20,\n  \"minutesDueWorkngDays\": 20\n}"));
        Assert.Equal("minutesDueWorkngDays", e.Key);
        Assert.Equal(3, e.Line);
        Assert.Equal(3, e.Column);
        Assert.Equal("policy JSON, line 3, column 3: \"minutesDueWorkngDays\" is not a key of the policy file (did you mean \"minutesDueWorkingDays\"?); allowed: \"minutesDueWorkingDays\".", e.Message);
    }

    [Theory]
    [InlineData("MinutesDueWorkingDays", "minutesDueWorkingDays")] // the property's own name: keys are camelCase
    [InlineData("minutesDue", "minutesDueWorkingDays")]
    [InlineData("s20FlagMonths", "section20FlagMonths")]
    public void UnknownKey_SuggestsTheKeyMeant(string written, string meant)
    {
        var e = Assert.Throws<PolicyFileException>(() => LocalPolicy.FromJson($"{{ \"{written}\": 1 }}"));
        Assert.Contains($"did you mean \"{meant}\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKey_FarFromAny_ListsTheKeys()
    {
        var e = Assert.Throws<PolicyFileException>(() => LocalPolicy.FromJson("{ \"colour\": \"blue\" }"));
        Assert.StartsWith("the keys workingDayCounting, leapDayBirthday,", e.Allowed, StringComparison.Ordinal);
        Assert.Contains("placedForAdoptionFlagWeeks", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownStageKey_IsRefused()
    {
        var e = Assert.Throws<PolicyFileException>(() => LocalPolicy.FromJson("{ \"disputeResolution\": { \"stages\": [ { \"number\": 1, \"name\": \"A\", \"formal\": true } ] } }"));
        Assert.Equal("disputeResolution.stages[0].formal", e.Key);
        Assert.Contains("did you mean \"isFormal\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKey_IsRefused_NotReadAsTheLast()
    {
        var e = Assert.Throws<PolicyFileException>(() => LocalPolicy.FromJson("{\n\"minutesDueWorkingDays\": 15,\n\"minutesDueWorkingDays\": 20 }"));
        Assert.Equal("minutesDueWorkingDays", e.Key);
        Assert.Equal(3, e.Line);
        Assert.Contains("is given twice", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"minutesDueWorkingDays\": 20, }", 1)]   // a trailing comma
    [InlineData("{ \"minutesDueWorkingDays\": 20 } x", 1)]  // junk after the object
    [InlineData("{ \"minutesDueWorkingDays\": 20 } {}", 1)] // a second value
    [InlineData("{\n \"minutesDueWorkingDays\": 20", 2)]     // cut short
    [InlineData("{ 'minutesDueWorkingDays': 20 }", 1)]      // single quotes
    public void NotJson_IsRefused_WithTheLine(string json, long line)
    {
        var e = Assert.Throws<PolicyFileException>(() => LocalPolicy.FromJson(json));
        Assert.Equal(line, e.Line);
        Assert.StartsWith("policy JSON, line ", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(e);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("[]")]
    [InlineData("20")]
    public void NotAnObject_IsRefused(string json)
    {
        var e = Assert.Throws<PolicyFileException>(() => LocalPolicy.FromJson(json));
        Assert.Contains("one JSON object", e.Message, StringComparison.Ordinal);
    }

    // Regression (review of issue K): the message for a file that is an array read "the file [1] the policy is not a JSON object".
    [Fact]
    public void AnArray_IsNamedAsNotAnObject_InOneSentence() =>
        Assert.Equal(
            "policy JSON, line 1, column 1: the file [1] is not a JSON object (the policy is one object of keys and values); allowed: one JSON object { \"key\": value, ... }.",
            Assert.Throws<PolicyFileException>(() => LocalPolicy.FromJson("[1]")).Message);

    [Fact]
    public void SchemaKey_MustBeAString() =>
        Assert.Equal("$schema", Assert.Throws<PolicyFileException>(() => LocalPolicy.FromJson("{ \"$schema\": 1 }")).Key);

    [Fact]
    public void Load_NamesTheFile_AndReadsAByteOrderMark()
    {
        string dir = Directory.CreateTempSubdirectory("iro-policy-").FullName;
        try
        {
            string path = Path.Combine(dir, "council.json");
            File.WriteAllText(path, "{\n  \"section20FlagMonths\": 4\n}\n", new System.Text.UTF8Encoding(true));
            Assert.Equal(4, LocalPolicy.Load(path).Section20FlagMonths);

            File.WriteAllText(path, "{\n  \"section20FlagMonths\": 400\n}\n");
            var e = Assert.Throws<PolicyFileException>(() => LocalPolicy.Load(path));
            Assert.Equal(path, e.File);
            Assert.Equal($"{path}, line 2, column 26: \"section20FlagMonths\" 400 is out of range; allowed: a whole number from 1 to 120 (LOC-1).", e.Message);
            Assert.Throws<FileNotFoundException>(() => LocalPolicy.Load(Path.Combine(dir, "none.json")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Column_CountsCharactersNotBytes()
    {
        var e = Assert.Throws<PolicyFileException>(() => LocalPolicy.FromJson("{ \"disputeResolution\": { \"stages\": [ { \"name\": \"Équipe\", \"number\": 0, \"isFormal\": true } ] } }"));
        Assert.Equal(68, e.Column); // É is two bytes in UTF-8, one character
    }

    /// <summary>A policy with every key away from its default.</summary>
    internal static LocalPolicy Everything() => LocalPolicy.Default with
    {
        WorkingDayCounting = WorkingDayCounting.IncludeStartDay,
        LeapDayBirthday = LeapDayBirthday.February28,
        ResetScheduleOnEveryReview = false,
        ReviewDateBasis = ReviewDateBasis.FirstPart,
        TreatLawfulAdjournmentAsOnTime = true,
        RecommendationsDueWorkingDays = 10,
        MinutesDueWorkingDays = 20,
        TreatV3V4AsShortBreaks = false,
        IroVisitWindowDays = 28,
        CountSameDayVisit = false,
        Ssda903BirthdayTolerance = true,
        LocalAllocationHours = 48,
        CaseloadMin = 45,
        CaseloadMax = 65,
        DisputeResolution = new DisputeResolutionProtocol([new DrpStage(1, "Informal: Team Manager", false, 5), new DrpStage(2, "Cafcass", true, null, true)], 15, DrpClockStart.FirstFormalStage),
        RequireNightAfterSixteenthBirthday = true,
        PathwayPlanMonthsAfter16 = 4,
        PostEighteenIroReviewMonths = 6,
        SecureWindow = SecureWindow.CalendarDays,
        SecureExtensionIncludesSaturday = true,
        Section20FlagEnabled = false,
        Section20LegalStatuses = [LegalStatus.V2, LegalStatus.V3, LegalStatus.V4],
        Section20FlagMonths = 6,
        AdoptionFlagsEnabled = false,
        PlacementOrderFlagMonths = 18,
        AdoptionWaitFlagMonths = 12,
        WaitStart = AdoptionWaitStart.PlacementOrder,
        PlacedForAdoptionFlagWeeks = 12,
    };
}
