using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Iro.Rules.Caseload;
using NodaTime;

namespace Iro.Rules.Ssda903;

/// <summary>One bad value in an SSDA903 file: where it is, what it was, and why it was rejected.</summary>
/// <remarks>Immutable. <see cref="Code"/> says what kind of problem it is: <c>903-VALUE</c> (a value that is not
/// valid, or a row of the wrong shape), <c>903-ORPHAN</c> (a row whose CHILD is blank or not in header.csv: its owner
/// cannot be known), <c>903-CONFLICT</c> (two rows, or two returns, that disagree on one fact).</remarks>
/// <param name="File">The file name (with its folder's name when several folders were read).</param>
/// <param name="Line">The physical line in the file (the header is line 1; a line break inside a quoted value counts).</param>
/// <param name="Column">The column name.</param>
/// <param name="Value">The value as read.</param>
/// <param name="ChildId">The child the row belongs to, or empty when it cannot be known.</param>
/// <param name="Message">Why it was rejected.</param>
public sealed record Ssda903Problem(string File, int Line, string Column, string Value, string ChildId, string Message)
{
    /// <summary>The kind of problem: <c>903-VALUE</c> (the default), <c>903-ORPHAN</c> or <c>903-CONFLICT</c>.</summary>
    public string Code { get; init; } = "903-VALUE";

    /// <summary>Returns the problem as one line, for example "episodes.csv line 4, DECOM '31/02/2025': not a date (child 1001)".</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        $"{File} line {Line.ToString(CultureInfo.InvariantCulture)}, {Column} '{Value}': {Message}{(ChildId.Length == 0 ? string.Empty : $" (child {ChildId})")}";

    /// <summary>The problem as a <see cref="Rejection"/> of the child (with <see cref="Code"/>), with its file and line.</summary>
    /// <returns>The rejection.</returns>
    public Rejection ToRejection() => new(Code, Column, Value, ToString()) { File = File, Line = Line };
}

/// <summary>One kind of problem or data-quality note, counted once per file and column instead of once per row.</summary>
/// <remarks>Immutable. A value repeated on every row (a date format, a lower-case code) is one entry with its count
/// and its first few lines, so a report stays readable; each child's own rejection still names its own line.</remarks>
/// <param name="File">The file (empty for a note about the whole read).</param>
/// <param name="Column">The column (empty when the note is about rows or files).</param>
/// <param name="Code">The kind: a problem's <see cref="Ssda903Problem.Code"/>, or for a note <c>903-NOTE</c>.</param>
/// <param name="Message">What was found, from the first occurrence.</param>
/// <param name="Count">How many rows it was found on (0 for a note about the whole read).</param>
/// <param name="FirstLines">The first few lines it was found on (at most five), in file order.</param>
public sealed record Ssda903Summary(string File, string Column, string Code, string Message, int Count, IReadOnlyList<int> FirstLines)
{
    /// <summary>Returns the entry as one line, for example "reviews.csv REVIEW_CODE: 12 rows, first at lines 2, 3, 4, 5, 6: ...".</summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        string where = File.Length == 0 ? string.Empty : Column.Length == 0 ? File + ": " : $"{File} {Column}: ";
        string count = Count == 0 ? string.Empty
            : $"{Count.ToString("N0", CultureInfo.InvariantCulture)} row{(Count == 1 ? string.Empty : "s")}, first at line{(FirstLines.Count == 1 ? string.Empty : "s")} {string.Join(", ", FirstLines)}: ";
        return where + count + Message;
    }
}

/// <summary>The stretch of time one SSDA903 folder covers (rule 903-W): a collection year, 1 April to 31 March, or to the as-of date.</summary>
/// <remarks>Immutable. Facts before the earliest window's <see cref="Start"/> are unknown, not absent
/// (<see cref="ChildCase.KnownFrom"/>).</remarks>
/// <param name="Start">The first day (1 April of <see cref="CollectionYear"/>).</param>
/// <param name="End">The last day: 31 March of the next year, or the as-of date when that falls inside the year.</param>
/// <param name="Folder">The folder the return was read from.</param>
/// <param name="CollectionYear">The calendar year in which the collection year begins (2024 for 2024-25).</param>
public sealed record Ssda903Window(LocalDate Start, LocalDate End, string Folder, int CollectionYear)
{
    /// <summary>Whether the window was inferred from the data (no <see cref="Ssda903ReadOptions.CollectionYear"/> given).</summary>
    public bool Inferred { get; init; }
}

