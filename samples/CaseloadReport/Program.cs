// The main job: the weekly IRO flag list and the annual-report figures for a whole caseload.
//
//   dotnet run --project samples/CaseloadReport                       a built-in synthetic caseload of 1,300 children
//   dotnet run --project samples/CaseloadReport -- --as-of 2026-03-31 --year 2025 --count 1300 --out out
//   dotnet run --project samples/CaseloadReport -- --ssda903 samples/ssda903 --as-of 2025-11-10 --year 2024
//
// Writes <out>/flags.csv, <out>/figures.json and <out>/report.html.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CaseloadReport;
using Iro.Rules;
using Iro.Rules.Caseload;
using Iro.Rules.Timescales;
using NodaTime;
using NodaTime.Text;

LocalDate asOf = new(2026, 3, 31);
int? yearArg = null;
int count = 1300;
string outDir = "out";
string? ssda903 = null;
for (int i = 0; i < args.Length; i++)
{
    string value = i + 1 < args.Length ? args[i + 1] : string.Empty;
    switch (args[i])
    {
        case "--as-of" when LocalDatePattern.Iso.Parse(value) is { Success: true } parsed:
            asOf = parsed.Value;
            i++;
            break;
        case "--year" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is > 1991 and < 2100:
            yearArg = y;
            i++;
            break;
        case "--count" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= 2_000_000:
            count = n;
            i++;
            break;
        case "--out" when value.Length > 0:
            outDir = value;
            i++;
            break;
        case "--ssda903" when Directory.Exists(value):
            ssda903 = value;
            i++;
            break;
        default:
            Console.Error.WriteLine($"Unknown or invalid option '{args[i]} {value}'. Options: --ssda903 folder, --as-of yyyy-MM-dd, --year yyyy (reporting year starting 1 April), --count N, --out folder.");
            return 2;
    }
}

ReportingYear year = yearArg is int start ? new ReportingYear(start) : ReportingYear.Of(asOf);
LocalPolicy policy = LocalPolicy.Default;
var evaluator = new CaseloadEvaluator(policy);
Directory.CreateDirectory(outDir);

var clock = Stopwatch.StartNew();
IReadOnlyList<ChildCase>? fromFiles = null;
IReadOnlyList<ChildEvaluation> rejectedOnRead = Array.Empty<ChildEvaluation>();
if (ssda903 is not null)
{
    var read903 = Iro.Rules.Ssda903.Ssda903Reader.ReadFolder(ssda903);
    Console.WriteLine($"Iro.Rules caseload report: SSDA903 files in {ssda903}; flags as of {asOf:uuuu-MM-dd}, figures for {year} (1 April to 31 March).");
    Console.WriteLine($"Rows read {read903.RowsRead:N0} = rows used {read903.RowsUsed:N0} + rows rejected {read903.RowsRejected:N0}; {read903.Children.Count:N0} children to evaluate, {read903.NotEvaluated.Count:N0} not evaluated.");
    foreach (var problem in read903.Problems)
    {
        Console.WriteLine($"  rejected: {problem}");
    }

    fromFiles = read903.Children;
    rejectedOnRead = read903.NotEvaluated;
}
else
{
    Console.WriteLine($"Iro.Rules caseload report: {count:N0} synthetic children (fixed seed), flags as of {asOf:uuuu-MM-dd}, figures for {year} (1 April to 31 March).");
}

IEnumerable<ChildCase> Children() => fromFiles ?? SyntheticCaseload.Build(count, asOf);

// 1. The weekly flag list, streamed child by child to flags.csv (on every core, the evaluator holds one chunk of
//    children at a time and writes the flags in input order, so memory stays flat however large the caseload).
var byRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
var sampleFlags = new List<CaseloadFlag>();
var notEvaluatedChildren = new List<ChildEvaluation>(rejectedOnRead);
CaseloadTotals totals;
using (var csv = new StreamWriter(Path.Combine(outDir, "flags.csv"), false, new UTF8Encoding(false)))
{
    csv.WriteLine("child_id,rule_id,status,date,reason,citation");
    var sink = new FlagCsvWriter(csv, byRule, sampleFlags, ssda903 is null ? 12 : int.MaxValue, notEvaluatedChildren);
    totals = evaluator.Evaluate(WithProgress(Children(), clock), asOf, sink, Math.Min(Environment.ProcessorCount, 512));
}

