using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Iro.Rules.Caseload;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Ssda903;

/// <summary>SSDA903 returns read one child at a time: <see cref="Children"/> gives each child to evaluate as it is
/// read, and once it has been enumerated, <see cref="Result"/> gives the counts, problems and children not evaluated.</summary>
/// <remarks>
/// <para>Memory: when every file of every folder is ordered by CHILD (ascending, as numbers or as text: returns are
/// in practice), the reader holds one child per return at a time, plus the problems and the children not evaluated;
/// memory stays flat as the caseload grows. Each file is read twice (a first pass checks the order and, for an
/// inferred window, finds the earliest REVIEW and DEC). When any file is not ordered, the reader says so in a note and
/// holds every child's rows before giving out the first (several KB a child, growing with the caseload), so that no
/// child is ever evaluated on half its rows.</para>
/// <para>Created by <see cref="Ssda903Reader.Open"/>; <see cref="Children"/> may be enumerated once. Not thread-safe.
/// Dispose to close the files early.</para>
/// </remarks>
public sealed class Ssda903Stream : IDisposable
{
    private readonly Ssda903Session session;
    private Ssda903ReadResult? result;
    private bool started;

    internal Ssda903Stream(Ssda903Session session) => this.session = session;

    /// <summary>The windows read, one per folder, earliest first; empty for a complete history (903-W).</summary>
    public IReadOnlyList<Ssda903Window> Windows => session.Windows;

    /// <summary>Other SSDA903 tables found in the folders and not read.</summary>
    public IReadOnlyList<string> IgnoredFiles => session.IgnoredFiles;

    /// <summary>Whether the files are ordered by child, so that children are read one at a time; otherwise every child is held in memory first.</summary>
    public bool Streaming => session.Streaming;

    /// <summary>What the files record beyond episodes and reviews (<see cref="Ssda903ReadResult.Recorded"/>), known before any child is read.</summary>
    public RecordedFacts Recorded => session.Recorded;

    /// <summary>The IROs and their FTEs from <c>iro_roster.csv</c> (IRO-3), read and checked when the stream was opened; <see langword="null"/> when no folder has one.</summary>
    public Escalation.IroRoster? IroRoster => session.Roster;

    /// <summary>The children to evaluate, in file order, each once its every row in every return has been read and found good.</summary>
    /// <exception cref="InvalidOperationException">Enumerated a second time.</exception>
    /// <exception cref="Ssda903FormatException">A file changed between the two passes so that it can no longer be read.</exception>
    public IEnumerable<ChildCase> Children
    {
        get
        {
            if (started)
            {
                throw new InvalidOperationException("The SSDA903 children can be enumerated once; open the folders again to read them again.");
            }

            started = true;
            return Enumerate();
        }
    }

    /// <summary>The counts, problems, notes and children not evaluated, once <see cref="Children"/> has been enumerated to the end.</summary>
    /// <remarks>Its <see cref="Ssda903ReadResult.Children"/> is empty (they were given out one at a time);
    /// <see cref="Ssda903ReadResult.ChildrenEvaluated"/> counts them.</remarks>
    /// <exception cref="InvalidOperationException"><see cref="Children"/> has not been enumerated to the end.</exception>
    public Ssda903ReadResult Result => result ?? throw new InvalidOperationException("Enumerate Children to the end first: the counts are known only then.");

    /// <inheritdoc/>
    public void Dispose() => session.Dispose();

    private IEnumerable<ChildCase> Enumerate()
    {
        using (session)
        {
            foreach (ChildCase child in session.Run())
            {
                yield return child;
            }

            result = session.Finish(Array.Empty<ChildCase>());
        }
    }
}

/// <summary>One read of one or more SSDA903 folders (or readers): plan, pass over the rows, assemble each child.</summary>
internal sealed class Ssda903Session : IDisposable
{
    private readonly RowParser parser = new();
    private readonly List<Source> sources;
    private readonly Ssda903ReadOptions options;
    private readonly List<ChildEvaluation> notEvaluated = new();
    private readonly List<IDisposable> open = new();
    private readonly ChildOrder? order;
    private LocalDate? knownFrom;
    private int childrenRead;
    private int childrenEvaluated;
    private int rowsUsed;

    private Ssda903Session(List<Source> sources, Ssda903ReadOptions options, ChildOrder? order, IReadOnlyList<string> ignored)
    {
        this.sources = sources;
        this.options = options;
        this.order = order;
        IgnoredFiles = ignored;
        Streaming = order is not null;
        recordsAllocations = sources.Exists(static s => s.Has(Tables.Allocations));
    }

    private readonly bool recordsAllocations;

    internal IReadOnlyList<Ssda903Window> Windows { get; private set; } = Array.Empty<Ssda903Window>();

    internal IReadOnlyList<string> IgnoredFiles { get; }

    internal bool Streaming { get; }

