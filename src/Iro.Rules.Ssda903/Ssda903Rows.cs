using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using NodaTime;

namespace Iro.Rules.Ssda903;

/// <summary>The tables read, with their columns; the first <c>Required</c> columns of each must be present. Only the first three files are required.</summary>
internal static class Tables
{
    internal const int Header = 0;
    internal const int Episodes = 1;
    internal const int Reviews = 2;
    internal const int Adoption = 3;
    internal const int Allocations = 4;

    internal static readonly string[] Names = ["header.csv", "episodes.csv", "reviews.csv", "placed_for_adoption.csv", "iro_allocations.csv"];

    internal static readonly string[][] Columns =
    [
        ["CHILD", "DOB"],
        ["CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC"],
        ["CHILD", "REVIEW", "REVIEW_CODE"],
        ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
        ["CHILD", "IRO", "FROM"],
    ];

    internal static readonly int[] Required = [2, 6, 3, 2, 3];
}

/// <summary>One episode row as read.</summary>
internal readonly record struct EpisodeRow(LocalDate Start, LocalDate? End, LegalStatus LegalStatus, ReasonForNewEpisode Reason, string Place, string Rec, int Return, string File, int Line);

/// <summary>One review row as read.</summary>
internal readonly record struct ReviewRow(LocalDate Date, ParticipationCode Code, int Return, string File, int Line);

/// <summary>One placed_for_adoption row as read.</summary>
internal readonly record struct AdoptionRow(LocalDate Decided, LocalDate? Ceased, string Reason, int Return, string File, int Line);

/// <summary>One iro_allocations row as read (IRO-1, IRO-3).</summary>
internal readonly record struct AllocationRow(string Iro, LocalDate From, int Return, string File, int Line);

/// <summary>One header row as read.</summary>
internal readonly record struct BirthRow(LocalDate DateOfBirth, int Return, string File, int Line);

/// <summary>Everything one return holds about one child: its rows, and its problems.</summary>
internal sealed class ChildRows(string id, int returnIndex)
{
    internal string Id { get; } = id;

    internal int Return { get; } = returnIndex;

    internal int Rows { get; set; }

    internal int HeaderRows { get; set; }

    internal List<(string File, int Line)> HeaderLines { get; } = new(1);

    internal List<BirthRow> Births { get; } = new(1);

    internal List<EpisodeRow> Episodes { get; } = new();

    internal List<ReviewRow> Reviews { get; } = new();

    internal List<AdoptionRow> Adoptions { get; } = new();

    internal List<AllocationRow> Allocations { get; } = new();

    internal List<Ssda903Problem>? Problems { get; set; }
}

/// <summary>Counts one kind of problem or note per file and column, with its first few lines.</summary>
internal sealed class Tally
{
    private readonly Dictionary<(string File, string Column, string Code), Entry> entries = new();
    private readonly List<(string File, string Column, string Code)> order = new();

    internal void Add(string file, string column, string code, string message, int line)
    {
        var key = (file, column, code);
        if (!entries.TryGetValue(key, out Entry? entry))
        {
            entries[key] = entry = new Entry(message);
            order.Add(key);
        }

        entry.Count++;
        if (entry.Lines.Count < 5 && line > 0)
        {
            entry.Lines.Add(line);
        }
    }

    internal void AddOnce(string file, string message)
    {
        var key = (file, message, "903-NOTE");
        if (!entries.ContainsKey(key))
        {
            entries[key] = new Entry(message);
            order.Add(key);
        }
    }

    internal IReadOnlyList<Ssda903Summary> ToList() =>
        order.Select(k => entries[k] is var e && e.Count == 0
            ? new Ssda903Summary(k.File, string.Empty, k.Code, e.Message, 0, Array.Empty<int>())
            : new Ssda903Summary(k.File, k.Column, k.Code, e.Message, e.Count, e.Lines.ToArray())).ToArray();

    private sealed class Entry(string message)
    {
        internal string Message { get; } = message;

        internal int Count { get; set; }

        internal List<int> Lines { get; } = new();
    }
}

/// <summary>Compares child ids in one of the two orders a return is sorted in: as numbers where both are digits only (999 before 1000), or as text.</summary>
internal sealed class ChildOrder : IComparer<string>
{
    internal static readonly ChildOrder Numeric = new(numeric: true);
    internal static readonly ChildOrder Ordinal = new(numeric: false);

    private readonly bool numeric;

    private ChildOrder(bool numeric) => this.numeric = numeric;

    public int Compare(string? x, string? y) => Compare(x.AsSpan(), y.AsSpan());

