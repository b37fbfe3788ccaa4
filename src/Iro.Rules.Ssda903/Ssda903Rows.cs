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
internal readonly record struct EpisodeRow(LocalDate Start, LocalDate? End, LegalStatus LegalStatus, ReasonForNewEpisode Reason, string Place, string Rec, int Return, string File, int Line, string RowColumn);

/// <summary>One review row as read.</summary>
internal readonly record struct ReviewRow(LocalDate Date, ParticipationCode Code, int Return, string File, int Line, string RowColumn);

/// <summary>One placed_for_adoption row as read.</summary>
internal readonly record struct AdoptionRow(LocalDate Decided, LocalDate? Ceased, string Reason, int Return, string File, int Line, string RowColumn);

/// <summary>One iro_allocations row as read (IRO-1, IRO-3).</summary>
internal readonly record struct AllocationRow(string Iro, LocalDate From, int Return, string File, int Line, string RowColumn);

/// <summary>One header row as read.</summary>
internal readonly record struct BirthRow(LocalDate DateOfBirth, int Return, string File, int Line);

/// <summary>Everything one return holds about one child: its rows, and its problems.</summary>
internal sealed class ChildRows(string id, int returnIndex)
{
    internal string Id { get; private set; } = id;

    internal int Return { get; } = returnIndex;

    /// <summary>Makes these rows the next child's, empty, keeping the lists' capacity: for a reader that hands out one
    /// child at a time and gets the rows back only when the child has been put together (one return, streamed).</summary>
    internal ChildRows Reset(string id)
    {
        Id = id;
        Rows = 0;
        HeaderRows = 0;
        HeaderLines.Clear();
        Births.Clear();
        Episodes.Clear();
        Reviews.Clear();
        Adoptions.Clear();
        Allocations.Clear();
        Problems = null;
        return this;
    }

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

/// <summary>The dates that place a return in its collection year (903-W), from either source's first pass: the
/// earliest review or episode end, the latest episode start, and the latest of them all.</summary>
internal class ReturnDates
{
    internal LocalDate? Earliest { get; set; }

    internal LocalDate? LatestStart { get; set; }

    internal LocalDate? Latest { get; set; }

    /// <summary>A REVIEW or DEC (trimmed); what is not a date is passed over here and reported when the rows are read.</summary>
    internal void Ended(ReadOnlySpan<char> text)
    {
        if (Ssda903Values.TryParseDate(text, out LocalDate date, out _))
        {
            Earliest = Earliest is LocalDate e && e <= date ? e : date;
            Latest = Latest is LocalDate l && l >= date ? l : date;
        }
    }

    /// <summary>A DECOM (trimmed); what is not a date is passed over.</summary>
    internal void Started(ReadOnlySpan<char> text)
    {
        if (Ssda903Values.TryParseDate(text, out LocalDate start, out _))
        {
            LatestStart = LatestStart is LocalDate s && s >= start ? s : start;
            Latest = Latest is LocalDate l && l >= start ? l : start;
        }
    }
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

/// <summary>One record as a source gives it, its fields numbered as the table's columns (<see cref="Tables.Columns"/>):
/// a CSV row (<see cref="CsvRecord"/>) or an element of the XML return. <see cref="RowParser"/> reads every value
/// through it, so that both sources accept, refuse, normalise and report a value alike.</summary>
internal interface IRecord
{
    /// <summary>The file's name as reported.</summary>
    string File { get; }

    /// <summary>The line of the record (of a CSV row; of an XML record's element, or the header's CHILDID).</summary>
    int Line { get; }

    /// <summary>Whether the field is there (a column of the CSV header; an element of the XML record).</summary>
    bool Has(int column);

    /// <summary>The value as written, untrimmed; empty when absent.</summary>
    ReadOnlySpan<char> Raw(int column);

    /// <summary>The line of the field, for problems and notes.</summary>
    int LineOf(int column);

    /// <summary>The field as problems and notes name it (<c>DECOM</c>; <c>EPISODE/DECOM</c>).</summary>
    string Column(int column);

    /// <summary>The whole record as notes and problems about it name it: <c>(row)</c> for a CSV row (its file names the
    /// table); <c>EPISODE/(row)</c> for an XML record, whose file holds every kind of record, so that notes about
    /// repeated episodes, reviews and adoption decisions are counted apart, as the CSV tables' are.</summary>
    string RowColumn { get; }

