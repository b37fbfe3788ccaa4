using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Iro.Rules.Caseload;
using Iro.Rules.Ssda903;

namespace CaseloadReport;

/// <summary>Rows read from files: read = used + rejected.</summary>
internal readonly record struct RowCounts(int Read, int Used, int Rejected);

/// <summary>The caseload a run evaluates, and what was already known not to be evaluable when it was read.</summary>
/// <param name="Description">One line: where the children come from.</param>
/// <param name="Source">"ssda903" or "synthetic".</param>
/// <param name="Inputs">The folders read (empty for the synthetic caseload).</param>
/// <param name="Children">The children to evaluate, enumerated once: the flags and the figures come from the same pass.</param>
/// <param name="NotEvaluatedOnRead">Children the reader could not turn into a valid record, with every reason.</param>
/// <param name="RowsWithoutChild">Rows whose child cannot be known (blank CHILD, not in header.csv) or problems with a
/// whole file, as rejections with no child.</param>
/// <param name="Rows">Rows read, used and rejected; null for the synthetic caseload.</param>
/// <param name="Recorded">What the source records beyond episodes and reviews.</param>
internal sealed record CaseloadInput(
    string Description,
    string Source,
    IReadOnlyList<string> Inputs,
    Func<IEnumerable<ChildCase>> Children,
    IReadOnlyList<ChildEvaluation> NotEvaluatedOnRead,
    IReadOnlyList<Rejection> RowsWithoutChild,
    RowCounts? Rows,
    RecordedFacts Recorded)
{
    /// <summary>What the source holds, in words: each return's window (903-W), and the reader's data-quality notes.</summary>
    internal IReadOnlyList<string> SourceNotes { get; init; } = Array.Empty<string>();

    /// <summary>The IROs' FTEs for IRO-3 (iro_roster.csv), or null when the source has none (every IRO is then 1.0 FTE).</summary>
    internal Iro.Rules.Escalation.IroRoster? Roster { get; init; }

    /// <summary>The built-in synthetic caseload (it records everything a case management system would).</summary>
    internal static CaseloadInput Synthetic(JobOptions options) => new(
        $"{options.Count.ToString("N0", CultureInfo.InvariantCulture)} synthetic children (fixed seed)",
        "synthetic",
        Array.Empty<string>(),
        () => SyntheticCaseload.Build(options.Count, options.AsOf),
        Array.Empty<ChildEvaluation>(),
        Array.Empty<Rejection>(),
        null,
        RecordedFacts.All)
    {
        Roster = SyntheticCaseload.Roster,
    };

    /// <summary>Reads SSDA903 folders (one per return).</summary>
    /// <exception cref="UsageException">A folder or file cannot be read; the message names it.</exception>
    internal static CaseloadInput Ssda903(JobOptions options)
    {
        foreach (string folder in options.Ssda903Folders)
        {
            CheckFiles(folder);
        }

        var reads = new ReadOutcome();
        RecordedFacts recorded;
        Iro.Rules.Escalation.IroRoster? roster;
        try
        {
            // The first pass checks every file's header and order and finds each return's window; a file that cannot
            // be read is refused here, before any output is touched.
            Ssda903Stream probe = Open(options);
            reads.Opened = probe;
            reads.Streaming = probe.Streaming;
            recorded = probe.Recorded; // RecordedFacts.IroAllocations when a folder has iro_allocations.csv
            roster = probe.IroRoster;
            if (probe.Windows.Count > 0 && probe.Windows.Max(static w => w.End) is var last && options.AsOf > last)
            {
                probe.Dispose();
                // 903-W: nothing after the latest window is known (an episode open at its end may have ended since,
                // reviews since are not held), so flags as of a later date would be guesses.
                throw new UsageException(
                    $"--as-of {options.AsOf:uuuu-MM-dd} is after the latest return's window, which ends {last:uuuu-MM-dd}: nothing since is known. Add this year's return to date with another --ssda903, or give an --as-of on or before {last:uuuu-MM-dd}");
            }
        }
        catch (Ssda903FormatException e)
        {
            // The reader names the file (and the column): empty, headerless, a column missing, broken CSV.
            throw new UsageException(e.Message);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }
        catch (ArgumentException e)
        {
            // An --as-of before a return's collection year, for example.
            throw new UsageException(e.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
        }
        catch (IOException e)
        {
            throw new UsageException($"cannot read the SSDA903 files: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UsageException($"cannot read the SSDA903 files: {e.Message}");
        }
        catch (FormatException e)
        {
            // The CSV library's own exceptions (a file that is not CSV) until the reader names the file itself.
            throw new UsageException($"the SSDA903 files in {string.Join(", ", options.Ssda903Folders)} cannot be read as CSV: {e.Message}");
        }

        return new CaseloadInput(
            $"SSDA903 files in {string.Join(", ", options.Ssda903Folders)}",
            "ssda903",
            options.Ssda903Folders,
            () => reads.Children(options),
            Array.Empty<ChildEvaluation>(),
            Array.Empty<Rejection>(),
            null,
            recorded)
        {
            Outcome = reads,
            Roster = roster,
        };
    }

    /// <summary>What a streamed read learned once its children were enumerated; null until then (and for the synthetic caseload).</summary>
    internal ReadOutcome? Outcome { get; init; }

    /// <summary>This input with what the first full read of the SSDA903 files learned: the children the reader could not
    /// evaluate, the rows with no known child, the row counts, the windows and the notes.</summary>
    internal CaseloadInput Completed(JobOptions options)
    {
        if (Outcome?.Result is not Ssda903ReadResult read)
        {
            return this;
        }

        var notes = new List<string>(Describe(read, options));
        if (!Outcome.Streaming)
        {
            notes.Add("The files are not ordered by CHILD, so every child was held in memory while reading (memory grows with the caseload); sort them by CHILD to stream.");
        }

        return this with
        {
            NotEvaluatedOnRead = read.NotEvaluated,
            RowsWithoutChild = read.Problems.Where(static p => p.ChildId.Length == 0).Select(static p => p.ToRejection()).ToArray(),
            Rows = new RowCounts(read.RowsRead, read.RowsUsed, read.RowsRejected),
            SourceNotes = notes,
        };
    }

    /// <summary>Opens the returns as one stream: one folder per return, merged, each a window (903-W) unless the files
    /// are a full extract (<c>--full-history</c>); children come one at a time when the files are ordered by child.</summary>
    private static Ssda903Stream Open(JobOptions options) =>
        Ssda903Reader.Open(options.Ssda903Folders, new Ssda903ReadOptions { AsOf = options.AsOf, FullHistory = options.FullHistory, MaxRejectedShare = options.MaxRejected });

    /// <summary>The reads of one run: each enumeration opens the files again (memory stays flat), and the first complete one keeps the reader's counts.</summary>
    internal sealed class ReadOutcome
    {
        public bool Streaming { get; set; }

        public Ssda903ReadResult? Result { get; private set; }

        /// <summary>The stream opened (and checked) when the input was read, used by the first enumeration.</summary>
        public Ssda903Stream? Opened { get; set; }

        public IEnumerable<ChildCase> Children(JobOptions options)
        {
            Ssda903Stream? opened = Opened;
            Opened = null;
            using Ssda903Stream stream = opened ?? Open(options);
            foreach (ChildCase child in stream.Children)
            {
                yield return child;
            }

            Result ??= stream.Result;
        }
    }

    private static IReadOnlyList<string> Describe(Ssda903ReadResult read, JobOptions options)
    {
        var notes = new List<string>();
        if (read.Windows.Count == 0)
        {
            notes.Add("Read as each child's complete history (--full-history): no window.");
        }

        foreach (Ssda903Window w in read.Windows)
        {
            notes.Add($"{w.Folder}: known from {w.Start:uuuu-MM-dd} to {w.End:uuuu-MM-dd}, from the {w.CollectionYear.ToString(CultureInfo.InvariantCulture)}-{((w.CollectionYear + 1) % 100).ToString("00", CultureInfo.InvariantCulture)} collection year{(w.Inferred ? " (inferred from its earliest review or episode end)" : string.Empty)}.");
        }

        if (read.Windows.Count > 0)
        {
            notes.Add($"903-W: nothing before {read.Windows.Min(w => w.Start):uuuu-MM-dd} is known; a period of care that began earlier is checked only for what the data can show (add the previous return with another --ssda903, or --full-history for a case-system extract).");
        }

        foreach (Ssda903Summary note in read.Notes.Take(5))
        {
            string where = string.Join(" ", new[] { note.File, note.Column }.Where(static x => x.Length > 0));
            notes.Add($"note: {(where.Length > 0 ? where + ": " : string.Empty)}{note.Message}{(note.Count > 1 ? $" ({note.Count.ToString("N0", CultureInfo.InvariantCulture)} rows)" : string.Empty)}");
        }

        if (read.Notes.Count > 5)
        {
            notes.Add($"... and {(read.Notes.Count - 5).ToString("N0", CultureInfo.InvariantCulture)} more data-quality notes (codes normalised; the children are still evaluated).");
        }

        return notes;
    }

    /// <summary>Checks that the required files are there (named in any letter case, as the reader accepts them) and not
    /// empty, naming the file when one is not; anything subtler is the reader's to say.</summary>
    private static void CheckFiles(string folder)
    {
        if (File.Exists(folder))
        {
            // An XML return: the reader checks the XML itself and names the line.
            if (new FileInfo(folder).Length == 0)
            {
                throw new UsageException($"{folder} is empty (0 bytes); an SSDA903 XML return holds at least <EXPSSDA903>");
            }

            return;
        }

        string[] present;
        try
        {
            present = Directory.EnumerateFiles(folder).Select(static f => Path.GetFileName(f)).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--ssda903 '{folder}' cannot be read: {e.Message}");
        }

        string? Find(string name) => present.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
        string[] required = ["header.csv", "episodes.csv", "reviews.csv"];
        string[] missing = required.Where(name => Find(name) is null).ToArray();
        if (present.Length == 0 && !Directory.EnumerateDirectories(folder).Any())
        {
            throw new UsageException($"--ssda903 '{folder}' is an empty folder; it needs header.csv, episodes.csv and reviews.csv (or the return as XML)");
        }

        if (missing.Length == required.Length && present.Count(static f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) == 1)
        {
            CheckFiles(Path.Combine(folder, present.Single(static f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))); // a folder holding the XML return
            return;
        }

        if (missing.Length > 0)
        {
            throw new UsageException($"{Path.Combine(folder, missing[0])}: no such file; an SSDA903 folder needs header.csv, episodes.csv and reviews.csv (missing: {string.Join(", ", missing)})");
        }

        foreach (string name in required.Concat(["placed_for_adoption.csv", "iro_allocations.csv", "iro_roster.csv"]))
        {
            if (Find(name) is string actual && new FileInfo(Path.Combine(folder, actual)).Length == 0)
            {
                throw new UsageException($"{Path.Combine(folder, actual)} is empty (0 bytes); it needs at least its header row");
            }
        }
    }
}