    /// <summary>The same order over spans, without allocating: its sign is that of <see cref="Compare(string?, string?)"/>.</summary>
    internal int Compare(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        if (!numeric)
        {
            return x.SequenceCompareTo(y);
        }

        bool dx = AllDigits(x), dy = AllDigits(y);
        if (dx != dy)
        {
            return dx ? -1 : 1; // ids of digits only first, then the others as text: a total order
        }

        if (!dx)
        {
            return x.SequenceCompareTo(y);
        }

        ReadOnlySpan<char> sx = x.TrimStart('0'), sy = y.TrimStart('0');
        int c = sx.Length.CompareTo(sy.Length);
        if (c == 0)
        {
            c = sx.SequenceCompareTo(sy);
        }

        return c != 0 ? c : x.SequenceCompareTo(y);
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return s.Length > 0;
    }
}

/// <summary>Reads rows of the four tables into <see cref="ChildRows"/>, reporting bad values and counting rows.</summary>
internal sealed class RowParser
{
    internal const string ValidatorNote = "codes with surrounding spaces or in lower case were read in upper case, as the DfE 903 validator reads them";

    internal List<Ssda903Problem> Problems { get; } = new();

    internal Tally ProblemTally { get; } = new();

    internal Tally Notes { get; } = new();

    internal int RowsRead { get; set; }

    internal int RowsWithoutChild { get; set; }

    /// <summary>Reports a problem, on the child's rows when the child is known.</summary>
    internal void Problem(ChildRows? rows, string file, int line, string column, string value, string message, string code = "903-VALUE")
    {
        var problem = new Ssda903Problem(file, line, column, value, rows?.Id ?? string.Empty, message) { Code = code };
        Problems.Add(problem);
        ProblemTally.Add(file, column, code, message, line);
        if (rows is not null)
        {
            (rows.Problems ??= new List<Ssda903Problem>()).Add(problem);
        }
    }

    /// <summary>A row whose owner cannot be known: CHILD blank, or not in header.csv.</summary>
    internal void Orphan(CsvTable table, string child, bool inHeaderFile = false)
    {
        RowsRead++;
        RowsWithoutChild++;
        string message = child.Length == 0 ? "the child ID is blank, so the row's owner cannot be known"
            : inHeaderFile ? "the child ID is blank" : "the child is not in header.csv";
        Problem(null, table.File, table.Line, "CHILD", child, message, "903-ORPHAN");
    }

    internal void Read(int table, CsvTable csv, ChildRows rows)
    {
        RowsRead++;
        rows.Rows++;
        if (csv.RowFields != csv.HeaderFields)
        {
            Problem(rows, csv.File, csv.Line, "(row)", csv.RowFields.ToString(CultureInfo.InvariantCulture),
                $"the row has {csv.RowFields.ToString(CultureInfo.InvariantCulture)} fields but the header has {csv.HeaderFields.ToString(CultureInfo.InvariantCulture)}: a value may be missing, or hold an unquoted separator");
        }

        switch (table)
        {
            case Tables.Header:
                rows.HeaderRows++;
                rows.HeaderLines.Add((csv.File, csv.Line));
                if (Date(rows, csv, 1, required: true) is LocalDate dob)
                {
                    rows.Births.Add(new BirthRow(dob, rows.Return, csv.File, csv.Line));
                }

                break;
            case Tables.Episodes:
                ReadEpisode(csv, rows);
                break;
            case Tables.Reviews:
                LocalDate? held = Date(rows, csv, 1, required: true);
                string pn = Code(csv, 2);
                if (!ParticipationCodes.TryParse(pn, out ParticipationCode code, out string? pnError))
                {
                    Problem(rows, csv.File, csv.Line, "REVIEW_CODE", csv.Get(2), pnError);
                }
                else if (held is LocalDate date)
                {
                    rows.Reviews.Add(new ReviewRow(date, code, rows.Return, csv.File, csv.Line));
                }

                break;
            case Tables.Allocations:
                LocalDate? from = Date(rows, csv, 2, required: true);
                string iro = csv.Get(1);
                if (iro.Length == 0)
                {
                    Problem(rows, csv.File, csv.Line, "IRO", iro, "the IRO is blank; expected the identifier of the IRO allocated from FROM (IRO-1, IRO-3)");
                }
                else if (from is LocalDate allocated)
                {
                    rows.Allocations.Add(new AllocationRow(iro, allocated, rows.Return, csv.File, csv.Line));
                }

                break;
            default:
                LocalDate? decided = Date(rows, csv, 1, required: true);
                LocalDate? ceased = Date(rows, csv, 2, required: false);
                string reason = Code(csv, 3);
                bool ok = decided is not null && (ceased is not null || csv.Span(2).IsEmpty);
                if (reason.Length > 0 && !Ssda903Values.ReasonPlacedCeasedCodes.Contains(reason))
                {
                    Problem(rows, csv.File, csv.Line, "REASON_PLACED_CEASED", csv.Get(3), "not one of RD1, RD2, RD3, RD4 (the reason the decision to place for adoption ceased)");
                    ok = false;
                }

                if (ok && ceased is LocalDate c && c < decided!.Value)
                {
                    Problem(rows, csv.File, csv.Line, "DATE_PLACED_CEASED", csv.Get(2), $"the decision ceased before it was made ({Iso(decided.Value)})");
                    ok = false;
                }

                if (ok)
                {
                    rows.Adoptions.Add(new AdoptionRow(decided!.Value, ceased, reason, rows.Return, csv.File, csv.Line));
                }

                break;
        }
    }