    /// <summary>Reports what is wrong with the record's shape (a CSV row's field count; an XML field given twice).</summary>
    void CheckShape(RowParser parser, ChildRows rows);
}

/// <summary>The current row of a CSV table as an <see cref="IRecord"/>: spans of the CSV library, no string per field.</summary>
internal readonly struct CsvRecord(CsvTable csv, int table) : IRecord
{
    public string File => csv.File;

    public int Line => csv.Line;

    public bool Has(int column) => csv.Has(column);

    public ReadOnlySpan<char> Raw(int column) => csv.Raw(column);

    public int LineOf(int column) => csv.Line;

    public string Column(int column) => Tables.Columns[table][column];

    public string RowColumn => "(row)";

    public void CheckShape(RowParser parser, ChildRows rows) => CheckFields(parser, rows, csv.File, csv.Line, csv.RowFields, csv.HeaderFields);

    /// <summary>A row with more or fewer fields than the header: a bad row.</summary>
    internal static void CheckFields(RowParser parser, ChildRows rows, string file, int line, int rowFields, int headerFields)
    {
        if (rowFields != headerFields)
        {
            parser.Problem(rows, file, line, "(row)", rowFields.ToString(CultureInfo.InvariantCulture),
                $"the row has {rowFields.ToString(CultureInfo.InvariantCulture)} fields but the header has {headerFields.ToString(CultureInfo.InvariantCulture)}: a value may be missing, or hold an unquoted separator");
        }
    }
}

/// <summary>A CSV row held after its table was read (iro_allocations.csv beside an XML return, whose children come in
/// the XML's order): its values copied, read later as the row itself would be.</summary>
internal sealed class HeldRecord : IRecord
{
    private readonly string[] values;
    private readonly bool[] has;
    private readonly int rowFields;
    private readonly int headerFields;
    private readonly int table;

    internal HeldRecord(CsvTable csv, int table)
    {
        this.table = table;
        File = csv.File;
        Line = csv.Line;
        Child = csv.Get(0);
        rowFields = csv.RowFields;
        headerFields = csv.HeaderFields;
        int columns = Tables.Columns[table].Length;
        values = new string[columns];
        has = new bool[columns];
        for (int c = 0; c < columns; c++)
        {
            values[c] = csv.Raw(c).ToString();
            has[c] = csv.Has(c);
        }
    }

    /// <summary>The row's CHILD, trimmed.</summary>
    internal string Child { get; }

    public string File { get; }

    public int Line { get; }

    public bool Has(int column) => has[column];

    public ReadOnlySpan<char> Raw(int column) => values[column];

    public int LineOf(int column) => Line;

    public string Column(int column) => Tables.Columns[table][column];

    public string RowColumn => "(row)";

    public void CheckShape(RowParser parser, ChildRows rows) => CsvRecord.CheckFields(parser, rows, File, Line, rowFields, headerFields);
}

/// <summary>Reads records of the tables into <see cref="ChildRows"/>, reporting bad values and counting rows: the one
/// home of the value checks (dates, codes, LS, RNE, PLACE, REVIEW_CODE, REASON_PLACED_CEASED, IRO) for both sources.</summary>
internal sealed class RowParser
{
    internal const string ValidatorNote = "codes with surrounding spaces or in lower case were read in upper case, as the DfE 903 validator reads them";

    internal List<Ssda903Problem> Problems { get; } = new();

    internal Tally ProblemTally { get; } = new();

    internal Tally Notes { get; } = new();

    internal int RowsRead { get; set; }

    /// <summary>Rows whose owner cannot be known (903-ORPHAN), from either source.</summary>
    internal int RowsWithoutChild { get; private set; }

    /// <summary>Of <see cref="RowsWithoutChild"/>, the records of the XML return (a CHILD with no CHILDID).</summary>
    internal int XmlRowsWithoutChild { get; private set; }

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

    /// <summary>Rows of a file that is not a table of children (iro_roster.csv) that were rejected: counted as read and rejected.</summary>
    internal int OtherRowsRejected { get; private set; }

    /// <summary>A bad row of a file that is not a table of children (iro_roster.csv): a <c>903-VALUE</c> problem with no
    /// child, counted as a row read (and, never used, rejected), so that rows read = used + rejected holds.</summary>
    internal void RejectedWithoutChild(string file, int line, string column, string value, string message)
    {
        RowsRead++;
        OtherRowsRejected++;
        Problem(null, file, line, column, value, message);
    }