int read = rejectedOnRead.Count + totals.Read, evaluated = totals.Evaluated, notEvaluated = notEvaluatedChildren.Count, flagCount = totals.Flags;
foreach (ChildEvaluation result in notEvaluatedChildren.Where(_ => ssda903 is not null))
{
    Console.WriteLine($"  not evaluated: child {result.ChildId}: {string.Join("; ", result.Rejections)}");
}

TimeSpan flagTime = clock.Elapsed;
Console.WriteLine();
Console.WriteLine($"Weekly flag list ({flagTime.TotalMilliseconds:N0} ms, {read / Math.Max(flagTime.TotalSeconds, 1e-3):N0} children a second, including building or reading them and writing flags.csv): children read {read:N0} = evaluated {evaluated:N0} + not evaluated {notEvaluated:N0}; {flagCount:N0} flags.");
foreach (var (rule, n) in byRule)
{
    Console.WriteLine($"  {rule,-8} {n,8:N0}");
}

Console.WriteLine();
Console.WriteLine("First flags:");
foreach (CaseloadFlag f in sampleFlags)
{
    Console.WriteLine($"  {f.ChildId} {f.Rule,-7} {f.StatusText,-8} {f.Date:uuuu-MM-dd}  {f.Reason}");
}

// 2. The annual figures.
clock.Restart();
CaseloadFigures figures = AnnualFigures.Compute(Children(), year, policy);
Console.WriteLine();
Console.WriteLine($"Annual figures for {year} ({clock.Elapsed.TotalMilliseconds:N0} ms):");
foreach (Figure f in figures.Figures)
{
    Console.WriteLine($"  {f}");
}

Console.WriteLine($"  {figures.Participation.Finding.Summary}");

var json = new
{
    reporting_year = year.ToString(),
    as_of = asOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
    children_read = figures.ChildrenRead,
    children_used = figures.ChildrenUsed,
    children_rejected = figures.Rejected.Count,
    figures = figures.Figures.Select(f => new { key = f.Key, description = f.Description, rule = f.Rule, numerator = f.Numerator, denominator = f.Denominator, percent = f.Percent }),
    participation = Enum.GetValues<Iro.Rules.Participation.ParticipationCode>().Select(c => new { code = c.ToString(), count = figures.Participation.Count(c), percent = Math.Round(figures.Participation.Percentage(c), 1) }),
    reviews_by_month = figures.ReviewsByMonth.Select(m => new { month = m.Month.ToString("uuuu-MM", CultureInfo.InvariantCulture), held = m.Held, on_time = m.OnTime }),
    flags_by_rule = byRule,
};
File.WriteAllText(Path.Combine(outDir, "figures.json"), JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
File.WriteAllText(Path.Combine(outDir, "report.html"), HtmlReport.Render(figures, asOf, byRule, flagCount, read, evaluated, notEvaluated));
Console.WriteLine();
Console.WriteLine($"Wrote {Path.Combine(outDir, "flags.csv")}, {Path.Combine(outDir, "figures.json")} and {Path.Combine(outDir, "report.html")}; peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB.");
return 0;

// A progress line every 100,000 children, for long runs.
static IEnumerable<ChildCase> WithProgress(IEnumerable<ChildCase> children, Stopwatch clock)
{
    int n = 0;
    foreach (ChildCase child in children)
    {
        yield return child;
        if (++n % 100_000 == 0)
        {
            Console.WriteLine($"  ... {n:N0} children read ({clock.Elapsed.TotalSeconds:N1} s)");
        }
    }
}

/// <summary>Writes each flag to flags.csv as the evaluator adds it, keeping only counts and the first few for the console.</summary>
internal sealed class FlagCsvWriter(TextWriter csv, SortedDictionary<string, int> byRule, List<CaseloadFlag> first, int keep, List<ChildEvaluation> notEvaluated) : ICaseloadSink
{
    public int Count { get; private set; }

    public void Flag(CaseloadFlag flag)
    {
        Count++;
        byRule[flag.Rule.Value] = byRule.GetValueOrDefault(flag.Rule.Value) + 1;
        if (first.Count < keep)
        {
            first.Add(flag);
        }

        csv.WriteLine(string.Join(",", Csv(flag.ChildId), Csv(flag.Rule.Value), flag.StatusText, flag.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), Csv(flag.Reason), Csv(flag.Citation.ShortForm)));
    }

    public void NotEvaluated(ChildEvaluation child) => notEvaluated.Add(child);

    private static string Csv(string value) => value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
