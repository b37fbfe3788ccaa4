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
using Iro.Rules.Participation;
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
    /// <c>AREVIEW</c> records, <c>REVIEW</c> and <c>REVIEW_CODE</c>, and its <c>AD_PLACED</c> records,
    /// <c>DATE_PLACED</c>, <c>DATE_PLACED_CEASED</c>, <c>REASON_PLACED_CEASED</c>) and its <c>EPISODE</c> records
    /// (<c>DECOM</c>, <c>RNE</c>, <c>LS</c>, <c>PL</c>, <c>DEC</c>, <c>REC</c>; <c>PL</c> is the CSV's PLACE, and
    /// <c>PLACE</c> is read too). Element order is free, the records may sit in a wrapper (<c>EPISODES</c>), and
    /// <c>CHILDID</c> and <c>DOB</c> may sit directly in <c>CHILD</c>. The return's other fields (UPN, SEX, CIN, ...)
    /// are not read; its other records (<c>OC2</c>, <c>AMISSING</c>, <c>PERMANENCE</c>, ...) are listed in
    /// <see cref="Ssda903ReadResult.IgnoredFiles"/> as <c>file/ELEMENT</c>; an element other than <c>CHILD</c> in
    /// <c>EXPSSDA903</c> is ignored with a note.</para>
    /// <para>A row, for the counts, is a record: the header (a <c>CHILD</c>'s own fields), each <c>EPISODE</c>,
    /// <c>AREVIEW</c> and <c>AD_PLACED</c>. A bad value is a <c>903-VALUE</c> problem naming the file, the line of the
    /// element and the element (<c>EPISODE/DECOM</c>), with its value; the child is not evaluated. A <c>CHILD</c> with
    /// no <c>CHILDID</c> is read as rows with no known child (<c>903-ORPHAN</c>). The file is read as a stream (each
    /// <c>CHILD</c> in turn; twice, the first pass checking it and finding the return's year); a DOCTYPE is refused (no
    /// DTD, no external entity is ever read), and XML that is not well-formed throws
    /// <see cref="Ssda903FormatException"/> naming the file, line and position before any child is given out.</para>
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
    private const string Adoption = "AD_PLACED";

    private static readonly string[] Records = [Episode, Review, Adoption];

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

    internal LocalDate? Earliest { get; private set; }

    internal LocalDate? LatestStart { get; private set; }

    internal LocalDate? Latest { get; private set; }

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
                if (Is(record, Review))
                {
                    See(Field(record, "REVIEW"), start: false);
                }
                else if (Is(record, Episode))
                {
                    See(Field(record, "DEC"), start: false);
                    See(Field(record, "DECOM"), start: true);
                }
            }

            foreach (XElement other in OtherRecords(child))
            {
                ignored.Add(other.Name.LocalName);
            }
        }
    }

    /// <summary>The second pass, one child at a time, in file order; a <c>CHILD</c> with no id is counted and reported as rows with no known child.</summary>
    internal IEnumerable<ChildRows> Read(RowParser parser, int rank)
    {
        foreach (XElement child in Children(parser))
        {
            if (Fill(child, parser, rank, null) is ChildRows rows)
            {
                yield return rows;
            }
        }
    }

    /// <summary>The second pass with every child held: a child in two <c>CHILD</c> elements is one child, reported as twice in the file.</summary>
    internal Dictionary<string, ChildRows> ReadWhole(RowParser parser, int rank)
    {
        var children = new Dictionary<string, ChildRows>(StringComparer.Ordinal);
        foreach (XElement child in Children(parser))
        {
            Fill(child, parser, rank, children);
        }

        return children;
    }

    private static bool Is(XElement element, string name) => string.Equals(element.Name.LocalName, name, StringComparison.OrdinalIgnoreCase);

    private static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>The header's fields: the value elements directly in <c>CHILD</c> and in its <c>HEADER</c>.</summary>
    private static IEnumerable<XElement> HeaderFields(XElement child) =>
        child.Elements().SelectMany(e => Is(e, Header) ? e.Elements() : [e]).Where(e => !e.HasElements && !Records.Any(r => Is(e, r)));

    /// <summary>Records in <c>CHILD</c> or its <c>HEADER</c> that are not read: elements holding elements, neither a record read nor a wrapper of one.</summary>
    private static IEnumerable<XElement> OtherRecords(XElement child) =>
        child.Elements().SelectMany(e => Is(e, Header) ? e.Elements() : [e])
            .Where(e => e.HasElements && !Is(e, Header) && !Records.Any(r => Is(e, r)) && !e.Descendants().Any(d => Records.Any(r => Is(d, r))));

    private static XElement? Field(XElement record, string name) => record.Elements().FirstOrDefault(e => Is(e, name));

    private void See(XElement? field, bool start)
    {
        string text = field?.Value.Trim() ?? string.Empty;
        if (text.Length == 0 || !Ssda903Values.TryParseDate(text, out LocalDate date, out _))
        {
            return;
        }

        if (start)
        {
            LatestStart = LatestStart is LocalDate s && s >= date ? s : date;
        }
        else
        {
            Earliest = Earliest is LocalDate e && e <= date ? e : date;
        }

        Latest = Latest is LocalDate l && l >= date ? l : date;
    }

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
    private ChildRows? Fill(XElement child, RowParser parser, int rank, Dictionary<string, ChildRows>? whole)
    {
        var header = new XmlRecord(this, parser, Header, child, HeaderFields(child));
        var records = child.Descendants()
            .Select(e => (Element: e, Kind: Array.Find(Records, r => Is(e, r))))
            .Where(r => r.Kind is not null)
            .Select(r => new XmlRecord(this, parser, r.Kind!, r.Element, r.Element.Elements()))
            .ToList(); // in file order

        string id = header.Text("CHILDID");
        if (id.Length == 0)
        {
            string message = "the CHILD has no CHILDID (blank or missing), so the record's owner cannot be known";
            if (header.HasFields)
            {
                Orphan(parser, header, message);
            }

            foreach (XmlRecord record in records)
            {
                Orphan(parser, record, message);
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

        header.Count(rows);
        rows.HeaderRows++;
        rows.HeaderLines.Add((File, header.Line));
        header.Check(rows);
        if (header.Date(rows, "DOB", required: true) is LocalDate dob)
        {
            rows.Births.Add(new BirthRow(dob, rows.Return, File, header.Line));
        }

        foreach (XmlRecord record in records)
        {
            record.Count(rows);
            record.Check(rows);
            switch (record.Kind)
            {
                case Episode:
                    ReadEpisode(record, rows);
                    break;
                case Review:
                    LocalDate? held = record.Date(rows, "REVIEW", required: true);
                    if (!ParticipationCodes.TryParse(record.Code("REVIEW_CODE"), out ParticipationCode code, out string? error))
                    {
                        record.Problem(rows, "REVIEW_CODE", error);
                    }
                    else if (held is LocalDate date)
                    {
                        rows.Reviews.Add(new ReviewRow(date, code, rows.Return, File, record.Line));
                    }

                    break;
                default:
                    ReadAdoption(record, rows);
                    break;
            }
        }

        return rows;
    }

    private void Orphan(RowParser parser, XmlRecord record, string message)
    {
        parser.RowsRead++;
        parser.RowsWithoutChild++;
        parser.Problem(null, File, record.LineOf("CHILDID"), Header + "/CHILDID", record.Text("CHILDID"), message, "903-ORPHAN");
    }

    private void ReadEpisode(XmlRecord record, ChildRows rows)
    {
        LocalDate? start = record.Date(rows, "DECOM", required: true);
        LocalDate? end = record.Date(rows, "DEC", required: false);
        bool ok = start is not null && (end is not null || record.Text("DEC").Length == 0);
        if (!LegalStatuses.TryParseReason(record.Code("RNE"), out ReasonForNewEpisode rne, out string? rneError))
        {
            record.Problem(rows, "RNE", rneError);
            ok = false;
        }

        if (!LegalStatuses.TryParseLegalStatus(record.Code("LS"), out LegalStatus ls, out string? lsError))
        {
            record.Problem(rows, "LS", lsError);
            ok = false;
        }

        string placeField = record.Has("PL") || !record.Has("PLACE") ? "PL" : "PLACE";
        string place = record.Code(placeField);
        if (!Ssda903Values.PlaceCodes.Contains(place))
        {
            record.Problem(rows, placeField, place.Length == 0
                ? "the placement type is blank; expected an SSDA903 PLACE code such as U1 or A3 (LOC-3, LOC-4 read it)"
                : "not an SSDA903 placement type (PL, the CSV's PLACE) code: A3-A6, H5, K1-K3, P1-P3, R1-R3, R5, S1, T0-T4, U1-U6, Z1");
            ok = false;
        }

        string rec = record.Code("REC");
        if (ok && end is LocalDate e && e < start!.Value)
        {
            record.Problem(rows, "DEC", $"the episode ends before it starts ({RowParser.Iso(start.Value)})");
            ok = false;
        }

        if (ok)
        {
            rows.Episodes.Add(new EpisodeRow(start!.Value, end, ls, rne, place, rec, rows.Return, File, record.Line));
        }
    }

    private void ReadAdoption(XmlRecord record, ChildRows rows)
    {
        LocalDate? decided = record.Date(rows, "DATE_PLACED", required: true);
        LocalDate? ceased = record.Date(rows, "DATE_PLACED_CEASED", required: false);
        string reason = record.Code("REASON_PLACED_CEASED");
        bool ok = decided is not null && (ceased is not null || record.Text("DATE_PLACED_CEASED").Length == 0);
        if (reason.Length > 0 && !Ssda903Values.ReasonPlacedCeasedCodes.Contains(reason))
        {
            record.Problem(rows, "REASON_PLACED_CEASED", "not one of RD1, RD2, RD3, RD4 (the reason the decision to place for adoption ceased)");
            ok = false;
        }

        if (ok && ceased is LocalDate c && c < decided!.Value)
        {
            record.Problem(rows, "DATE_PLACED_CEASED", $"the decision ceased before it was made ({RowParser.Iso(decided.Value)})");
            ok = false;
        }

        if (ok)
        {
            rows.Adoptions.Add(new AdoptionRow(decided!.Value, ceased, reason, rows.Return, File, record.Line));
        }
    }

    /// <summary>One record (the header, an EPISODE, an AREVIEW, an AD_PLACED): its fields by name, with their lines.</summary>
    private sealed class XmlRecord
    {
        private readonly XmlReturn source;
        private readonly RowParser parser;
        private readonly Dictionary<string, XElement> fields = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<XElement> repeated = new();

        internal XmlRecord(XmlReturn source, RowParser parser, string kind, XElement element, IEnumerable<XElement> values)
        {
            this.source = source;
            this.parser = parser;
            Kind = kind;
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
        }

        internal string Kind { get; }

        internal int Line { get; }

        internal bool HasFields => fields.Count > 0;

        internal bool Has(string name) => fields.ContainsKey(name);

        internal string Column(string name) => Kind + "/" + name;

        internal int LineOf(string name) => fields.TryGetValue(name, out XElement? field) ? XmlReturn.LineOf(field) : Line;

        internal string Text(string name) => fields.TryGetValue(name, out XElement? field) ? field.Value.Trim() : string.Empty;

        /// <summary>Counts the record as a row of the child.</summary>
        internal void Count(ChildRows rows)
        {
            parser.RowsRead++;
            rows.Rows++;
        }

        /// <summary>A field given twice, or holding elements instead of a value: which value is meant cannot be known.</summary>
        internal void Check(ChildRows rows)
        {
            foreach (XElement again in repeated)
            {
                string name = again.Name.LocalName;
                parser.Problem(rows, source.File, XmlReturn.LineOf(again), Column(name), again.Value.Trim(),
                    $"{Kind} has {name} more than once (first at line {LineOf(name).ToString(CultureInfo.InvariantCulture)}): which one holds the data cannot be known");
            }

            foreach (XElement field in fields.Values.Where(f => f.HasElements))
            {
                parser.Problem(rows, source.File, XmlReturn.LineOf(field), Column(field.Name.LocalName), field.Value.Trim(), "the element holds other elements, not a value");
            }
        }

        internal void Problem(ChildRows rows, string name, string message) =>
            parser.Problem(rows, source.File, LineOf(name), Column(name), Text(name), message);

        internal LocalDate? Date(ChildRows rows, string name, bool required)
        {
            string text = Text(name);
            if (text.Length == 0)
            {
                if (required)
                {
                    Problem(rows, name, $"the date is {(Has(name) ? "blank" : "missing")} ({Ssda903Values.DateFormats})");
                }

                return null;
            }

            if (Ssda903Values.TryParseDate(text, out LocalDate date, out string? error))
            {
                return date;
            }

            Problem(rows, name, error + (name == "DEC" ? ", or blank for an open episode" : string.Empty));
            return null;
        }

        internal string Code(string name)
        {
            if (!fields.TryGetValue(name, out XElement? field))
            {
                return string.Empty;
            }

            string raw = field.Value;
            string text = raw.Trim();
            string code = Ssda903Values.NormaliseCode(text, raw, out bool changed);
            if (changed && code.Length > 0)
            {
                int line = XmlReturn.LineOf(field);
                parser.Notes.Add(source.File, Column(name), "903-NOTE", $"{RowParser.ValidatorNote} (line {line.ToString(CultureInfo.InvariantCulture)}: '{text}' as '{code}')", line);
            }

            return code;
        }
    }
}