    /// <summary>A CSV row whose owner cannot be known: CHILD blank, or not in header.csv.</summary>
    internal void Orphan(CsvTable table, string child, bool inHeaderFile = false)
    {
        string message = child.Length == 0 ? "the child ID is blank, so the row's owner cannot be known"
            : inHeaderFile ? "the child ID is blank" : "the child is not in header.csv";
        Orphan(table.File, table.Line, "CHILD", child, message, xml: false);
    }

    /// <summary>Of <see cref="RowsWithoutChild"/>, the rows of an iro_allocations.csv beside an XML return whose CHILD is blank or not in it.</summary>
    internal int BesideXmlRowsWithoutChild { get; private set; }

    /// <summary>A row (a record) whose owner cannot be known: counted, and reported with no child (903-ORPHAN).</summary>
    /// <param name="file">The file as reported.</param>
    /// <param name="line">The row's (the record's) line.</param>
    /// <param name="column">The column (the element) that names the child.</param>
    /// <param name="child">The child as written (blank, or not in the return).</param>
    /// <param name="message">Why the owner cannot be known.</param>
    /// <param name="xml">A record of the XML return (a CHILD with no CHILDID).</param>
    /// <param name="besideXml">A row of a CSV file read beside an XML return (iro_allocations.csv).</param>
    internal void Orphan(string file, int line, string column, string child, string message, bool xml, bool besideXml = false)
    {
        RowsRead++;
        RowsWithoutChild++;
        if (xml)
        {
            XmlRowsWithoutChild++;
        }
        else if (besideXml)
        {
            BesideXmlRowsWithoutChild++;
        }

        Problem(null, file, line, column, child, message, "903-ORPHAN");
    }

    /// <summary>Reads the current row of a CSV table.</summary>
    internal void Read(int table, CsvTable csv, ChildRows rows) => Read(table, new CsvRecord(csv, table), rows);

    /// <summary>Reads one record of <paramref name="table"/> (either source) into the child's rows: counted, its shape
    /// checked, each value parsed or reported, and the row kept only when every value it needs is good.</summary>
    internal void Read<TRecord>(int table, TRecord record, ChildRows rows)
        where TRecord : IRecord
    {
        RowsRead++;
        rows.Rows++;
        record.CheckShape(this, rows);
        switch (table)
        {
            case Tables.Header:
                rows.HeaderRows++;
                rows.HeaderLines.Add((record.File, record.Line));
                if (Date(rows, record, 1, required: true) is LocalDate dob)
                {
                    rows.Births.Add(new BirthRow(dob, rows.Return, record.File, record.Line));
                }

                break;
            case Tables.Episodes:
                ReadEpisode(record, rows);
                break;
            case Tables.Reviews:
                LocalDate? held = Date(rows, record, 1, required: true);
                string pn = Code(record, 2);
                if (!ParticipationCodes.TryParse(pn, out ParticipationCode code, out string? pnError))
                {
                    Problem(rows, record, 2, pnError);
                }
                else if (held is LocalDate date)
                {
                    rows.Reviews.Add(new ReviewRow(date, code, rows.Return, record.File, record.Line, record.RowColumn));
                }

                break;
            case Tables.Allocations:
                LocalDate? from = Date(rows, record, 2, required: true);
                ReadOnlySpan<char> iro = record.Raw(1).Trim();
                if (iro.IsEmpty)
                {
                    Problem(rows, record, 1, "the IRO is blank; expected the identifier of the IRO allocated from FROM (IRO-1, IRO-3)");
                }
                else if (from is LocalDate allocated)
                {
                    rows.Allocations.Add(new AllocationRow(iro.ToString(), allocated, rows.Return, record.File, record.Line, record.RowColumn));
                }

                break;
            default:
                ReadAdoption(record, rows);
                break;
        }
    }