    /// <summary>The IROs' FTEs from iro_roster.csv (IRO-3), or null when no folder has one.</summary>
    internal Escalation.IroRoster? Roster { get; private set; }

    /// <summary>Whether any return has iro_allocations.csv: then every child's allocations are recorded (possibly none).</summary>
    internal bool RecordsAllocations => recordsAllocations;

    /// <summary>What the files record beyond episodes and reviews.</summary>
    internal RecordedFacts Recorded => RecordsAllocations ? RecordedFacts.IroAllocations : RecordedFacts.None;

    /// <summary>Plans a read of folders: checks every file's header, the order of the rows, and each window.</summary>
    internal static Ssda903Session ForFolders(IReadOnlyList<string> folders, Ssda903ReadOptions options)
    {
        if (folders.Count == 0)
        {
            throw new ArgumentException("Give at least one SSDA903 folder.", nameof(folders));
        }

        if (options.CollectionYear is not null && folders.Count > 1)
        {
            throw new ArgumentException("CollectionYear names the year of a single return; with several folders each return's year is inferred from its data.", nameof(options));
        }

        var sources = new List<Source>();
        var ignored = new List<string>();
        foreach (string folder in folders)
        {
            if (XmlReturn.TryFind(folder, out string xml))
            {
                // An XML return (a file, or a folder holding one and no header.csv): its records in place of the tables.
                // The council's iro_allocations.csv and iro_roster.csv are read from the XML file's folder, as from a CSV folder.
                string beside = Path.GetDirectoryName(Path.GetFullPath(xml))!;
                string parent = folders.Count == 1 ? string.Empty : Path.GetFileName(beside) + "/";
                var xmlPaths = new string?[Tables.Names.Length];
                string? allocations = Find(Directory.GetFiles(beside).Select(Path.GetFileName).OfType<string>().ToArray(), Tables.Names[Tables.Allocations]);
                xmlPaths[Tables.Allocations] = allocations is null ? null : Path.Combine(beside, allocations);
                sources.Add(new Source(folder, parent, xmlPaths, null, sources.Count) { Xml = new XmlReturn(xml, parent + Path.GetFileName(xml)), FilesIn = beside });
                continue;
            }

            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"The SSDA903 folder '{folder}' does not exist.");
            }

