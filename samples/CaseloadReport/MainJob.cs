using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Iro.Rules;
using Iro.Rules.Caseload;
using Iro.Rules.Escalation;
using Iro.Rules.Explanations;
using NodaTime;

namespace CaseloadReport;

/// <summary>The main job: reads a caseload, writes the weekly flag list, the children not evaluated, the annual
/// figures and a report, and returns the exit code (0 done, 1 done but incomplete, 2 bad input and nothing written).</summary>
internal static class MainJob
{
    internal const int Done = 0, Incomplete = 1, BadInput = 2, InternalError = 3;

    private const int ConsoleNotEvaluated = 20;

    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, "CaseloadReport");

    /// <summary>Runs the job; <paramref name="program"/> is how the help names it (the sample, or <c>iro caseload</c>: one job, two ways in).</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, string program)
    {
        if (args.Any(static a => a is "-h" or "--help" or "-?"))
        {
            stdout.Write(JobOptions.Usage.Replace("CaseloadReport", program, StringComparison.Ordinal));
            return Done;
        }

        if (args.Contains("--version"))
        {
            stdout.WriteLine(Version());
            return Done;
        }

        JobOptions options;
        try
        {
            options = JobOptions.Parse(args);
        }
        catch (UsageException e)
        {
            return Refuse(e.Message, TryForget(JobOptions.OutDirOf(args)), stderr);
        }

        // The previous run's outputs go first, so that a run that fails or is stopped part way never leaves files
        // that look current; this run's are moved into place only when all of them are complete.
        string removed;
        try
        {
            removed = Forget(options.OutDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refuse($"cannot remove the previous outputs from {options.OutDir}: {e.Message}", string.Empty, stderr);
        }

        try
        {
            return Execute(options, stdout, stderr);
        }
        catch (UsageException e)
        {
            return Refuse(e.Message, removed, stderr);
        }
        catch (Iro.Rules.Ssda903.Ssda903FormatException e)
        {
            // A file that turned unreadable between the first pass and a later one: the reader names it.
            return Refuse(e.Message, removed, stderr);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refuse($"cannot write the outputs to {options.OutDir}: {e.Message}", removed, stderr);
        }
        catch (Exception e)
        {
            stderr.WriteLine(args.Contains("--verbose")
                ? $"{program}: internal error (a fault in the job, not in your input; please report it with this text): {e}"
                : $"{program}: internal error (a fault in the job, not in your input): {e.GetType().Name}: {e.Message} Run again with --verbose for the details to report.");
            stderr.WriteLine($"Nothing was written (exit code 3).{removed}");
            return InternalError;
        }
    }

    /// <summary>Removes the previous run's outputs from <paramref name="outDir"/>; returns a sentence saying which, or
    /// empty.</summary>
    /// <exception cref="IOException">An output could not be removed.</exception>
    private static string Forget(string? outDir)
    {
        if (outDir is null || File.Exists(outDir))
        {
            return string.Empty;
        }

        IReadOnlyList<string> names = OutputFolder.RemovePrevious(outDir);
        return names.Count == 0 ? string.Empty
            : $" The previous run's {string.Join(", ", names)} in {outDir} were removed, so they cannot be mistaken for this run's.";
    }

    /// <summary><see cref="Forget"/> for a run already refused: a failure to remove is said, not thrown.</summary>
    private static string TryForget(string? outDir)
    {
        try
        {
            return Forget(outDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $" The previous run's outputs in {outDir} could not be removed ({e.Message}): they are NOT this run's.";
        }
    }

    private static int Refuse(string message, string removed, TextWriter stderr)
    {
        stderr.WriteLine($"CaseloadReport: {message}");
        stderr.WriteLine($"Nothing was written (exit code 2).{removed} See --help for the options.");
        return BadInput;
    }

    private static int Execute(JobOptions options, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        var wall = Stopwatch.StartNew();
        CaseloadInput input = options.Ssda903Folders.Count > 0 ? CaseloadInput.Ssda903(options) : CaseloadInput.Synthetic(options);
        LocalPolicy policy = options.Policy ?? LocalPolicy.Default;
        var evaluator = new CaseloadEvaluator(policy);

        stdout.WriteLine($"Iro.Rules caseload report: {input.Description}; flags as of {Iso(options.AsOf)}, figures for {options.Year} (1 April {options.Year.StartYear} to 31 March {options.Year.StartYear + 1}).");
        stdout.WriteLine(PolicyReport.ConsoleLine(options));
        using OutputFolder output = OutputFolder.Create(options.OutDir);

        // 1. The weekly flag list, streamed child by child to flags.csv (the evaluator holds one chunk of children at a
        //    time and writes the flags in input order, so memory stays flat however large the caseload).
        var notEvaluated = new List<ChildEvaluation>();
        // The annual figures are accumulated in the same pass, over exactly the children the flag list evaluated.
        var figureBuilder = new AnnualFiguresBuilder(options.Year, policy, recorded: input.Recorded);
        // IRO-3 in the same pass: each child evaluated counts for the IRO allocated to it on the as-of date.
        var caseloadCounter = new IroCaseloadCounter(options.AsOf, input.Roster, policy);
        var sink = new FlagCsvSink(notEvaluated, input.Source == "synthetic" ? 12 : 40, figureBuilder, caseloadCounter);
        // And for the annual figures, on the reporting year's last day (the caseloads an annual report states).
        var yearEndCounter = new IroCaseloadCounter(options.Year.End, input.Roster, policy);
        sink.YearEnd = yearEndCounter;
        // So is the IROs' worklist (worklist.csv, calendars/): the same children, the same per-rule code.
        var worklistBuilder = new WorklistBuilder(options.AsOf, policy, evaluator.Calendar, options.Weeks);
        sink.Worklist = worklistBuilder;
        CaseloadTotals totals;
        IReadOnlyList<IroCaseload> caseloads;
        using (var csv = new StreamWriter(output.PathOf("flags.csv"), false, new UTF8Encoding(false), 1 << 16))
        using (Handoff<ChildCase>? after = Environment.ProcessorCount > 1 ? new Handoff<ChildCase>(sink.AddToBuilders, "figures and worklist") : null)
        {
            CsvText.Row(csv, FlagCsvSink.Columns);
            sink.Writer = csv;
            // The figures, the IRO-3 counts and the worklist's items take each evaluated child on a thread of their own,
            // in the same order, so that work runs beside the evaluation (the outputs are the same bytes either way).
            sink.After = after;
            // The children (SSDA903 files read, or the synthetic caseload built) come from a thread of their own, a few
            // batches ahead, while this one evaluates and writes: reading, evaluating and the figures and worklist use the
            // cores at once, and the flags still come out in input order.
            bool ahead = Environment.ProcessorCount > 1;
            IEnumerable<ChildCase> children = ahead ? new Prefetch<ChildCase>(input.Children()) : input.Children();
            int threads = Math.Clamp(Environment.ProcessorCount - 1, 1, 512);
            totals = evaluator.Evaluate(WithProgress(children, clock, stderr), options.AsOf, sink, threads);
            sink.Flush();
            after?.Complete();

            // IRO-3 is over the whole caseload, so its rows (one per IRO above the range, no child) come last.
            caseloads = input.Recorded.HasFlag(RecordedFacts.IroAllocations) ? caseloadCounter.Build() : Array.Empty<IroCaseload>();
            int iroFlags = 0;
            foreach (IroCaseload load in caseloads.Where(static l => l.Assessment.Band == CaseloadBand.Above))
            {
                sink.IroFlag(load, options.AsOf);
                iroFlags++;
            }

            totals = totals with { Flags = totals.Flags + iroFlags };
        }

        TimeSpan flagTime = clock.Elapsed;

        // What the reader learned in that pass: the children it could not evaluate, the row counts, windows and notes.
        input = input.Completed(options);
        notEvaluated.InsertRange(0, input.NotEvaluatedOnRead);
        if (input.Rows is RowCounts read)
        {
            stdout.WriteLine($"Rows read {N(read.Read)} = rows used {N(read.Used)} + rows rejected {N(read.Rejected)}.");
        }

        foreach (string note in input.SourceNotes)
        {
            stdout.WriteLine("  " + note);
        }

        // 2. The annual figures, accumulated child by child in that same pass.
        clock.Restart();
        CaseloadFigures figures = figureBuilder.Build();
        TimeSpan figureTime = clock.Elapsed;

        int childrenRead = input.NotEvaluatedOnRead.Count + totals.Read;
        IReadOnlyList<string> incomplete = RunReport.Assess(childrenRead, totals.Evaluated, notEvaluated.Count, input.Rows, input.RowsWithoutChild.Count, options.MaxRejected);
        Worklist worklist = worklistBuilder.Build();
        var report = new RunReport(options, input, figures, RunReport.Sorted(sink.Tallies), totals.Flags, totals.Evaluated, notEvaluated, incomplete)
        {
            Caseloads = new IroCaseloadReport(options.AsOf, input.Recorded.HasFlag(RecordedFacts.IroAllocations), input.Roster is not null, caseloads, caseloadCounter.ChildrenWithoutIro, policy),
            YearEndCaseloads = new IroCaseloadReport(
                options.Year.End, input.Recorded.HasFlag(RecordedFacts.IroAllocations), input.Roster is not null,
                input.Recorded.HasFlag(RecordedFacts.IroAllocations) ? yearEndCounter.Build() : Array.Empty<IroCaseload>(), yearEndCounter.ChildrenWithoutIro, policy),
            Worklist = worklist,
        };

        // 3. The other outputs, then all of them moved into place together.
        using (var csv = new StreamWriter(output.PathOf("not_evaluated.csv"), false, new UTF8Encoding(false)))
        {
            CsvText.Row(csv, "child_id", "code", "file", "line", "column", "value", "message");
            foreach (var (childId, reason) in report.Reasons())
            {
                CsvText.Row(csv, childId, reason.Code, reason.File, reason.Line?.ToString(CultureInfo.InvariantCulture), reason.Field, reason.Value, reason.Message);
            }
        }

        // worklist.csv is written beside the calendars (each formatted on every core): neither waits for the other.
        System.Threading.Tasks.Task worklistCsv = System.Threading.Tasks.Task.Run(() =>
        {
            using var csv = new StreamWriter(output.PathOf(WorklistCsv.FileName), false, new UTF8Encoding(false), 1 << 16);
            WorklistCsv.Write(csv, worklist.Items);
        });
        IReadOnlyList<string> calendars;
        try
        {
            calendars = WorklistCalendars.Write(worklist, output.PathOf(WorklistCalendars.Folder));
            File.WriteAllText(output.PathOf("figures.json"), FiguresJson.Render(report), new UTF8Encoding(false));
            File.WriteAllText(output.PathOf("report.html"), HtmlReport.Render(report), new UTF8Encoding(false));
        }
        catch
        {
            ((IAsyncResult)worklistCsv).AsyncWaitHandle.WaitOne(); // not left writing while the run is refused
            throw;
        }

        worklistCsv.GetAwaiter().GetResult(); // its failure (a full disk, say) thrown as it is, not wrapped (ChunkedText unwraps its own)
        output.Commit();

        WriteConsole(report, sink.First, flagTime, figureTime, stdout);
        stdout.WriteLine();
        stdout.WriteLine($"Worklist as of {Iso(worklist.AsOf)} to {Iso(worklist.HorizonEnd)} ({worklist.HorizonWeeks} weeks): {N(worklist.Items.Count)} items, "
            + $"{N(worklist.Items.Count(static i => i.Status == WorklistStatus.Overdue))} overdue, for {N(worklist.Iros.Count(static i => i is not null))} IROs"
            + $" and {N(worklist.ForIro(null).Count)} for children with no IRO allocated; {N(calendars.Count)} calendar {(calendars.Count == 1 ? "file" : "files")} in {output.FinalPathOf(WorklistCalendars.Folder)}.");
        double seconds = Math.Max(wall.Elapsed.TotalSeconds, 1e-3);
        stdout.WriteLine($"End to end: {N(report.ChildrenRead)} children in {seconds.ToString("N2", CultureInfo.InvariantCulture)} s wall, {N((int)(report.ChildrenRead / seconds))} children a second "
            + $"(checking and reading the input, the flag list, the annual figures and writing every output: flags, children not evaluated, worklist and calendars, figures and report; not the .NET runtime's start-up).");
        stdout.WriteLine($"Wrote {string.Join(", ", OutputFolder.Names.Select(output.FinalPathOf))}; peak memory {N((int)(Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)))} MB.");
        if (!report.Complete)
        {
            stderr.WriteLine();
            stderr.WriteLine("INCOMPLETE RUN (exit code 1): the outputs are written but marked incomplete; do not publish them as the full list.");
            foreach (string reason in report.IncompleteReasons)
            {
                stderr.WriteLine($"  INCOMPLETE: {reason}.");
            }

            stderr.WriteLine($"  Every child not evaluated, and every row with no known child, is in {output.FinalPathOf("not_evaluated.csv")}.");
            return Incomplete;
        }

        return Done;
    }

    private static void WriteConsole(RunReport report, IReadOnlyList<CaseloadFlag> first, TimeSpan flagTime, TimeSpan figureTime, TextWriter stdout)
    {
        stdout.WriteLine();
        stdout.WriteLine($"Weekly flag list ({N((int)flagTime.TotalMilliseconds)} ms, {N((int)(report.ChildrenRead / Math.Max(flagTime.TotalSeconds, 1e-3)))} children a second, including reading or building the children and writing flags.csv): "
            + $"children read {N(report.ChildrenRead)} = evaluated {N(report.ChildrenEvaluated)} + not evaluated {N(report.ChildrenNotEvaluated)}; {N(report.Flags)} flags.");
        if (report.RowsWithoutChild > 0)
        {
            stdout.WriteLine($"Rows with no known child: {N(report.RowsWithoutChild)} (in the rows rejected).");
        }

        foreach (RuleTally rule in report.Rules)
        {
            stdout.WriteLine($"  {rule.Rule,-8} {rule.Count,8:N0}  {rule.Title}");
        }

        if (first.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine("First flags:");
            foreach (CaseloadFlag f in first)
            {
                stdout.WriteLine($"  {f.ChildId} {f.Rule,-7} {f.StatusText,-8} {Iso(f.Date)}  {f.Reason}");
            }
        }

        var reasons = report.Reasons().ToArray();
        if (reasons.Length > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine($"Not evaluated ({N(report.ChildrenNotEvaluated)} children; every reason in not_evaluated.csv):");
            foreach (var (childId, reason) in reasons.Take(ConsoleNotEvaluated))
            {
                stdout.WriteLine($"  {(childId.Length == 0 ? "no known child" : "child " + childId)}: {reason}");
            }

            if (reasons.Length > ConsoleNotEvaluated)
            {
                stdout.WriteLine($"  ... and {N(reasons.Length - ConsoleNotEvaluated)} more reasons in not_evaluated.csv");
            }
        }

        stdout.WriteLine();
        stdout.WriteLine($"Annual figures for {report.Figures.Year} ({N((int)figureTime.TotalMilliseconds)} ms), over the {N(report.Figures.ChildrenUsed)} children evaluated:");
        foreach (Figure f in report.Figures.Figures)
        {
            stdout.WriteLine($"  {f}");
        }

        stdout.WriteLine($"  {report.Figures.Participation.Finding.Summary}");

        IroCaseloadReport loads = report.Caseloads;
        stdout.WriteLine();
        if (!loads.Recorded)
        {
            stdout.WriteLine($"IRO caseloads on {Iso(loads.AsOf)} (IRO-3): not recorded in this source (no IRO allocations).");
            return;
        }

        stdout.WriteLine($"IRO caseloads on {Iso(loads.AsOf)} (IRO-3, {loads.Policy.CaseloadMin}-{loads.Policy.CaseloadMax} children per full-time IRO{(loads.RosterGiven ? ", pro-rated by the roster's FTE" : "; no roster, so every IRO counts as 1.0 FTE")}): "
            + $"{N(loads.Iros.Count)} IROs, {N(loads.Count(CaseloadBand.Above))} above the range, {N(loads.Count(CaseloadBand.Within))} within, {N(loads.Count(CaseloadBand.Below))} below; {N(loads.ChildrenWithoutIro)} {(loads.ChildrenWithoutIro == 1 ? "child" : "children")} looked after with no IRO allocated.");
        foreach (IroCaseload load in loads.Iros.Take(ConsoleNotEvaluated))
        {
            stdout.WriteLine($"  {load.Iro,-12} {load.Assessment.Finding.Summary}");
        }

        if (loads.Iros.Count > ConsoleNotEvaluated)
        {
            stdout.WriteLine($"  ... and {N(loads.Iros.Count - ConsoleNotEvaluated)} more IROs in figures.json and report.html");
        }

        IroCaseloadReport yearEnd = report.YearEndCaseloads;
        stdout.WriteLine($"IRO caseloads at the reporting year's end, {Iso(yearEnd.AsOf)} (IRO-3, for the annual figures): {N(yearEnd.Iros.Count)} IROs, "
            + $"{N(yearEnd.Count(CaseloadBand.Above))} above the range, {N(yearEnd.Count(CaseloadBand.Within))} within, {N(yearEnd.Count(CaseloadBand.Below))} below; "
            + $"{N(yearEnd.ChildrenWithoutIro)} {(yearEnd.ChildrenWithoutIro == 1 ? "child" : "children")} looked after with no IRO allocated (each IRO in figures.json and report.html).");
    }

    // For a long run, a progress line on standard error every 2 seconds (the outputs and standard output are the same
    // however long the run takes).
    private static IEnumerable<ChildCase> WithProgress(IEnumerable<ChildCase> children, Stopwatch clock, TextWriter stderr)
    {
        const long Every = 2_000;
        int n = 0;
        long next = Every;
        foreach (ChildCase child in children)
        {
            yield return child;
            if ((++n & 1023) == 0 && clock.ElapsedMilliseconds >= next)
            {
                double seconds = clock.Elapsed.TotalSeconds;
                stderr.WriteLine($"  ... {N(n)} children read and evaluated ({seconds.ToString("N1", CultureInfo.InvariantCulture)} s, {N((int)(n / seconds))} a second)");
                next = clock.ElapsedMilliseconds + Every;
            }
        }
    }

    internal static string Version()
    {
        static string Of(Assembly assembly) =>
            assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "unknown";

        return $"CaseloadReport {Of(typeof(MainJob).Assembly)} (Iro.Rules {Of(typeof(CaseloadEvaluator).Assembly)}, Iro.Rules.Ssda903 {Of(typeof(Iro.Rules.Ssda903.Ssda903Reader).Assembly)})";
    }

    internal static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string N(int n) => RunReport.N(n);
}

/// <summary>Writes each flag to flags.csv with the IRO allocated to its child, keeping counts by rule, the first few
/// flags for the console, and every child not evaluated.</summary>
/// <remarks>A child's flags reach the sink before the sink is told the child was evaluated (in input order, on one
/// thread), so they wait in a queue until then, when the child's IRO on the as-of date is known.</remarks>
internal sealed class FlagCsvSink(List<ChildEvaluation> notEvaluated, int keep, AnnualFiguresBuilder figures, IroCaseloadCounter caseloads) : ICaseloadSink
{
    /// <summary>The worklist built in the same pass, if any.</summary>
    internal WorklistBuilder? Worklist { get; set; }

    /// <summary>IRO-3 on the reporting year's last day, for the annual figures, counted in the same pass, if any.</summary>
    internal IroCaseloadCounter? YearEnd { get; set; }

    /// <summary>Each child evaluated: its flags written with its IRO, then it goes into the annual figures, the IRO-3
    /// caseloads and the worklist in the same pass (the caseload is read once).</summary>
    public void Evaluated(ChildCase child)
    {
        string iro = IroChecks.AllocationOn(child, caseloads.AsOf) is IroAllocation now ? now.Iro : string.Empty;
        while (pending.Count > 0 && pending.Peek().ChildId == child.Id)
        {
            Write(pending.Dequeue(), iro);
        }

        if (After is Handoff<ChildCase> after)
        {
            after.Add(child);
        }
        else
        {
            AddToBuilders(child);
        }
    }

    /// <summary>When set, <see cref="AddToBuilders"/> runs on a thread of its own, in the same order (the job's second
    /// core, beside the evaluation).</summary>
    internal Handoff<ChildCase>? After { get; set; }

    /// <summary>One evaluated child into the annual figures, the IRO-3 caseloads and the worklist.</summary>
    internal void AddToBuilders(ChildCase child)
    {
        figures.Add(child);
        caseloads.Add(child);
        YearEnd?.Add(child);
        Worklist?.AddEvaluated(child); // evaluated once: by the weekly list
    }

    internal static readonly string[] Columns = ["child_id", "rule_id", "status", "date", "reason", "citation", "rule_title", "iro"];

    private readonly Queue<CaseloadFlag> pending = new();
    private readonly List<CaseloadFlag> first = new();
    private readonly Dictionary<RuleId, (int Count, List<string> Citations)> byRule = new();

    internal TextWriter Writer { get; set; } = TextWriter.Null;

    internal IReadOnlyList<CaseloadFlag> First => first;

    /// <summary>Flags by rule, with every citation the rule's flags gave (usually one).</summary>
    internal IEnumerable<RuleTally> Tallies => byRule.Select(static r => new RuleTally(r.Key, r.Value.Count, string.Join("; ", r.Value.Citations)));

    public void Flag(CaseloadFlag flag)
    {
        Tally(flag);
        pending.Enqueue(flag);
    }

    private void Tally(CaseloadFlag flag)
    {
        ref (int Count, List<string> Citations) tally = ref CollectionsMarshal.GetValueRefOrAddDefault(byRule, flag.Rule, out bool exists);
        if (!exists)
        {
            tally.Citations = new List<string>(1);
        }

        tally.Count++;
        string citation = flag.Citation.ShortForm;
        if (!tally.Citations.Contains(citation))
        {
            tally.Citations.Add(citation);
        }

        if (first.Count < keep)
        {
            first.Add(flag);
        }
    }

    /// <summary>Writes any flag still waiting (none when every flag's child was reported evaluated), with no IRO.</summary>
    internal void Flush()
    {
        while (pending.Count > 0)
        {
            Write(pending.Dequeue(), string.Empty);
        }
    }

    /// <summary>An IRO above the IRO-3 range: a row with no child, the IRO in the iro column, dated the as-of date.</summary>
    internal void IroFlag(IroCaseload load, NodaTime.LocalDate asOf)
    {
        var flag = new CaseloadFlag(string.Empty, FlagStatus.Flag, asOf, load.Assessment.Finding);
        Tally(flag);
        Write(flag, load.Iro);
    }

    private void Write(CaseloadFlag flag, string iro)
    {
        // CsvText.Row's cells, written one by one (no array, no date string per row).
        TextWriter w = Writer;
        CsvText.Write(w, flag.ChildId);
        w.Write(',');
        CsvText.Write(w, flag.Rule.Value);
        w.Write(',');
        CsvText.Write(w, flag.StatusText);
        w.Write(',');
        CsvText.Write(w, flag.Date);
        w.Write(',');
        CsvText.Write(w, flag.Reason);
        w.Write(',');
        CsvText.Write(w, flag.Citation.ShortForm);
        w.Write(',');
        CsvText.Write(w, flag.Rule.Title);
        w.Write(',');
        CsvText.Write(w, iro);
        w.Write("\r\n");
    }

    public void NotEvaluated(ChildEvaluation child) => notEvaluated.Add(child);
}