    internal static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private void ReadEpisode(CsvTable csv, ChildRows rows)
    {
        LocalDate? start = Date(rows, csv, 1, required: true);
        LocalDate? end = Date(rows, csv, 5, required: false);
        bool ok = start is not null && (end is not null || csv.Span(5).IsEmpty);
        string rneCode = Code(csv, 2);
        if (!Ssda903Values.Names<ReasonForNewEpisode>.TryGet(rneCode, out ReasonForNewEpisode rne)
            && !LegalStatuses.TryParseReason(rneCode, out rne, out string? rneError))
        {
            Problem(rows, csv.File, csv.Line, "RNE", csv.Get(2), rneError);
            ok = false;
        }

        string lsCode = Code(csv, 3);
        if (!Ssda903Values.Names<LegalStatus>.TryGet(lsCode, out LegalStatus ls)
            && !LegalStatuses.TryParseLegalStatus(lsCode, out ls, out string? lsError))
        {
            Problem(rows, csv.File, csv.Line, "LS", csv.Get(3), lsError);
            ok = false;
        }

        string place = Code(csv, 4);
        if (!Ssda903Values.PlaceCodes.Contains(place))
        {
            Problem(rows, csv.File, csv.Line, "PLACE", csv.Get(4), place.Length == 0
                ? "the placement type is blank; expected an SSDA903 PLACE code such as U1 or A3 (LOC-3, LOC-4 read it)"
                : "not an SSDA903 placement type (PLACE) code: A3-A6, H5, K1-K3, P1-P3, R1-R3, R5, S1, T0-T4, U1-U6, Z1");
            ok = false;
        }

        string rec = Code(csv, 6);
        if (ok && end is LocalDate e && e < start!.Value)
        {
            Problem(rows, csv.File, csv.Line, "DEC", csv.Get(5), $"the episode ends before it starts ({Iso(start.Value)})");
            ok = false;
        }

        if (ok)
        {
            rows.Episodes.Add(new EpisodeRow(start!.Value, end, ls, rne, place, rec, rows.Return, csv.File, csv.Line));
        }
    }

    private LocalDate? Date(ChildRows rows, CsvTable csv, int column, bool required)
    {
        ReadOnlySpan<char> span = csv.Span(column);
        if (span.IsEmpty)
        {
            if (required)
            {
                Problem(rows, csv.File, csv.Line, Column(csv, column), string.Empty, $"the date is blank ({Ssda903Values.DateFormats})");
            }

            return null;
        }

        if (Ssda903Values.TryParseDate(span, out LocalDate date, out string? error))
        {
            return date;
        }

        string text = span.ToString();
        string extra = column == 5 && csv.File.EndsWith("episodes.csv", StringComparison.Ordinal) ? ", or blank for an open episode" : string.Empty;
        Problem(rows, csv.File, csv.Line, Column(csv, column), text, error + extra);
        return null;
    }

    private string Code(CsvTable csv, int column)
    {
        ReadOnlySpan<char> raw = csv.Raw(column), trimmed = raw.Trim();
        if (trimmed.Length == raw.Length && Ssda903Values.IsPlainUpper(trimmed))
        {
            return Ssda903Values.CodeString(trimmed); // already in its normal form: no note, no new string
        }

        string text = csv.Get(column);
        string code = Ssda903Values.NormaliseCode(text, csv.Raw(column), out bool changed);
        if (changed && code.Length > 0)
        {
            Notes.Add(csv.File, Column(csv, column), "903-NOTE", $"{ValidatorNote} (line {csv.Line.ToString(CultureInfo.InvariantCulture)}: '{text}' as '{code}')", csv.Line);
        }

        return code;
    }

    private static string Column(CsvTable csv, int column) => Tables.Columns[TableOf(csv.File)][column];

    private static int TableOf(string file) =>
        file.EndsWith("header.csv", StringComparison.Ordinal) ? Tables.Header
        : file.EndsWith("episodes.csv", StringComparison.Ordinal) ? Tables.Episodes
        : file.EndsWith("reviews.csv", StringComparison.Ordinal) ? Tables.Reviews
        : file.EndsWith("iro_allocations.csv", StringComparison.Ordinal) ? Tables.Allocations
        : Tables.Adoption;
}
