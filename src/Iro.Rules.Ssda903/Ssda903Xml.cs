using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Iro.Rules.Caseload;
using Iro.Rules.Legal;
using NodaTime;

namespace Iro.Rules.Ssda903;

/// <content>The SSDA903 XML return: <see cref="ReadXml"/> and <see cref="WriteXml"/>.</content>
public static partial class Ssda903Reader
{
    /// <summary>Reads one SSDA903 return submitted as XML (root <c>EXPSSDA903</c>), one child at a time.</summary>
    /// <remarks>
    /// <para>The same children, problems, notes and counts as the return's CSV tables give (<see cref="ReadFolders"/>);
    /// an XML file, or a folder holding one XML return and no header.csv, may also be given to
    /// <see cref="ReadFolders"/> and <see cref="Open"/> beside CSV folders, one per return.</para>
    /// <para>Structure, as the DfE's XML return lays it out and the open-source 903 validator reads it
    /// (data-to-insight/csc-validator-be-903, lac_validator/ingress.py, read_xml_from_text): <c>EXPSSDA903</c> holds one
    /// <c>CHILD</c> per child; a <c>CHILD</c> holds a <c>HEADER</c> (<c>CHILDID</c>, <c>DOB</c>, ...; with its
    /// <c>AREVIEW</c> records, <c>REVIEW</c> and <c>REVIEW_CODE</c> — a review record named <c>REVIEW</c>, holding those
    /// two fields, is read too, in <c>HEADER</c> or directly in <c>CHILD</c>, while a <c>REVIEW</c> holding text only
    /// is the field — and its <c>AD_PLACED</c> records,
    /// <c>DATE_PLACED</c>, <c>DATE_PLACED_CEASED</c>, <c>REASON_PLACED_CEASED</c>) and its <c>EPISODE</c> records
    /// (<c>DECOM</c>, <c>RNE</c>, <c>LS</c>, <c>PL</c>, <c>DEC</c>, <c>REC</c>; <c>PL</c> is the CSV's PLACE, and
    /// <c>PLACE</c> is read too). Element order is free, the records may sit in a wrapper (<c>EPISODES</c>), and
    /// <c>CHILDID</c> and <c>DOB</c> may sit directly in <c>CHILD</c>. The return's other fields (UPN, SEX, CIN, ...)
    /// are not read; its other records (<c>OC2</c>, <c>AMISSING</c>, <c>PERMANENCE</c>, ...: an element holding
    /// elements that is not a record read, nor a wrapper of one) are listed in
    /// <see cref="Ssda903ReadResult.IgnoredFiles"/> as <c>file/ELEMENT</c> and noted (<c>903-NOTE</c> in
    /// <see cref="Ssda903ReadResult.Notes"/>, once per element name, with the count and the first lines): never dropped
    /// unsaid. An element other than <c>CHILD</c> in <c>EXPSSDA903</c> is ignored with a note.</para>
    /// <para>A row, for the counts, is a record: the header (a <c>CHILD</c>'s own fields), each <c>EPISODE</c>,
    /// <c>AREVIEW</c> (or <c>REVIEW</c> record) and <c>AD_PLACED</c>. A bad value is a <c>903-VALUE</c> problem naming the file, the line of the
    /// element and the element (<c>EPISODE/DECOM</c>), with its value; the child is not evaluated. A <c>CHILD</c> with
    /// no <c>CHILDID</c> is read as rows with no known child (<c>903-ORPHAN</c>). The file is read as a stream (each
    /// <c>CHILD</c> in turn; twice, the first pass checking it and finding the return's year); a DOCTYPE is refused (no
    /// DTD, no external entity is ever read), and XML that is not well-formed throws
    /// <see cref="Ssda903FormatException"/> naming the file, line and position before any child is given out.</para>
    /// <para>The council's <c>iro_allocations.csv</c> and <c>iro_roster.csv</c> in the XML file's folder are read exactly
    /// as in a CSV folder (<see cref="Ssda903Reader"/>): each allocation row goes to its <c>CHILD</c> (the file may be in
    /// any order; its rows are held, a few a child), with the same problems and counts; a row whose CHILD is blank or
    /// not in the return is a row with no known child (<c>903-ORPHAN</c>, "the child is not in return.xml").</para>
    /// <para>Without <paramref name="options"/> the file is read as one return whose window is inferred (rule 903-W),
    /// as <see cref="ReadFolders"/> reads it.</para>
    /// </remarks>
    /// <param name="path">The XML file.</param>
    /// <param name="options">How to read it; <see langword="null"/> for the defaults (the window inferred).</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="Ssda903FormatException">The file cannot be opened, is not well-formed XML, has a DOCTYPE, or its root is not <c>EXPSSDA903</c>; the message names the file, line and position.</exception>
    public static Ssda903ReadResult ReadXml(string path, Ssda903ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The SSDA903 XML return '{path}' does not exist.", path);
        }