    internal static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private void ReadEpisode<TRecord>(TRecord record, ChildRows rows)
        where TRecord : IRecord
    {
        LocalDate? start = Date(rows, record, 1, required: true);
        LocalDate? end = Date(rows, record, 5, required: false, openEnd: true);
        bool ok = start is not null && (end is not null || record.Raw(5).Trim().IsEmpty);
        string rneCode = Code(record, 2);
        if (!Ssda903Values.Names<ReasonForNewEpisode>.TryGet(rneCode, out ReasonForNewEpisode rne)
            && !LegalStatuses.TryParseReason(rneCode, out rne, out string? rneError))
        {
            Problem(rows, record, 2, rneError);
            ok = false;
        }

        string lsCode = Code(record, 3);
        if (!Ssda903Values.Names<LegalStatus>.TryGet(lsCode, out LegalStatus ls)
            && !LegalStatuses.TryParseLegalStatus(lsCode, out ls, out string? lsError))
        {
            Problem(rows, record, 3, lsError);
            ok = false;
        }

        string place = Code(record, 4);
        if (!Ssda903Values.PlaceCodes.Contains(place))
        {
            string name = record.Column(4);
            name = name[(name.LastIndexOf('/') + 1)..]; // the XML's PL (or PLACE), without its record
            Problem(rows, record, 4, place.Length == 0
                ? "the placement type is blank; expected an SSDA903 PLACE code such as U1 or A3 (LOC-3, LOC-4 read it)"
                : $"not an SSDA903 placement type ({(name == "PLACE" ? name : name + ", the CSV's PLACE")}) code: A3-A6, H5, K1-K3, P1-P3, R1-R3, R5, S1, T0-T4, U1-U6, Z1");
            ok = false;
        }

        string rec = Code(record, 6);
        if (ok && end is LocalDate e && e < start!.Value)
        {
            Problem(rows, record, 5, $"the episode ends before it starts ({Iso(start.Value)})");
            ok = false;
        }

        if (ok)
        {
            rows.Episodes.Add(new EpisodeRow(start!.Value, end, ls, rne, place, rec, rows.Return, record.File, record.Line, record.RowColumn));
        }
    }

    private void ReadAdoption<TRecord>(TRecord record, ChildRows rows)
        where TRecord : IRecord
    {
        LocalDate? decided = Date(rows, record, 1, required: true);
        LocalDate? ceased = Date(rows, record, 2, required: false);
        string reason = Code(record, 3);
        bool ok = decided is not null && (ceased is not null || record.Raw(2).Trim().IsEmpty);
        if (reason.Length > 0 && !Ssda903Values.ReasonPlacedCeasedCodes.Contains(reason))
        {
            Problem(rows, record, 3, "not one of RD1, RD2, RD3, RD4 (the reason the decision to place for adoption ceased)");
            ok = false;
        }

        if (ok && ceased is LocalDate c && c < decided!.Value)
        {
            Problem(rows, record, 2, $"the decision ceased before it was made ({Iso(decided.Value)})");
            ok = false;
        }

        if (ok)
        {
            rows.Adoptions.Add(new AdoptionRow(decided!.Value, ceased, reason, rows.Return, record.File, record.Line, record.RowColumn));
        }
    }

    /// <summary>A bad value (903-VALUE): the field's line and name, and its value as written, trimmed.</summary>
    private void Problem<TRecord>(ChildRows rows, TRecord record, int column, string message)
        where TRecord : IRecord =>
        Problem(rows, record.File, record.LineOf(column), record.Column(column), record.Raw(column).Trim().ToString(), message);

    /// <summary>A date (<see cref="Ssda903Values.TryParseDate"/>), or null with the problem reported; a blank required
    /// date is a problem, a blank optional one is not.</summary>
    private LocalDate? Date<TRecord>(ChildRows rows, TRecord record, int column, bool required, bool openEnd = false)
        where TRecord : IRecord
    {
        ReadOnlySpan<char> span = record.Raw(column).Trim();
        if (span.IsEmpty)
        {
            if (required)
            {
                Problem(rows, record, column, $"the date is {(record.Has(column) ? "blank" : "missing")} ({Ssda903Values.DateFormats})");
            }

            return null;
        }

        if (Ssda903Values.TryParseDate(span, out LocalDate date, out string? error))
        {
            return date;
        }

        Problem(rows, record, column, error + (openEnd ? ", or blank for an open episode" : string.Empty));
        return null;
    }

    /// <summary>A code in its normal form (<see cref="Ssda903Values.NormaliseCode"/>), with a note when the value was
    /// not written so; no new string when it was (the codes are shared).</summary>
    private string Code<TRecord>(TRecord record, int column)
        where TRecord : IRecord
    {
        ReadOnlySpan<char> raw = record.Raw(column), trimmed = raw.Trim();
        if (trimmed.Length == raw.Length && Ssda903Values.IsPlainUpper(trimmed))
        {
            return Ssda903Values.CodeString(trimmed); // already in its normal form: no note, no new string
        }

        string text = trimmed.ToString();
        string code = Ssda903Values.NormaliseCode(text, raw, out bool changed);
        if (changed && code.Length > 0)
        {
            int line = record.LineOf(column);
            Notes.Add(record.File, record.Column(column), "903-NOTE", $"{ValidatorNote} (line {line.ToString(CultureInfo.InvariantCulture)}: '{text}' as '{code}')", line);
        }

        return code;
    }
}
