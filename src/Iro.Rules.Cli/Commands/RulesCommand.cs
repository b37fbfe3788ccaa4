using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Iro.Rules.Cli.Output;
using Iro.Rules.Explanations;

namespace Iro.Rules.Cli.Commands;

/// <summary><c>iro rules [&lt;id&gt;]</c>: the library's rule catalogue (<see cref="RuleCatalogue.All"/>), or one rule.</summary>
internal sealed class RulesCommand : IroCommand
{
    private readonly Argument<string?> id = new("id")
    {
        Description = "A rule id such as REV-1 (any letter case); without it, every rule.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<OutputFormat?> format = Inputs.Format();

    public override string Name => "rules";

    public override string Description =>
        "Every rule the library implements: id, title, citation, the API that implements it, and the readings a council can configure (LocalPolicy) with their defaults.";

    public override IReadOnlyList<string> Examples { get; } =
    [
        "iro rules REV-1",
        "iro rules --format csv",
    ];

    public override void Configure(Command command)
    {
        command.Add(id);
        command.Add(format);
    }

    public override int Execute(ParseResult parsed, TextWriter output, TextWriter error)
    {
        IReadOnlyList<RuleInfo> rules = Select(parsed.GetValue(id));
        switch (parsed.GetValue(format) ?? OutputFormat.Text)
        {
            case OutputFormat.Json:
                Json.Write(output, w =>
                {
                    w.WriteStartArray();
                    foreach (RuleInfo rule in rules)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", rule.Id.ToString());
                        w.WriteString("title", rule.Title);
                        w.Citation("citation", rule.Citation);
                        w.WriteString("api", rule.Api);
                        w.WriteStartArray("options");
                        foreach (RuleOption option in rule.Options)
                        {
                            w.WriteStartObject();
                            w.WriteString("property", option.Property);
                            w.WriteString("default", option.Default);
                            w.WriteString("meaning", option.Meaning);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
                break;
            case OutputFormat.Csv:
                Csv.Row(output, "id", "title", "citation", "instrument", "provision", "url", "api", "options");
                foreach (RuleInfo rule in rules)
                {
                    Csv.Row(
                        output,
                        rule.Id.ToString(),
                        rule.Title,
                        rule.Citation.ShortForm,
                        rule.Citation.Instrument,
                        rule.Citation.Provision,
                        rule.Citation.Url?.ToString(),
                        rule.Api,
                        string.Join("; ", rule.Options.Select(static o => $"{o.Property}={o.Default}")));
                }

                break;
            default:
                bool first = true;
                foreach (RuleInfo rule in rules)
                {
                    if (!first)
                    {
                        output.WriteLine();
                    }

                    first = false;
                    output.WriteLine($"{rule.Id}  {rule.Title}");
                    output.WriteLine($"  Citation: {rule.Citation.ShortForm} ({rule.Citation.Instrument}, {rule.Citation.Provision}){(rule.Citation.Url is null ? string.Empty : " " + rule.Citation.Url)}");
                    output.WriteLine($"  API: {rule.Api}");
                    foreach (RuleOption option in rule.Options)
                    {
                        output.WriteLine($"  Option: LocalPolicy.{option.Property} = {option.Default} (default). {option.Meaning}");
                    }
                }

                break;
        }

        return ExitCodes.Done;
    }

    private static IReadOnlyList<RuleInfo> Select(string? wanted)
    {
        if (string.IsNullOrWhiteSpace(wanted))
        {
            return RuleCatalogue.All;
        }

        RuleInfo? rule = RuleCatalogue.All.FirstOrDefault(r => string.Equals(r.Id.ToString(), wanted.Trim(), StringComparison.OrdinalIgnoreCase));
        return rule is not null
            ? [rule]
            : throw new CliInputException("<id>", $"no rule '{wanted}'; the rules are {string.Join(", ", RuleCatalogue.All.Select(static r => r.Id.ToString()))}");
    }
}