        return ReadFolders([path], options);
    }

    /// <summary>Writes children as one SSDA903 XML return (<c>EXPSSDA903</c>, one <c>CHILD</c> each) with dd/MM/yyyy dates.</summary>
    /// <remarks>
    /// <para>Writes what <see cref="ReadXml"/> reads, in the return's structure (<c>CHILD</c> &gt; <c>HEADER</c> with
    /// <c>CHILDID</c>, <c>DOB</c>, <c>AREVIEW</c> and <c>AD_PLACED</c>; <c>CHILD</c> &gt; <c>EPISODE</c>), so that
    /// <see cref="ReadXml"/> gives every child back exactly. It does not write the return's other fields (UPN, SEX,
    /// ETHNIC, CIN, ...), which a child record does not hold, so the file is not one the DfE would accept as it is.
    /// What a return cannot carry is refused as <see cref="WriteFolder"/> refuses it, and so is a child id with a
    /// character XML cannot hold.</para>
    /// </remarks>
    /// <param name="children">The children.</param>
    /// <param name="path">The file to write (its folder is created if needed).</param>
    /// <exception cref="ArgumentException">A child holds something the return cannot carry; the message names the child.</exception>
    public static void WriteXml(IEnumerable<ChildCase> children, string path)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineHandling = NewLineHandling.Entitize };
        using XmlWriter xml = XmlWriter.Create(path, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement(XmlReturn.Root);
        foreach (ChildCase c in children)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(children));
            Check(c);
            try
            {
                XmlConvert.VerifyXmlChars(c.Id);
            }
            catch (XmlException e)
            {
                throw new ArgumentException($"Child '{c.Id}': the id holds a character an XML return cannot carry ({e.Message}).", nameof(children), e);
            }

            xml.WriteStartElement("CHILD");
            xml.WriteStartElement("HEADER");
            xml.WriteElementString("CHILDID", c.Id);
            xml.WriteElementString("DOB", Uk(c.DateOfBirth));
            foreach (CaseReview r in c.Reviews)
            {
                xml.WriteStartElement("AREVIEW");
                xml.WriteElementString("REVIEW", Uk(r.Date));
                xml.WriteElementString("REVIEW_CODE", r.Code.ToString());
                xml.WriteEndElement();
            }

            if (c.ShouldBePlacedForAdoptionOn is LocalDate decided)
            {
                xml.WriteStartElement("AD_PLACED");
                xml.WriteElementString("DATE_PLACED", Uk(decided));
                xml.WriteElementString("DATE_PLACED_CEASED", c.AdoptionDecisionReversedOn is LocalDate ceased ? Uk(ceased) : string.Empty);
                xml.WriteElementString("REASON_PLACED_CEASED", string.Empty);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            foreach (Episode e in c.Episodes)
            {
                xml.WriteStartElement("EPISODE");
                xml.WriteElementString("DECOM", Uk(e.Start));
                xml.WriteElementString("RNE", e.Reason.ToString());
                xml.WriteElementString("LS", e.LegalStatus.ToString());
                xml.WriteElementString("PL", e.PlacementType);
                xml.WriteElementString("DEC", e.End is LocalDate end ? Uk(end) : string.Empty);
                xml.WriteElementString("REC", string.Empty);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }
}

/// <summary>One SSDA903 XML return: found, checked (first pass), and read one <c>CHILD</c> at a time into <see cref="ChildRows"/>.</summary>
internal sealed class XmlReturn
{
    internal const string Root = "EXPSSDA903";

    private const string Child = "CHILD";
    private const string Header = "HEADER";
    private const string Episode = "EPISODE";
    private const string Review = "AREVIEW";
    private const string ReviewRecord = "REVIEW";
    private const string Adoption = "AD_PLACED";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    private readonly string path;
    private readonly SortedSet<string> ignored = new(StringComparer.Ordinal);
    private IReadOnlyList<HeldRecord> allocations = Array.Empty<HeldRecord>();