            string label = folders.Count == 1 ? string.Empty : Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))) + "/";
            var files = Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().ToArray();
            var paths = new string?[Tables.Names.Length];
            for (int t = 0; t < Tables.Names.Length; t++)
            {
                string? name = Find(files, Tables.Names[t]);
                paths[t] = name is null ? null : Path.Combine(folder, name);
                if (name is null && t < Tables.Adoption)
                {
                    throw new Ssda903FormatException(label + Tables.Names[t], string.Empty,
                        $"The SSDA903 folder '{folder}' has no {Tables.Names[t]}; it needs header.csv, episodes.csv and reviews.csv (placed_for_adoption.csv, iro_allocations.csv and iro_roster.csv are optional). Files found: {(files.Length == 0 ? "none" : string.Join(", ", files.Order(StringComparer.Ordinal)))}.");
                }
            }

            ignored.AddRange(files
                .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !Tables.Names.Contains(f, StringComparer.OrdinalIgnoreCase) && !string.Equals(f, IroRosterFile.Name, StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(f => label + f));
            sources.Add(new Source(folder, label, paths, null, sources.Count));
        }

        // First pass: headers, order, and the dates that place each return in its year. Each file is scanned on its
        // own (on as many cores as there are), and what they found is put together in file order, so that the first
        // problem in that order is the one reported, as when they were scanned one after another.
        var scans = sources.SelectMany(s => Enumerable.Range(0, Tables.Names.Length).Select(t => (Source: s, Table: t))).ToArray();
        var found = new Source.Scanned?[scans.Length];
        var failures = new Exception?[scans.Length];
        System.Threading.Tasks.Parallel.For(0, scans.Length, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                found[i] = scans[i].Source.Scan(scans[i].Table);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });
        for (int i = 0; i < scans.Length; i++)
        {
            if (failures[i] is Exception e)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
            }

            scans[i].Source.Add(found[i]);
        }

        ignored.AddRange(sources.Where(s => s.Xml is not null).SelectMany(s => s.Xml!.Ignored));
        ChildOrder? order = sources is [{ Xml.UniqueIds: true }] ? ChildOrder.Ordinal // one XML return: each CHILD holds all its records, in any order
            : sources.All(s => s.SortedNumeric) ? ChildOrder.Numeric : sources.All(s => s.SortedOrdinal) ? ChildOrder.Ordinal : null;
        var session = new Ssda903Session(sources, options, order, ignored);
        session.PlaceWindows();
        session.Roster = IroRosterFile.Read(sources.OrderBy(s => s.Rank).Select(s => (s.FilesIn, s.Label)).ToArray(), session.parser); // a later return's FTE wins
        if (order is null)
        {
            session.parser.Notes.AddOnce(string.Empty, "The files are not ordered by CHILD (each file ascending, as numbers or as text, in the same order as header.csv), so every child's rows were held in memory before the first child was given out: memory grows with the caseload (several KB a child) instead of staying flat.");
        }

        return session;
    }

    /// <summary>The file of that name in a folder's files: in that letter case, else in any.</summary>
    private static string? Find(string[] files, string name) =>
        files.FirstOrDefault(f => string.Equals(f, name, StringComparison.Ordinal))
        ?? files.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Plans a read of one return from readers: every row is held (a reader cannot be read twice).</summary>
    internal static Ssda903Session ForReaders(TextReader?[] readers, Ssda903ReadOptions options)
    {
        var all = new TextReader?[Tables.Names.Length];
        readers.CopyTo(all, 0);
        var source = new Source(string.Empty, string.Empty, new string?[Tables.Names.Length], all, 0);
        return new Ssda903Session([source], options, null, Array.Empty<string>());
    }

    internal IEnumerable<ChildCase> Run()
    {
        IEnumerable<List<ChildRows>> groups = order is null ? Buffered() : Merged(order);
        foreach (List<ChildRows> group in groups)
        {
            childrenRead++;
            if (Assemble(group) is ChildCase child)
            {
                childrenEvaluated++;
                yield return child;
            }
        }
    }

    internal Ssda903ReadResult Finish(IReadOnlyList<ChildCase> children)
    {
        int rowsRejected = parser.RowsRead - rowsUsed;
        var reasons = new List<string>();
        if (childrenEvaluated == 0)
        {
            reasons.Add(childrenRead == 0 ? "no child was read: header.csv has no rows" : $"no child could be evaluated (all {childrenRead.ToString(CultureInfo.InvariantCulture)} were rejected)");
        }

        if (parser.RowsWithoutChild > 0)
        {
            // Named as the sources name them: a CSV row's CHILD, an XML record's CHILD element with no CHILDID, a row
            // of iro_allocations.csv beside an XML return.
            var kinds = new List<string>(3);
            if (parser.RowsWithoutChild - parser.XmlRowsWithoutChild - parser.BesideXmlRowsWithoutChild > 0)
            {
                kinds.Add("a blank CHILD or one not in header.csv");
            }

            if (parser.XmlRowsWithoutChild > 0)
            {
                kinds.Add("a CHILD with a blank or missing CHILDID in the XML return");
            }

            if (parser.BesideXmlRowsWithoutChild > 0)
            {
                kinds.Add("a blank CHILD or one not in the XML return (in the iro_allocations.csv beside it)");
            }

            string why = string.Join(", or ", kinds);
            reasons.Add($"{parser.RowsWithoutChild.ToString(CultureInfo.InvariantCulture)} row{(parser.RowsWithoutChild == 1 ? " has" : "s have")} {why}: their owners cannot be known, so some child may have been evaluated without them");
        }

        if (parser.OtherRowsRejected > 0)
        {
            reasons.Add($"{parser.OtherRowsRejected.ToString(CultureInfo.InvariantCulture)} row{(parser.OtherRowsRejected == 1 ? " of iro_roster.csv was" : "s of iro_roster.csv were")} rejected: the IROs they name count as 1.0 FTE (not on the roster), so their IRO-3 ranges may be wrong");
        }

        if (parser.RowsRead > 0 && rowsRejected > options.MaxRejectedShare * parser.RowsRead)
        {
            reasons.Add($"{rowsRejected.ToString(CultureInfo.InvariantCulture)} of {parser.RowsRead.ToString(CultureInfo.InvariantCulture)} rows were rejected, more than {options.MaxRejectedShare.ToString("P0", CultureInfo.InvariantCulture)}");
        }

        if (childrenRead > 0 && notEvaluated.Count > options.MaxRejectedShare * childrenRead)
        {
            reasons.Add($"{notEvaluated.Count.ToString(CultureInfo.InvariantCulture)} of {childrenRead.ToString(CultureInfo.InvariantCulture)} children could not be evaluated, more than {options.MaxRejectedShare.ToString("P0", CultureInfo.InvariantCulture)}");
        }

        return new Ssda903ReadResult(children, notEvaluated.AsReadOnly(), parser.Problems.AsReadOnly(), parser.RowsRead, rowsUsed, rowsRejected)
        {
            Windows = Windows,
            IgnoredFiles = IgnoredFiles,
            IroRoster = Roster,
            Recorded = Recorded,
            Notes = parser.Notes.ToList(),
            ProblemSummary = parser.ProblemTally.ToList(),
            RowsWithoutChild = parser.RowsWithoutChild,
            ChildrenRead = childrenRead,
            ChildrenEvaluated = childrenEvaluated,
            IncompleteReasons = reasons.AsReadOnly(),
        };
    }

    public void Dispose()
    {
        foreach (IDisposable d in open)
        {
            d.Dispose();
        }

        open.Clear();
    }

    /// <summary>Every child's rows held first: returns read whole, then the children in order of first appearance (earliest return first).</summary>
    private IEnumerable<List<ChildRows>> Buffered()
    {
        var all = new Dictionary<string, List<ChildRows>>(StringComparer.Ordinal);
        var sequence = new List<string>();
        var held = new List<Dictionary<string, ChildRows>>();
        foreach (Source source in sources)
        {
            held.Add(ReadWhole(source));
        }

        if (Windows.Count == 0 && !options.FullHistory)
        {
            PlaceWindows(); // readers: the years are known only once every row has been read
        }

        foreach (Source source in sources.OrderBy(s => s.Rank))
        {
            foreach (ChildRows rows in held[source.Index].Values)
            {
                if (!all.TryGetValue(rows.Id, out List<ChildRows>? list))
                {
                    all[rows.Id] = list = new List<ChildRows>(sources.Count);
                    sequence.Add(rows.Id);
                }

                list.Add(rows);
            }
        }

        held.Clear();
        foreach (string id in sequence)
        {
            List<ChildRows> group = all[id];
            all.Remove(id);
            yield return group;
        }
    }

    private Dictionary<string, ChildRows> ReadWhole(Source source)
    {
        if (source.Xml is not null)
        {
            return source.Xml.ReadWhole(parser, source.Rank);
        }

        var children = new Dictionary<string, ChildRows>(StringComparer.Ordinal);
        for (int t = 0; t < Tables.Names.Length; t++)
        {
            using CsvTable? table = source.OpenTable(t);
            if (table is null)
            {
                continue;
            }

            while (table.Read())
            {
                string child = table.Get(0);
                if (child.Length == 0)
                {
                    parser.Orphan(table, child, t == Tables.Header);
                    continue;
                }

                if (!children.TryGetValue(child, out ChildRows? rows))
                {
                    if (t != Tables.Header)
                    {
                        parser.Orphan(table, child);
                        continue;
                    }

                    children[child] = rows = new ChildRows(child, source.Rank);
                }

                parser.Read(t, table, rows);
                if (t is Tables.Episodes or Tables.Reviews)
                {
                    source.See(t, table);
                }
            }
        }

        return children;
    }

    /// <summary>Every file ordered by child: a merge of the tables of each return, then of the returns, one child at a time.</summary>
    private IEnumerable<List<ChildRows>> Merged(ChildOrder comparer)
    {
        // One return: its child's rows are put together before the next child is read, so one set of rows is reused.
        bool reuse = sources.Count == 1;
        var streams = sources.Select(s => (s.Xml?.Read(parser, s.Rank) ?? Stream(s, comparer, reuse)).GetEnumerator()).ToList();
        foreach (var e in streams)
        {
            open.Add(e);
        }

        var live = streams.Where(e => e.MoveNext()).ToList();
        if (live.Count == 1)
        {
            // One return: each child's rows are a group of one (the same list each time: the child is put together
            // from it before the next is read).
            IEnumerator<ChildRows> only = live[0];
            var one = new List<ChildRows>(1) { only.Current };
            do
            {
                one[0] = only.Current;
                yield return one;
            }
            while (only.MoveNext());

            yield break;
        }

        while (live.Count > 0)
        {
            string min = live.Select(e => e.Current.Id).Min(comparer)!;
            var group = new List<ChildRows>(live.Count);
            foreach (var e in live.ToArray())
            {
                if (comparer.Compare(e.Current.Id, min) == 0)
                {
                    group.Add(e.Current);
                    if (!e.MoveNext())
                    {
                        live.Remove(e);
                    }
                }
            }

            group.Sort((a, b) => a.Return.CompareTo(b.Return));
            yield return group;
        }
    }

    /// <summary>One return's CSV tables, merged child by child. <paramref name="reuse"/>: each child's rows are given
    /// back (put together) before the next child is read, so the same rows are reused for it.</summary>
    private IEnumerable<ChildRows> Stream(Source source, ChildOrder comparer, bool reuse)
    {
        ChildRows? spare = null;
        var tables = new CsvTable?[Tables.Names.Length];
        try
        {
            for (int t = 0; t < Tables.Names.Length; t++)
            {
                tables[t] = source.OpenTable(t);
            }

            CsvTable header = tables[0]!;
            var has = new bool[Tables.Names.Length];
            for (int t = 1; t < Tables.Names.Length; t++)
            {
                has[t] = tables[t]?.Read() ?? false;
            }

            while (header.Read())
            {
                string id = header.Get(0);
                if (id.Length == 0)
                {
                    parser.Orphan(header, id, inHeaderFile: true);
                    continue;
                }

                ChildRows rows = reuse && spare is not null ? spare.Reset(id) : new ChildRows(id, source.Rank);
                spare = rows;
                parser.Read(Tables.Header, header, rows);
                for (int t = 1; t < Tables.Names.Length; t++)
                {
                    CsvTable? table = tables[t];
                    while (has[t])
                    {
                        ReadOnlySpan<char> child = table!.Span(0);
                        int c = child.IsEmpty ? -1 : comparer.Compare(child, id);
                        if (c > 0)
                        {
                            break;
                        }

                        if (c < 0)
                        {
                            parser.Orphan(table, child.ToString()); // blank, or sorts before this child without matching any earlier one
                        }
                        else
                        {
                            parser.Read(t, table, rows);
                        }

                        has[t] = table.Read();
                    }
                }

                yield return rows;
            }

            for (int t = 1; t < Tables.Names.Length; t++)
            {
                while (has[t])
                {
                    parser.Orphan(tables[t]!, tables[t]!.Get(0));
                    has[t] = tables[t]!.Read();
                }
            }
        }
        finally
        {
            foreach (CsvTable? table in tables)
            {
                table?.Dispose();
            }
        }
    }

    private void PlaceWindows()
    {
        if (options.FullHistory)
        {
            Windows = Array.Empty<Ssda903Window>();
            return;
        }

        var windows = new List<Ssda903Window>();
        foreach (Source source in sources)
        {
            int year;
            bool inferred = options.CollectionYear is null;
            string where = source.Folder.Length == 0 ? "the return" : $"the return in '{source.Folder}'";
            if (options.CollectionYear is int given)
            {
                year = given;
            }
            else if (source.Earliest is LocalDate earliest)
            {
                year = ReportingYear.Of(earliest).StartYear;
                parser.Notes.AddOnce(source.Label, $"{where} is taken as the {new ReportingYear(year)} return: the collection year of its earliest review or episode end ({RowParser.Iso(earliest)}); set CollectionYear to say otherwise.");
            }
            else if (source.LatestStart is LocalDate latest)
            {
                year = ReportingYear.Of(latest).StartYear;
                parser.Notes.AddOnce(source.Label, $"{where} has no review and no episode end, so it is taken as the {new ReportingYear(year)} return, the year of its latest DECOM ({RowParser.Iso(latest)}); set CollectionYear if that is wrong.");
            }
            else if (options.AsOf is LocalDate asOfOnly)
            {
                year = ReportingYear.Of(asOfOnly).StartYear;
                parser.Notes.AddOnce(source.Label, $"{where} has no dated row, so it is taken as the return of the as-of date's year ({new ReportingYear(year)}).");
            }
            else
            {
                throw new Ssda903FormatException(source.Xml?.File ?? source.Label + "reviews.csv", string.Empty, $"The collection year of {where} cannot be told: it has no review, episode or as-of date. Set CollectionYear.");
            }

            if (year is < 1900 or > 2099)
            {
                throw new ArgumentOutOfRangeException(nameof(options), year, $"The collection year of {where} ({year.ToString(CultureInfo.InvariantCulture)}) is outside 1900-2099.");
            }

            var reportingYear = new ReportingYear(year);
            LocalDate end = reportingYear.End;
            if (inferred && source.Latest is LocalDate latestRow && latestRow > end)
            {
                // Rows after the first year's end: not one return but an extract over several years, known from the
                // first year's start up to the as-of date (or its latest row).
                end = options.AsOf is LocalDate to && to > latestRow ? to : latestRow;
                parser.Notes.AddOnce(source.Label, $"{where} holds rows up to {RowParser.Iso(latestRow)}, after its first collection year {reportingYear} ends, so it is read as an extract from {RowParser.Iso(reportingYear.Start)} on (903-W).");
            }

            if (options.AsOf is LocalDate asOf)
            {
                if (asOf < reportingYear.Start)
                {
                    throw new ArgumentException($"The as-of date {RowParser.Iso(asOf)} is before {where}'s collection year {reportingYear} (from {RowParser.Iso(reportingYear.Start)}).", nameof(options));
                }

                if (asOf < end)
                {
                    end = asOf;
                }
            }

            windows.Add(new Ssda903Window(reportingYear.Start, end, source.Folder, year) { Inferred = inferred });
            source.Rank = year;
        }

        // Later returns win: rank the sources by year (then as given) so that each child's rows are merged in that order.
        int rank = 0;
        foreach (Source source in sources.OrderBy(s => s.Rank).ThenBy(s => s.Index))
        {
            source.Rank = rank++;
        }

        Windows = windows.OrderBy(w => w.Start).ToArray();
        knownFrom = Windows.Count == 0 ? null : Windows[0].Start;
    }

    private ChildCase? Assemble(List<ChildRows> group)
    {
        string id = group[0].Id;
        ChildRows first = group[0];
        int rows = 0;
        var births = group.Count == 1 ? first.Births : new List<BirthRow>();
        foreach (ChildRows g in group)
        {
            rows += g.Rows;
            if (group.Count > 1)
            {
                births.AddRange(g.Births);
            }
        }

        foreach (ChildRows g in group)
        {
            if (g.HeaderRows <= 1)
            {
                continue;
            }

            (string file, int line) = g.HeaderLines[1];
            parser.Problem(first, file, line, "CHILD", id, $"the child appears {(g.HeaderRows == 2 ? "twice" : g.HeaderRows.ToString(CultureInfo.InvariantCulture) + " times")} in {Path.GetFileName(file)}");
        }

        foreach (BirthRow b in births.Where(b => b.DateOfBirth != births[0].DateOfBirth).Take(1))
        {
            parser.Problem(first, b.File, b.Line, "DOB", RowParser.Iso(b.DateOfBirth), $"a different date of birth from {births[0].File} line {births[0].Line.ToString(CultureInfo.InvariantCulture)} ({RowParser.Iso(births[0].DateOfBirth)}): which is right cannot be known", "903-CONFLICT");
        }

        // One return with no start, review date or decision twice (as almost every child): each row stands alone.
        bool plain = group.Count == 1 && NoRepeats(first.Episodes, static e => e.Start) && NoRepeats(first.Reviews, static r => r.Date) && NoRepeats(first.Adoptions, static a => a.Decided);
        var episodes = new List<Legal.Episode>(first.Episodes.Count);
        var reviews = new List<CaseReview>(first.Reviews.Count);
        (LocalDate Decided, LocalDate? Ceased)? decision = null;
        if (plain)
        {
            foreach (EpisodeRow e in first.Episodes)
            {
                episodes.Add(new Legal.Episode(e.Start, e.End, e.LegalStatus, e.Reason, e.Place));
            }

            foreach (ReviewRow r in first.Reviews)
            {
                reviews.Add(new CaseReview(r.Date, r.Code));
            }

            foreach (AdoptionRow a in first.Adoptions)
            {
                if (decision is null || a.Decided >= decision.Value.Decided)
                {
                    decision = (a.Decided, a.Ceased);
                }
            }
        }

        foreach (var same in plain ? [] : group.SelectMany(g => g.Episodes).GroupBy(e => e.Start))
        {
            EpisodeRow kept = default;
            bool started = false;
            foreach (EpisodeRow e in same)
            {
                if (!started)
                {
                    kept = e;
                    started = true;
                    continue;
                }

                string conflict = e.LegalStatus != kept.LegalStatus ? "LS" : e.Reason != kept.Reason ? "RNE" : e.Place != kept.Place ? "PLACE" : e.Return == kept.Return && (e.End != kept.End || e.Rec != kept.Rec) ? "DEC" : string.Empty;
                if (conflict.Length > 0)
                {
                    string value = conflict switch { "LS" => e.LegalStatus.ToString(), "RNE" => e.Reason.ToString(), "PLACE" => e.Place, _ => e.End is LocalDate d ? RowParser.Iso(d) : string.Empty };
                    parser.Problem(first, e.File, e.Line, conflict, value, $"the episode starting {RowParser.Iso(e.Start)} is also at {kept.File} line {kept.Line.ToString(CultureInfo.InvariantCulture)} with a different {conflict}: which is right cannot be known", "903-CONFLICT");
                }
                else if (e.Return == kept.Return)
                {
                    parser.Notes.Add(e.File, e.RowColumn, "903-NOTE", "a row repeated exactly (same child and start date) was read once", e.Line);
                }

                kept = e.Return >= kept.Return ? e : kept; // the later return's DEC and REC
            }

            episodes.Add(new Legal.Episode(kept.Start, kept.End, kept.LegalStatus, kept.Reason, kept.Place));
        }

        foreach (var same in plain ? [] : group.SelectMany(g => g.Reviews).GroupBy(r => r.Date))
        {
            ReviewRow kept = same.First();
            foreach (ReviewRow r in same.Skip(1))
            {
                if (r.Code != kept.Code)
                {
                    parser.Problem(first, r.File, r.Line, "REVIEW_CODE", r.Code.ToString(), $"the review on {RowParser.Iso(r.Date)} is also at {kept.File} line {kept.Line.ToString(CultureInfo.InvariantCulture)} with code {kept.Code}: which is right cannot be known", "903-CONFLICT");
                }
                else if (r.Return == kept.Return)
                {
                    parser.Notes.Add(r.File, r.RowColumn, "903-NOTE", "a row repeated exactly (same child and review date) was read once", r.Line);
                }
            }

            reviews.Add(new CaseReview(kept.Date, kept.Code));
        }

        foreach (var same in plain ? [] : group.SelectMany(g => g.Adoptions).GroupBy(a => a.Decided))
        {
            AdoptionRow kept = same.First();
            foreach (AdoptionRow a in same.Skip(1))
            {
                if (a.Return == kept.Return && (a.Ceased != kept.Ceased || a.Reason != kept.Reason))
                {
                    parser.Problem(first, a.File, a.Line, "DATE_PLACED_CEASED", a.Ceased is LocalDate c ? RowParser.Iso(c) : string.Empty, $"the decision of {RowParser.Iso(a.Decided)} is also at {kept.File} line {kept.Line.ToString(CultureInfo.InvariantCulture)} with a different end: which is right cannot be known", "903-CONFLICT");
                }
                else if (a.Return == kept.Return)
                {
                    parser.Notes.Add(a.File, a.RowColumn, "903-NOTE", "a row repeated exactly (same child and DATE_PLACED) was read once", a.Line);
                }

                kept = a.Return >= kept.Return ? a : kept;
            }

            if (decision is null || kept.Decided >= decision.Value.Decided)
            {
                decision = (kept.Decided, kept.Ceased); // the latest decision is the one that can be in force
            }
        }

        List<IroAllocation>? allocations = recordsAllocations ? new List<IroAllocation>() : null;
        if (allocations is not null && group.Exists(static g => g.Allocations.Count > 0))
        {
            foreach (var same in group.SelectMany(g => g.Allocations).GroupBy(a => a.From))
            {
                AllocationRow kept = same.First();
                foreach (AllocationRow a in same.Skip(1))
                {
                    if (a.Iro != kept.Iro)
                    {
                        parser.Problem(first, a.File, a.Line, "IRO", a.Iro, $"the allocation from {RowParser.Iso(a.From)} is also at {kept.File} line {kept.Line.ToString(CultureInfo.InvariantCulture)} with IRO {kept.Iro}: which IRO was allocated cannot be known", "903-CONFLICT");
                    }
                    else if (a.Return == kept.Return)
                    {
                        parser.Notes.Add(a.File, a.RowColumn, "903-NOTE", "a row repeated exactly (same child, IRO and FROM) was read once", a.Line);
                    }
                }

                allocations.Add(new IroAllocation(kept.Iro, kept.From));
            }
        }

        if (births.Count == 0 || group.Exists(static g => g.Problems is not null))
        {
            var problems = group.Where(g => g.Problems is not null).SelectMany(g => g.Problems!).ToList();
            notEvaluated.Add(new ChildEvaluation(id, Array.Empty<CaseloadFlag>(), problems.Select(p => p.ToRejection()).ToArray()));
            return null;
        }

        var child = new ChildCase(id, births[0].DateOfBirth, episodes, reviews)
        {
            ShouldBePlacedForAdoptionOn = decision?.Decided,
            AdoptionDecisionReversedOn = decision?.Ceased,
            KnownFrom = knownFrom,
            IroAllocations = allocations,
        };
        if (!ChildCaseValidator.Instance.IsValid(child))
        {
            var validation = ChildCaseValidator.Instance.Validate(child);
            notEvaluated.Add(new ChildEvaluation(id, Array.Empty<CaseloadFlag>(), validation.Errors.Select(e => new Rejection(
                e.ErrorCode, e.PropertyName, Convert.ToString(e.AttemptedValue, CultureInfo.InvariantCulture) ?? string.Empty, e.ErrorMessage)).ToArray()));
            return null;
        }

        rowsUsed += rows;
        return child;
    }

    /// <summary>Whether no two rows have the same key (a handful of rows: compared pairwise).</summary>
    private static bool NoRepeats<T>(List<T> rows, Func<T, LocalDate> key)
    {
        for (int i = 1; i < rows.Count; i++)
        {
            LocalDate k = key(rows[i]);
            for (int j = 0; j < i; j++)
            {
                if (key(rows[j]) == k)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>One return: its files (or readers), what the first pass found, and its rank among the returns (later wins).</summary>
    private sealed class Source(string folder, string label, string?[] paths, TextReader?[]? readers, int index)
    {
        private readonly bool[] opened = new bool[Tables.Names.Length];

        internal string Folder { get; } = folder;

        internal string Label { get; } = label;

        /// <summary>The folder holding the return's files: the folder given, or the XML return's folder (its iro_allocations.csv and iro_roster.csv).</summary>
        internal string FilesIn { get; init; } = folder;

        /// <summary>The XML return read instead of CSV tables, if this return is one.</summary>
        internal XmlReturn? Xml { get; init; }

        internal int Index { get; } = index;

        internal int Rank { get; set; } = index;

        internal bool SortedNumeric { get; private set; } = true;

        internal bool SortedOrdinal { get; private set; } = true;

        internal LocalDate? Earliest { get; private set; }

        /// <summary>Whether the return has the table (a file, or a reader).</summary>
        internal bool Has(int table) => readers is not null ? readers[table] is not null || opened[table] : paths[table] is not null;

        internal LocalDate? LatestStart { get; private set; }

        /// <summary>The latest date of any review, episode start or episode end: a return holds nothing after its year.</summary>
        internal LocalDate? Latest { get; private set; }

        internal CsvTable? OpenTable(int table)
        {
            string file = Label + Tables.Names[table];
            TextReader? text;
            if (readers is not null)
            {
                text = readers[table];
                if (text is null)
                {
                    return null;
                }

                readers[table] = null; // a reader is read once
                opened[table] = true;
            }
            else
            {
                string? path = paths[table];
                if (path is null)
                {
                    return null;
                }

                try
                {
                    text = new StreamReader(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16); // one read of 64 KB at a time
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new Ssda903FormatException(file, string.Empty, $"{file} cannot be opened: {e.Message}", e);
                }
            }

            try
            {
                return CsvTable.Open(text, file, Tables.Columns[table], Tables.Required[table]);
            }
            catch
            {
                text.Dispose();
                throw;
            }
        }

        /// <summary>The first pass over one table: its header and rows read, the child order checked, the dates that
        /// place the return found; null when the table is absent. Touches nothing shared, so tables can be scanned at once.</summary>
        internal Scanned? Scan(int t)
        {
            if (Xml is not null)
            {
                // An XML return is one file: scanned once, as its first "table".
                if (t == 0)
                {
                    Xml.Scan();
                    return new Scanned { SortedNumeric = Xml.SortedNumeric, SortedOrdinal = Xml.SortedOrdinal, Earliest = Xml.Dates.Earliest, LatestStart = Xml.Dates.LatestStart, Latest = Xml.Dates.Latest };
                }

                // The iro_allocations.csv beside it: checked here as a folder's is, and held (a few rows a child), as
                // its rows go to the XML's children in the XML's order, whatever the file's.
                using CsvTable? beside = t == Tables.Allocations ? OpenTable(t) : null;
                if (beside is null)
                {
                    return null;
                }

                var held = new List<HeldRecord>();
                while (beside.Read())
                {
                    held.Add(new HeldRecord(beside, t));
                }

                return new Scanned { Held = held };
            }

            using CsvTable? table = OpenTable(t);
            if (table is null)
            {
                return null;
            }

            var seen = new Scanned();
            char[] previous = new char[64];
            int previousLength = 0;
            while (table.Read())
            {
                ReadOnlySpan<char> child = table.Span(0);
                if (child.Length > 0)
                {
                    if (previousLength > 0 && (seen.SortedNumeric || seen.SortedOrdinal))
                    {
                        ReadOnlySpan<char> before = previous.AsSpan(0, previousLength);
                        int numeric = ChildOrder.Numeric.Compare(before, child), ordinal = ChildOrder.Ordinal.Compare(before, child);
                        seen.SortedNumeric &= t == Tables.Header ? numeric < 0 : numeric <= 0;
                        seen.SortedOrdinal &= t == Tables.Header ? ordinal < 0 : ordinal <= 0;
                    }

                    if (child.Length > previous.Length)
                    {
                        previous = new char[child.Length * 2];
                    }

                    child.CopyTo(previous);
                    previousLength = child.Length;
                }

                if (t is Tables.Episodes or Tables.Reviews)
                {
                    seen.See(t, table);
                }
            }

            return seen;
        }

        /// <summary>What the first pass found in one table, put together into the return's.</summary>
        internal void Add(Scanned? seen)
        {
            if (seen is null)
            {
                return;
            }

            if (seen.Held is not null)
            {
                Xml!.Hold(seen.Held);
            }

            SortedNumeric &= seen.SortedNumeric;
            SortedOrdinal &= seen.SortedOrdinal;
            Earliest = Min(Earliest, seen.Earliest);
            LatestStart = Max(LatestStart, seen.LatestStart);
            Latest = Max(Latest, seen.Latest);
        }

        internal void See(int table, CsvTable csv)
        {
            var seen = new Scanned { Earliest = Earliest, LatestStart = LatestStart, Latest = Latest };
            seen.See(table, csv);
            (Earliest, LatestStart, Latest) = (seen.Earliest, seen.LatestStart, seen.Latest);
        }

        private static LocalDate? Min(LocalDate? a, LocalDate? b) => a is null ? b : b is null ? a : a.Value <= b.Value ? a : b;

        private static LocalDate? Max(LocalDate? a, LocalDate? b) => a is null ? b : b is null ? a : a.Value >= b.Value ? a : b;

        /// <summary>The order and dates one table shows.</summary>
        internal sealed class Scanned : ReturnDates
        {
            internal bool SortedNumeric { get; set; } = true;

            internal bool SortedOrdinal { get; set; } = true;

            /// <summary>The rows of iro_allocations.csv beside an XML return, held for its children.</summary>
            internal List<HeldRecord>? Held { get; init; }

            internal void See(int table, CsvTable csv)
            {
                if (table == Tables.Reviews)
                {
                    Ended(csv.Span(1));
                }
                else
                {
                    Ended(csv.Span(5));
                    Started(csv.Span(1));
                }
            }
        }
    }
}