/// <summary>How to read SSDA903 folders: which window each return covers, and when a read is incomplete.</summary>
/// <remarks>
/// <para>Immutable; change with <c>with</c>. Rule 903-W: an SSDA903 return is one collection year (1 April to
/// 31 March), not a child's history. By default each folder's year is inferred from its data: the collection year of
/// the earliest review date (REVIEW) or episode end (DEC) in that return, since a return holds only the reviews held
/// in its year and the episodes that ended in it (an open episode's DECOM may be years earlier and says nothing). A
/// return with neither takes the year of its latest DECOM, and a note says so.</para>
/// <para>Example: a return whose earliest review is 2024-04-12 is the 2024-25 return, window 2024-04-01 to 2025-03-31;
/// read with <see cref="AsOf"/> 2025-06-30, a return whose earliest review is 2025-04-03 is this year's return to
/// date, window 2025-04-01 to 2025-06-30.</para>
/// </remarks>
public sealed record Ssda903ReadOptions
{
    /// <summary>The collection year of the return, by the calendar year in which it begins (2024 for 2024-25); <see langword="null"/> (the default) to infer it from the data.</summary>
    /// <remarks>Only for a single folder: with several folders each return's year is inferred from its own data, and
    /// setting this throws <see cref="ArgumentException"/>.</remarks>
    public int? CollectionYear { get; init; }

    /// <summary>The as-of date of the run, if known: a window that contains it ends on it (this year's return to date).</summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>Whether the files are a complete history (a case-system extract), not returns: no window, and <see cref="ChildCase.KnownFrom"/> stays <see langword="null"/>.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool FullHistory { get; init; }

    /// <summary>The largest share of rows, or of children, that may be rejected before a read is reported as incomplete (<see cref="Ssda903ReadResult.IncompleteReasons"/>).</summary>
    /// <value>The default is 0.05 (5%).</value>
    public double MaxRejectedShare { get; init; } = 0.05;
}