    internal XmlReturn(string path, string file)
    {
        this.path = path;
        File = file;
    }

    /// <summary>The file's name as reported (with the return's label when there are several).</summary>
    internal string File { get; }

    internal bool SortedNumeric { get; private set; } = true;

    internal bool SortedOrdinal { get; private set; } = true;

    /// <summary>Whether every <c>CHILD</c> has its own CHILDID (no id twice): then a single return streams in file order.</summary>
    internal bool UniqueIds { get; private set; } = true;

    /// <summary>The dates that place the return in its year, found by <see cref="Scan"/>.</summary>
    internal ReturnDates Dates { get; } = new();

    /// <summary>The return's records that are not read (OC2, AMISSING, ...), as <c>file/ELEMENT</c>.</summary>
    internal IEnumerable<string> Ignored => ignored.Select(name => File + "/" + name);

    /// <summary>Whether <paramref name="input"/> names an XML return: an existing file, or a folder with no header.csv and one .xml file.</summary>
    /// <exception cref="Ssda903FormatException">A file that is not .xml, or a folder with no header.csv and several .xml files.</exception>
    internal static bool TryFind(string input, out string xml)
    {
        xml = string.Empty;
        if (System.IO.File.Exists(input))
        {
            if (!input.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            {
                throw new Ssda903FormatException(Path.GetFileName(input), string.Empty, $"'{input}' is a file, not an SSDA903 XML return (.xml) or a folder of CSV tables.");
            }

            xml = input;
            return true;
        }

        if (!Directory.Exists(input) || Directory.EnumerateFiles(input).Any(f => string.Equals(Path.GetFileName(f), "header.csv", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        string[] found = Directory.EnumerateFiles(input).Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray();
        if (found.Length > 1)
        {
            throw new Ssda903FormatException(Path.GetFileName(found[1]), string.Empty,
                $"The SSDA903 folder '{input}' has no header.csv and {found.Length.ToString(CultureInfo.InvariantCulture)} XML files ({string.Join(", ", found.Select(Path.GetFileName))}); give the XML return itself, one per --ssda903.");
        }

        if (found.Length == 1)
        {
            xml = found[0];
            return true;
        }

        return false;
    }

    /// <summary>The first pass: the whole file checked as XML, the order and uniqueness of the ids, the dates that place the return in its year.</summary>
    internal void Scan()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string previous = string.Empty;
        foreach (XElement child in Children(null))
        {
            string id = HeaderFields(child).FirstOrDefault(f => Is(f, "CHILDID"))?.Value.Trim() ?? string.Empty;
            if (id.Length > 0)
            {
                UniqueIds &= seen.Add(id);
                if (previous.Length > 0)
                {
                    SortedNumeric &= ChildOrder.Numeric.Compare(previous, id) < 0;
                    SortedOrdinal &= ChildOrder.Ordinal.Compare(previous, id) < 0;
                }

                previous = id;
            }

            foreach (XElement record in child.Descendants())
            {
                string? kind = KindOf(record);
                if (kind == Review || kind == ReviewRecord)
                {
                    Dates.Ended(Value(Field(record, "REVIEW")));
                }
                else if (kind == Episode)
                {
                    Dates.Ended(Value(Field(record, "DEC")));
                    Dates.Started(Value(Field(record, "DECOM")));
                }
            }

            foreach (XElement other in OtherRecords(child))
            {
                ignored.Add(other.Name.LocalName);
            }
        }
    }

    /// <summary>Holds the rows of the iro_allocations.csv beside the return (read and checked in the first pass), for its children.</summary>
    internal void Hold(IReadOnlyList<HeldRecord> rows) => allocations = rows;

    /// <summary>The second pass, one child at a time, in file order; a <c>CHILD</c> with no id is counted and reported as rows with no known child.</summary>
    internal IEnumerable<ChildRows> Read(RowParser parser, int rank)
    {
        Dictionary<string, List<HeldRecord>> pending = Pending();
        foreach (XElement child in Children(parser))
        {
            if (Fill(child, parser, rank, null, pending) is ChildRows rows)
            {
                yield return rows;
            }
        }

        Unclaimed(parser, pending);
    }

    /// <summary>The second pass with every child held: a child in two <c>CHILD</c> elements is one child, reported as twice in the file.</summary>
    internal Dictionary<string, ChildRows> ReadWhole(RowParser parser, int rank)
    {
        Dictionary<string, List<HeldRecord>> pending = Pending();
        var children = new Dictionary<string, ChildRows>(StringComparer.Ordinal);
        foreach (XElement child in Children(parser))
        {
            Fill(child, parser, rank, children, pending);
        }

        Unclaimed(parser, pending);
        return children;
    }

    /// <summary>The held allocation rows by child (blank CHILD left out: they have no owner).</summary>
    private Dictionary<string, List<HeldRecord>> Pending()
    {
        var pending = new Dictionary<string, List<HeldRecord>>(StringComparer.Ordinal);
        foreach (HeldRecord row in allocations.Where(static r => r.Child.Length > 0))
        {
            if (!pending.TryGetValue(row.Child, out List<HeldRecord>? list))
            {
                pending[row.Child] = list = new List<HeldRecord>(1);
            }

            list.Add(row);
        }

        return pending;
    }

    /// <summary>The allocation rows no <c>CHILD</c> claimed, in file order: a blank CHILD, or a child not in the return (903-ORPHAN).</summary>
    private void Unclaimed(RowParser parser, Dictionary<string, List<HeldRecord>> pending)
    {
        foreach (HeldRecord row in allocations)
        {
            if (row.Child.Length == 0)
            {
                parser.Orphan(row.File, row.Line, "CHILD", row.Child, "the child ID is blank, so the row's owner cannot be known", xml: false, besideXml: true);
            }
            else if (pending.ContainsKey(row.Child))
            {
                parser.Orphan(row.File, row.Line, "CHILD", row.Child, $"the child is not in {File}", xml: false, besideXml: true);
            }
        }
    }

    private static bool Is(XElement element, string name) => string.Equals(element.Name.LocalName, name, StringComparison.OrdinalIgnoreCase);

    private static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>The record an element is, as one of the kinds read (<c>EPISODE</c>, <c>AREVIEW</c>, <c>REVIEW</c>,
    /// <c>AD_PLACED</c>), or null. A <c>REVIEW</c> is a review record only when it holds elements (its own <c>REVIEW</c>
    /// date and <c>REVIEW_CODE</c>); a <c>REVIEW</c> holding text only is the field of that name.</summary>
    private static string? KindOf(XElement element) =>
        Is(element, Episode) ? Episode
        : Is(element, Review) ? Review
        : Is(element, Adoption) ? Adoption
        : Is(element, ReviewRecord) && element.HasElements ? ReviewRecord
        : null;

    /// <summary>The header's fields: the value elements directly in <c>CHILD</c> and in its <c>HEADER</c>.</summary>
    private static IEnumerable<XElement> HeaderFields(XElement child) =>
        child.Elements().SelectMany(e => Is(e, Header) ? e.Elements() : [e]).Where(e => !e.HasElements && KindOf(e) is null);

    /// <summary>Records in <c>CHILD</c> that are not read: elements holding elements that are neither a record read, nor
    /// the <c>HEADER</c> or a wrapper holding one, nor inside a record read (there they are fields: a bad value); the
    /// outermost of them only.</summary>
    private static IEnumerable<XElement> OtherRecords(XElement parent)
    {
        foreach (XElement e in parent.Elements())
        {
            if (!e.HasElements || KindOf(e) is not null)
            {
                continue; // a field, or a record read
            }

            if (Is(e, Header) || e.Descendants().Any(static d => KindOf(d) is not null))
            {
                foreach (XElement inner in OtherRecords(e))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return e;
            }
        }
    }

    private static XElement? Field(XElement record, string name) => record.Elements().FirstOrDefault(e => Is(e, name));

    private static string Value(XElement? field) => field?.Value.Trim() ?? string.Empty;

    /// <summary>Each <c>CHILD</c> in turn, loaded alone (with line numbers), so that memory does not grow with the file.</summary>
    private IEnumerable<XElement> Children(RowParser? parser)
    {
        using XmlReader reader = Open();
        bool inRoot = false;
        while (Next(reader, ref inRoot, parser) is XElement child)
        {
            yield return child;
        }
    }

    private XmlReader Open()
    {
        try
        {
            return XmlReader.Create(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), Settings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Ssda903FormatException(File, string.Empty, $"{File} cannot be opened: {e.Message}", e);
        }
    }

    private XElement? Next(XmlReader reader, ref bool inRoot, RowParser? parser)
    {
        try
        {
            if (!inRoot)
            {
                if (reader.MoveToContent() != XmlNodeType.Element)
                {
                    throw new Ssda903FormatException(File, string.Empty, $"{File} has no root element: it is not an SSDA903 XML return (expected <{Root}>).");
                }

                if (!string.Equals(reader.LocalName, Root, StringComparison.OrdinalIgnoreCase))
                {
                    throw new Ssda903FormatException(File, reader.LocalName, $"{File} is not an SSDA903 XML return: its root element is <{reader.Name}> (line {Where(reader)}), expected <{Root}>.");
                }

                inRoot = true;
                if (reader.IsEmptyElement)
                {
                    reader.Read();
                    return End(reader);
                }

                reader.Read();
            }

            while (true)
            {
                reader.MoveToContent();
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0)
                {
                    reader.Read();
                    return End(reader);
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    if (!reader.Read())
                    {
                        return null;
                    }

                    continue;
                }

                if (string.Equals(reader.LocalName, Child, StringComparison.OrdinalIgnoreCase))
                {
                    XElement child;
                    using (XmlReader subtree = reader.ReadSubtree())
                    {
                        child = XElement.Load(subtree, LoadOptions.SetLineInfo);
                    }

                    reader.Read(); // past </CHILD>
                    return child;
                }

                int line = reader is IXmlLineInfo info ? info.LineNumber : 0;
                parser?.Notes.Add(File, reader.LocalName, "903-NOTE", $"<{reader.LocalName}> in <{Root}> is not a CHILD: ignored", line);
                reader.Skip();
            }
        }
        catch (XmlException e)
        {
            // The exception's position, or (for a DTD or a missing root, which it does not place) the reader's.
            var info = reader as IXmlLineInfo;
            (int line, int position) = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition) : (info?.LineNumber ?? 0, info?.LinePosition ?? 0);
            string where = line > 0 ? $"at line {line.ToString(CultureInfo.InvariantCulture)}, position {position.ToString(CultureInfo.InvariantCulture)}" : "from its start";
            string message = e.Message.Contains("DTD", StringComparison.Ordinal)
                ? $"{File} is refused{(line > 0 ? " " + where : string.Empty)}: it has a DOCTYPE (a DTD), which an SSDA903 return never has; it is not read, so that no other file or entity is pulled in."
                : $"{File} is not well-formed XML {where}: {e.Message}; nothing after it can be read, so the file is refused.";
            throw new Ssda903FormatException(File, string.Empty, message, e);
        }
    }

    /// <summary>After the root's end: only comments and whitespace may follow (the reader refuses anything else).</summary>
    private static XElement? End(XmlReader reader)
    {
        while (reader.Read())
        {
        }

        return null;
    }

    private static string Where(XmlReader reader) => reader is IXmlLineInfo info ? info.LineNumber.ToString(CultureInfo.InvariantCulture) : "?";

    /// <summary>One <c>CHILD</c>'s records into its <see cref="ChildRows"/> (a new one, or the one in <paramref name="whole"/>).</summary>
    private ChildRows? Fill(XElement child, RowParser parser, int rank, Dictionary<string, ChildRows>? whole, Dictionary<string, List<HeldRecord>> pending)
    {
        var header = new XmlRecord(this, Tables.Header, Header, child, HeaderFields(child));
        var records = child.Descendants()
            .Select(e => (Element: e, Kind: KindOf(e)))
            .Where(r => r.Kind is not null)
            .Select(r => new XmlRecord(this, TableOf(r.Kind!), r.Kind!, r.Element, r.Element.Elements()))
            .ToList(); // in file order

        // A record not read is listed (IgnoredFiles) and noted, once per element name with a count: never dropped unsaid.
        foreach (XElement other in OtherRecords(child))
        {
            string name = other.Name.LocalName;
            parser.Notes.Add(File, name, "903-NOTE", $"<{name}> records are not read (the reader reads CHILD's HEADER, EPISODE, AREVIEW or REVIEW, and AD_PLACED); listed as {File}/{name} in the files ignored", LineOf(other));
        }

        string id = header.Text("CHILDID");
        if (id.Length == 0)
        {
            string message = "the CHILD has no CHILDID (blank or missing), so the record's owner cannot be known";
            if (header.HasFields)
            {
                parser.Orphan(File, header.LineOf("CHILDID"), Header + "/CHILDID", header.Text("CHILDID"), message, xml: true);
            }

            foreach (XmlRecord record in records)
            {
                parser.Orphan(File, record.LineOf("CHILDID"), Header + "/CHILDID", record.Text("CHILDID"), message, xml: true);
            }

            return null;
        }

        ChildRows? rows = null;
        if (whole is null || !whole.TryGetValue(id, out rows))
        {
            rows = new ChildRows(id, rank);
            if (whole is not null)
            {
                whole[id] = rows;
            }
        }

        // The values are read, checked and reported where the CSV tables' are (RowParser), under the XML's names.
        parser.Read(Tables.Header, header, rows);
        foreach (XmlRecord record in records)
        {
            parser.Read(record.Table, record, rows);
        }

        if (pending.Remove(id, out List<HeldRecord>? held))
        {
            foreach (HeldRecord row in held)
            {
                parser.Read(Tables.Allocations, row, rows); // its IRO allocations, from the iro_allocations.csv beside the return
            }
        }

        return rows;
    }

    private static int TableOf(string kind) => kind switch
    {
        Episode => Tables.Episodes,
        Review or ReviewRecord => Tables.Reviews,
        _ => Tables.Adoption,
    };

    /// <summary>One record (the header, an EPISODE, an AREVIEW or REVIEW, an AD_PLACED) as an <see cref="IRecord"/>: its fields
    /// by name, with their lines, numbered as the CSV table's columns.</summary>
    private sealed class XmlRecord : IRecord
    {
        /// <summary>The elements that hold each table's columns (<see cref="Tables.Columns"/>); PLACE is PL (or PLACE).</summary>
        private static readonly string[][] Names =
        [
            ["CHILDID", "DOB"],
            ["CHILDID", "DECOM", "RNE", "LS", "PL", "DEC", "REC"],
            ["CHILDID", "REVIEW", "REVIEW_CODE"],
            ["CHILDID", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
        ];

        private readonly XmlReturn source;
        private readonly string kind;
        private readonly Dictionary<string, XElement> fields = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<XElement> repeated = new();
        private readonly string place;

        internal XmlRecord(XmlReturn source, int table, string kind, XElement element, IEnumerable<XElement> values)
        {
            this.source = source;
            this.kind = kind;
            Table = table;
            Line = XmlReturn.LineOf(element);
            foreach (XElement value in values)
            {
                if (!fields.TryAdd(value.Name.LocalName, value))
                {
                    repeated.Add(value);
                }
            }

            if (kind == Header && fields.TryGetValue("CHILDID", out XElement? id))
            {
                Line = XmlReturn.LineOf(id); // the header "row" is where its id is
            }

            place = fields.ContainsKey("PL") || !fields.ContainsKey("PLACE") ? "PL" : "PLACE";
        }

        /// <summary>The table whose rows the record holds (<see cref="Tables"/>).</summary>
        internal int Table { get; }

        public string File => source.File;

        public int Line { get; }

        internal bool HasFields => fields.Count > 0;

        public bool Has(int column) => fields.ContainsKey(Name(column));

        public ReadOnlySpan<char> Raw(int column) => fields.TryGetValue(Name(column), out XElement? field) ? field.Value : ReadOnlySpan<char>.Empty;

        public int LineOf(int column) => LineOf(Name(column));

        public string Column(int column) => kind + "/" + Name(column);

        public string RowColumn => kind + "/(row)";

        internal int LineOf(string name) => fields.TryGetValue(name, out XElement? field) ? XmlReturn.LineOf(field) : Line;

        internal string Text(string name) => fields.TryGetValue(name, out XElement? field) ? field.Value.Trim() : string.Empty;

        /// <summary>A field given twice, or holding elements instead of a value: which value is meant cannot be known.</summary>
        public void CheckShape(RowParser parser, ChildRows rows)
        {
            foreach (XElement again in repeated)
            {
                string name = again.Name.LocalName;
                parser.Problem(rows, File, XmlReturn.LineOf(again), kind + "/" + name, again.Value.Trim(),
                    $"{kind} has {name} more than once (first at line {LineOf(name).ToString(CultureInfo.InvariantCulture)}): which one holds the data cannot be known");
            }

            foreach (XElement field in fields.Values.Where(f => f.HasElements))
            {
                parser.Problem(rows, File, XmlReturn.LineOf(field), kind + "/" + field.Name.LocalName, field.Value.Trim(), "the element holds other elements, not a value");
            }
        }

        private string Name(int column) => Table == Tables.Episodes && column == 4 ? place : Names[Table][column];
    }
}
