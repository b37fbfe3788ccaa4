using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using CaseloadReport;
using Iro.Rules.Caseload;
using Iro.Rules.Cli.Output;
using NodaTime;

namespace Iro.Rules.Cli.Commands;

/// <summary>
/// <c>iro worklist --ssda903 &lt;folder&gt; --as-of &lt;date&gt; [--iro NAME] [--weeks 8]</c>: the IROs' worklist from
/// SSDA903 returns (REV-1 to REV-3, REV-9, REV-10, REV-6, CAL-4), read and written by the main job's own code.
/// </summary>
internal sealed class WorklistCommand : IroCommand
{
    private readonly Option<string[]> ssda903 = new("--ssda903")
    {
        Description = "A folder of SSDA903 CSV files (header.csv, episodes.csv, reviews.csv, ...), or an SSDA903 XML return; give it once per return.",
        HelpName = "folder",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<LocalDate?> asOf = Inputs.DateOption("--as-of", "The date of the worklist (required), within the latest return's window.");
    private readonly Option<string?> iro = new("--iro")
    {
        Description = "Only this IRO's items (as the allocations name the IRO). Without it, every IRO, then the children with no IRO allocated.",
        HelpName = "name",
    };

    private readonly Option<int> weeks = Inputs.Whole("--weeks", "How many weeks ahead to look (default 8; 0 to 52). Overdue items are always listed.", Worklist.DefaultHorizonWeeks);
    private readonly Option<bool> fullHistory = new("--full-history")
    {
        Description = "The files are a full extract from a case system, not annual returns: read them as each child's complete history.",
    };

    private readonly Option<string?> policy = PolicyOption.Create();
    private readonly Option<OutputFormat?> format = Inputs.Format();

    public override string Name => "worklist";

    public override string Description =>
        "The IROs' worklist from SSDA903 returns: per IRO, each child's next review with its due date and the day to book it by, the visit window before it, recommendations and minutes owed, and anything overdue.";

    public override IReadOnlyList<string> Examples { get; } =
    [
        "iro worklist --ssda903 return-2025-26 --as-of 2025-11-10",
        "iro worklist --ssda903 return-2024-25 --ssda903 return-2025-26 --as-of 2025-11-10 --iro \"J Smith\" --weeks 4 --format csv",
    ];

    public override void Configure(Command command)
    {
        command.Add(ssda903);
        command.Add(asOf);
        command.Add(iro);
        command.Add(weeks);
        command.Add(fullHistory);
        command.Add(policy);
        command.Add(format);
    }

    public override int Execute(ParseResult parsed, TextWriter output, TextWriter error)
    {
        LocalDate date = parsed.GetValue(asOf) ?? throw new CliInputException("--as-of", "give the date of the worklist, yyyy-MM-dd (within the latest return's window)");
        int horizon = parsed.GetValue(weeks);
        if (horizon is < 0 or > Worklist.MaxHorizonWeeks)
        {
            throw new CliInputException("--weeks", $"'{horizon.ToString(CultureInfo.InvariantCulture)}' is not from 0 to {Worklist.MaxHorizonWeeks.ToString(CultureInfo.InvariantCulture)}");
        }

        // The main job's own option checks and SSDA903 reading: the same folders are read the same way.
        var args = new List<string>();
        foreach (string folder in parsed.GetValue(ssda903) ?? [])
        {
            args.Add("--ssda903");
            args.Add(folder);
        }

        args.AddRange(["--as-of", MainJob.Iso(date), "--weeks", horizon.ToString(CultureInfo.InvariantCulture)]);
        if (parsed.GetValue(fullHistory))
        {
            args.Add("--full-history");
        }

        if (parsed.GetValue(policy) is string policyFile)
        {
            args.AddRange(["--policy", policyFile]);
        }

        Worklist worklist;
        CaseloadInput input;
        try
        {
            JobOptions options = JobOptions.Parse(args);
            input = CaseloadInput.Ssda903(options);
            var builder = new WorklistBuilder(options.AsOf, options.Policy, horizonWeeks: options.Weeks);
            foreach (ChildCase child in input.Children())
            {
                builder.Add(child);
            }

            worklist = builder.Build();
            input = input.Completed(options);
        }
        catch (UsageException e)
        {
            error.WriteLine($"iro worklist: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Ssda903.Ssda903FormatException e)
        {
            error.WriteLine($"iro worklist: {e.Message}");
            return ExitCodes.BadInput;
        }

        string? only = parsed.GetValue(iro);
        IReadOnlyList<WorklistItem> items = only is null ? worklist.Items : worklist.ForIro(only);
        Write(parsed.GetValue(format) ?? OutputFormat.Text, worklist, items, only, output);
        if (only is not null && items.Count == 0)
        {
            error.WriteLine($"iro worklist: no items for IRO '{only}' as of {MainJob.Iso(worklist.AsOf)}; IROs with items: {(worklist.Iros.Any(static i => i is not null) ? string.Join(", ", worklist.Iros.Where(static i => i is not null)) : "none")}.");
        }

        // Children the reader or the rules could not evaluate are not on the worklist: the list is incomplete.
        var notEvaluated = input.NotEvaluatedOnRead.Concat(worklist.NotEvaluated).ToArray();
        if (notEvaluated.Length == 0 && input.RowsWithoutChild.Count == 0)
        {
            return ExitCodes.Done;
        }

        error.WriteLine($"INCOMPLETE (exit code 1): {notEvaluated.Length.ToString(CultureInfo.InvariantCulture)} children could not be evaluated and are not on the worklist"
            + (input.RowsWithoutChild.Count > 0 ? $", and {input.RowsWithoutChild.Count.ToString(CultureInfo.InvariantCulture)} {(input.RowsWithoutChild.Count == 1 ? "row belongs" : "rows belong")} to no known child" : string.Empty) + ":");
        foreach (ChildEvaluation child in notEvaluated.Take(20))
        {
            error.WriteLine($"  child {child.ChildId}: {child.Rejections.FirstOrDefault()?.ToString() ?? "not evaluated"}");
        }

        foreach (Rejection row in input.RowsWithoutChild.Take(5))
        {
            error.WriteLine($"  no known child: {row}");
        }

        return ExitCodes.Incomplete;
    }

    private static void Write(OutputFormat format, Worklist worklist, IReadOnlyList<WorklistItem> items, string? only, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Csv:
                WorklistCsv.Write(output, items);
                break;
            case OutputFormat.Json:
                Json.Write(output, w =>
                {
                    w.WriteStartObject();
                    w.Date("asOf", worklist.AsOf);
                    w.WriteNumber("weeks", worklist.HorizonWeeks);
                    w.Date("horizonEnd", worklist.HorizonEnd);
                    w.WriteStartArray("items");
                    foreach (WorklistItem item in items)
                    {
                        w.WriteStartObject();
                        w.WriteString("iro", item.Iro);
                        w.WriteString("childId", item.ChildId);
                        w.WriteString("item", item.KindText);
                        w.WriteString("rule", item.Rule.Value);
                        w.WriteString("status", item.StatusText);
                        w.Date("dueDate", item.DueDate);
                        w.Date("bookBy", item.BookBy);
                        w.Date("windowStart", item.WindowStart);
                        w.Date("windowEnd", item.WindowEnd);
                        w.WriteString("reason", item.Reason);
                        w.WriteString("citation", item.Citation.ShortForm);
                        w.WriteString("key", item.Key);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                break;
            default:
                int overdue = items.Count(static i => i.Status == WorklistStatus.Overdue);
                output.WriteLine($"Worklist as of {Explain.Date(worklist.AsOf)}, {Explain.Number(worklist.HorizonWeeks)} weeks ahead to {Explain.Date(worklist.HorizonEnd)}{(only is null ? string.Empty : $", IRO {only}")}: "
                    + $"{Explain.Number(items.Count)} item{(items.Count == 1 ? string.Empty : "s")}, {Explain.Number(overdue)} overdue.");
                foreach (IGrouping<string?, WorklistItem> group in items.GroupBy(static i => i.Iro))
                {
                    output.WriteLine();
                    output.WriteLine(group.Key is null ? "No IRO allocated:" : $"IRO {group.Key}:");
                    foreach (WorklistItem item in group)
                    {
                        string when = item.BookBy is LocalDate b && b != item.DueDate ? $" (book by {Explain.Date(b)})"
                            : item.WindowStart is LocalDate from ? $" (window {Explain.Date(from)} to {Explain.Date(item.WindowEnd ?? item.DueDate)})"
                            : string.Empty;
                        output.WriteLine($"  {Explain.Date(item.DueDate)}{when} {item.StatusText} {item.KindText} child {item.ChildId} {item.Rule.Value}: {item.Reason}");
                    }
                }

                break;
        }
    }
}