/// <summary>A whole SSDA903 file cannot be read: it is empty, has no header row, lacks a required column, or is not valid CSV past some line.</summary>
/// <remarks>Nothing is read from such a folder: the caller should refuse the run and say which file to fix. An
/// <see cref="IOException"/> (as <see cref="InvalidDataException"/> is sealed), so a caller that treats any file
/// problem alike can catch that.</remarks>
public sealed class Ssda903FormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file.</param>
    /// <param name="column">The column concerned, or empty.</param>
    /// <param name="message">The message, naming the file.</param>
    /// <param name="inner">The CSV library's exception, if any.</param>
    public Ssda903FormatException(string file, string column, string message, Exception? inner = null)
        : base(message, inner)
    {
        File = file ?? string.Empty;
        Column = column ?? string.Empty;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public Ssda903FormatException()
        : this(string.Empty, string.Empty, "An SSDA903 file cannot be read.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public Ssda903FormatException(string message)
        : this(string.Empty, string.Empty, message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public Ssda903FormatException(string message, Exception innerException)
        : this(string.Empty, string.Empty, message, innerException)
    {
    }

    /// <summary>The file that cannot be read (with its folder's name when several folders were read).</summary>
    public string File { get; }

    /// <summary>The column missing or duplicated, or empty when the problem is not one column.</summary>
    public string Column { get; }
}

/// <summary>What reading SSDA903 folders gave: the children to evaluate, those that cannot be, every problem, and the counts.</summary>
/// <remarks>Immutable. Every row and every child is accounted for: <c>RowsRead = RowsUsed + RowsRejected</c> and
/// <c>ChildrenRead = ChildrenEvaluated + NotEvaluated.Count</c>.</remarks>
/// <param name="Children">Children whose every row was good and whose record is valid.</param>
/// <param name="NotEvaluated">Children with any bad row or an invalid record, each with every reason.</param>
/// <param name="Problems">Every bad value, with file, line, column and value.</param>
/// <param name="RowsRead">Data rows read across the files (blank lines are not rows).</param>
/// <param name="RowsUsed">Rows belonging to <paramref name="Children"/>.</param>
/// <param name="RowsRejected">Rows that were bad, belong to no known child, or belong to a child not evaluated.</param>
public sealed record Ssda903ReadResult(
    IReadOnlyList<ChildCase> Children, IReadOnlyList<ChildEvaluation> NotEvaluated, IReadOnlyList<Ssda903Problem> Problems, int RowsRead, int RowsUsed, int RowsRejected)
{
    /// <summary>The windows read, one per folder, earliest first; empty for a complete history (903-W).</summary>
    public IReadOnlyList<Ssda903Window> Windows { get; init; } = Array.Empty<Ssda903Window>();

    /// <summary>Other SSDA903 tables found beside the ones read (ad1, missing, uasc ...), and an XML return's other records (<c>return.xml/OC2</c>): listed, not read, not an error.</summary>
    /// <remarks>Each name once. An XML return's records not read are also counted in <see cref="Notes"/> (a <c>903-NOTE</c> per element name, with the count and first lines).</remarks>
    public IReadOnlyList<string> IgnoredFiles { get; init; } = Array.Empty<string>();

    /// <summary>What the files record beyond episodes and reviews: <see cref="RecordedFacts.IroAllocations"/> when a folder has <c>iro_allocations.csv</c> (every child's <see cref="ChildCase.IroAllocations"/> is then set, possibly empty), else <see cref="RecordedFacts.None"/>.</summary>
    /// <remarks>Rules IRO-1 and IRO-3. Pass it to <see cref="AnnualFiguresBuilder"/> so a figure the files cannot support is "not recorded in this source".</remarks>
    public RecordedFacts Recorded { get; init; }

    /// <summary>The IROs and their FTEs from <c>iro_roster.csv</c> (IRO-3), or <see langword="null"/> when no folder has one (every IRO then counts as 1.0 FTE).</summary>
    /// <remarks>An IRO named by a rejected roster row (an FTE that is not a number above 0 and at most 1.5, or the IRO twice) is not on it: it counts as 1.0 FTE; the row is in <see cref="Problems"/> with no child.</remarks>
    public Escalation.IroRoster? IroRoster { get; init; }

    /// <summary>Data-quality notes that did not stop any child being evaluated (codes normalised, duplicate rows, a window inferred, files read out of order), once per file and column.</summary>
    public IReadOnlyList<Ssda903Summary> Notes { get; init; } = Array.Empty<Ssda903Summary>();

    /// <summary><see cref="Problems"/> counted once per file, column and kind, with the first few lines.</summary>
    public IReadOnlyList<Ssda903Summary> ProblemSummary { get; init; } = Array.Empty<Ssda903Summary>();

    /// <summary>Rows whose CHILD is blank or not in header.csv (in an XML return, records of a CHILD whose CHILDID is blank or missing): their owner cannot be known, so some child may have been evaluated without them. Any such row makes the read incomplete.</summary>
    public int RowsWithoutChild { get; init; }

    /// <summary>Children read (each child in header.csv once, across the returns): evaluated plus not evaluated.</summary>
    public int ChildrenRead { get; init; }

    /// <summary>Children evaluated: <see cref="Children"/>'s count, or for a streamed read (<see cref="Ssda903Stream.Result"/>) the children given out.</summary>
    public int ChildrenEvaluated { get; init; }

    /// <summary>Why the read is incomplete, if it is: no child could be evaluated, rows without a known child, rejected iro_roster.csv rows, or more than <see cref="Ssda903ReadOptions.MaxRejectedShare"/> of the rows or children rejected. Empty when complete.</summary>
    public IReadOnlyList<string> IncompleteReasons { get; init; } = Array.Empty<string>();

    /// <summary>Whether the read is incomplete (<see cref="IncompleteReasons"/> is not empty): a run using it should say so loudly.</summary>
    public bool IsIncomplete => IncompleteReasons.Count > 0;
}
