using System.IO;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Iro.Rules.Tests.Policy;

/// <summary>schemas/local-policy.schema.json is generated from the library's key table and must be current; the
/// policy files the repository ships satisfy it and load; and the schema and the loader agree on what they refuse.</summary>
public class PolicySchemaTests
{
    internal static readonly string SchemaPath = Path.Combine(RepositoryRoot(), "schemas", "local-policy.schema.json");

    internal static readonly string SamplePath = Path.Combine(RepositoryRoot(), "samples", "policy", "council.json");

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    [Fact]
    public void SchemaFile_IsCurrent()
    {
        string expected = PolicyFile.Schema();
        if (Environment.GetEnvironmentVariable("IRO_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SchemaPath)!);
            File.WriteAllText(SchemaPath, expected);
        }

        Assert.True(File.Exists(SchemaPath), "schemas/local-policy.schema.json is missing: run the tests with IRO_UPDATE_DOCS=1.");
        Assert.Equal(expected, File.ReadAllText(SchemaPath).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void SampleFile_Loads_AndSatisfiesTheSchema()
    {
        LocalPolicy policy = LocalPolicy.Load(SamplePath);
        Assert.NotEmpty(policy.Departures());
        Assert.True(Validate(File.ReadAllText(SamplePath)), "samples/policy/council.json does not satisfy the schema");
    }

    [Fact]
    public void DefaultsAndEveryKeyChanged_SatisfyTheSchema()
    {
        Assert.True(Validate(LocalPolicy.Default.ToJson()));
        Assert.True(Validate(PolicyFileTests.Everything().ToJson()));
    }

    /// <summary>What the schema can say (types, ranges, names, unknown keys, required stage keys), it says as the loader does.</summary>
    [Theory]
    [InlineData("{ \"minutesDueWorkingDays\": 251 }")]
    [InlineData("{ \"minutesDueWorkingDays\": -1 }")]
    [InlineData("{ \"minutesDueWorkingDays\": 15.5 }")]
    [InlineData("{ \"minutesDueWorkingDays\": \"20\" }")]
    [InlineData("{ \"section20FlagMonths\": 0 }")]
    [InlineData("{ \"section20FlagEnabled\": \"yes\" }")]
    [InlineData("{ \"reviewDateBasis\": \"firstPart\" }")]
    [InlineData("{ \"section20LegalStatuses\": [\"V2\", \"X9\"] }")]
    [InlineData("{ \"section20LegalStatuses\": [\"V2\", \"V2\"] }")]
    [InlineData("{ \"minutesDue\": 20 }")]
    [InlineData("{ \"disputeResolution\": { \"stages\": [] } }")]
    [InlineData("{ \"disputeResolution\": { \"overallLimitWorkingDays\": 251 } }")]
    [InlineData("{ \"disputeResolution\": { \"stages\": [ { \"number\": 1, \"isFormal\": false } ] } }")]
    [InlineData("{ \"disputeResolution\": { \"stages\": [ { \"number\": 1, \"name\": \" \", \"isFormal\": false } ] } }")]
    [InlineData("{ \"disputeResolution\": { \"stages\": [ { \"number\": 1, \"name\": \"A\", \"isFormal\": false, \"limitWorkingDays\": -1 } ] } }")]
    [InlineData("{ \"disputeResolution\": { \"stages\": [ { \"number\": 1, \"name\": \"A\", \"isFormal\": false, \"formal\": true } ] } }")]
    [InlineData("{ \"$schema\": 1 }")]
    public void WhatTheSchemaRefuses_TheLoaderRefuses(string json)
    {
        Assert.False(Validate(json));
        Assert.Throws<PolicyFileException>(() => LocalPolicy.FromJson(json));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ \"$schema\": \"local-policy.schema.json\", \"minutesDueWorkingDays\": 250, \"section20LegalStatuses\": [] }")]
    [InlineData("{ \"disputeResolution\": { \"clockStart\": \"FirstFormalStage\" } }")]
    public void WhatTheSchemaAccepts_TheLoaderAccepts(string json)
    {
        Assert.True(Validate(json));
        LocalPolicy.FromJson(json);
    }

    [Fact]
    public void Schema_IsDraft202012_WithEveryKeyDescribedAndDefaulted()
    {
        JsonObject schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.False((bool)schema["additionalProperties"]!);
        JsonObject properties = schema["properties"]!.AsObject();
        foreach (PolicyKey key in PolicyKeys.All)
        {
            JsonObject p = properties[key.Name]!.AsObject();
            Assert.Contains(key.Rules[0].ToString(), (string?)p["description"], StringComparison.Ordinal);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PolicyFile.ValueText(key, LocalPolicy.Default)), p["default"]), key.Name);
        }

        Assert.Equal(0, (int)properties["minutesDueWorkingDays"]!["minimum"]!);
        Assert.Equal(250, (int)properties["minutesDueWorkingDays"]!["maximum"]!);
    }

    private static bool Validate(string json)
    {
        return Schema.Value.Evaluate(JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip }), Options).IsValid;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Iro.Rules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Iro.Rules.sln) was not found above the test binaries.");
    }
}
