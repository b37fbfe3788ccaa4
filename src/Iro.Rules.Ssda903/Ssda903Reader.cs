using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Iro.Rules.Caseload;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using NodaTime;

namespace Iro.Rules.Ssda903;

/// <summary>Reads the DfE SSDA903 return's CSV tables (or the return as XML, <see cref="ReadXml"/>) into <see cref="ChildCase"/> records, and writes them.</summary>
/// <remarks>
/// <para>Files (one folder per return, names as the DfE validator uses them, any letter case): <c>header.csv</c>
/// (CHILD, DOB), <c>episodes.csv</c> (CHILD, DECOM, RNE, LS, PLACE, DEC; REC optional), <c>reviews.csv</c> (CHILD,
/// REVIEW, REVIEW_CODE), and optionally <c>placed_for_adoption.csv</c> (CHILD, DATE_PLACED: the decision that the child
/// should be placed for adoption; optional DATE_PLACED_CEASED, the decision reversed, which ends the LOC-3 wait, and
/// REASON_PLACED_CEASED, RD1-RD4). Two local files, not DfE tables, are read too when present: <c>iro_allocations.csv</c>
/// (CHILD, IRO, FROM: each IRO allocation and the day it began, IRO-1 and IRO-3; read with the same rules as the
/// return's tables; when any folder has it every child's <see cref="ChildCase.IroAllocations"/> is set, possibly
/// empty, so a child with no row is a child with no IRO allocated) and <c>iro_roster.csv</c> (IRO, FTE: the IROs'
/// full-time equivalents for IRO-3, <see cref="Ssda903ReadResult.IroRoster"/>; a bad row, a blank IRO, an IRO twice or
/// an FTE that is not a number above 0 and at most 1.5, is a <c>903-VALUE</c> problem with no child naming the file,
/// line, column and value, counted as a row read and rejected, and makes the read incomplete; the IRO it names counts
/// as not on the roster, 1.0 FTE; the roster's good rows are not counted among the rows read). Beside an XML return
/// both are read from the XML file's folder. Other tables of the return (ad1, missing, prev_perm, uasc, oc2, oc3, sbc ...) are
/// listed in <see cref="Ssda903ReadResult.IgnoredFiles"/>, not read. The placement order in force (LOC-2) and the
/// placement for adoption (LOC-3, LOC-4) are not derived here: the evaluator reads them from the episodes.</para>
/// <para>Strict where it matters: each file's required columns are checked before any row is read, and a missing
/// one, an empty or headerless file, or one that cannot be read as CSV (an unclosed quote, a row over a million
/// characters) throws <see cref="Ssda903FormatException"/> naming the file and the column, with the nearest header
/// found ("reviews.csv has no REVIEW_CODE column (nearest: REVIEWCODE)").</para>
/// <para>Forgiving where safe: a byte order mark, CRLF line ends, blank lines, columns in any order, and a <c>;</c>
/// separator are read; header names are matched in any letter case. Dates are dd/MM/yyyy, d/M/yyyy (always day
/// first) or yyyy-MM-dd, each optionally followed by a midnight time as spreadsheets write it (" 00:00",
/// " 00:00:00", "T00:00:00"); any other time, or anything else, is a bad value. Codes (LS, RNE, PLACE, REVIEW_CODE,
/// REC, REASON_PLACED_CEASED) have surrounding spaces removed and are upper-cased, as the DfE 903 validator reads
/// them, and each such change is a data-quality note (<see cref="Ssda903ReadResult.Notes"/>), not a rejection; an
/// unknown code is still a bad value (LEG-1 legal statuses, LEG-2 reasons, PAR-1 participation codes, the PLACE codes
/// of the validator's rule 146).</para>
/// <para>No bad record loses the batch: every bad value is reported with file, physical line, column and value; a
/// row of the wrong length is a bad row; a row whose CHILD is blank or not in header.csv is reported with no child and
/// counted (<see cref="Ssda903ReadResult.RowsWithoutChild"/>), and makes the read incomplete. A child with any bad row
/// is listed as not evaluated with every reason (<c>903-VALUE</c>, <c>903-CONFLICT</c>), never evaluated on half its
/// data. Rows read = rows used + rows rejected; children read = evaluated + not evaluated.</para>
/// <para>A return is a window (rule 903-W): see <see cref="Ssda903ReadOptions"/> and <see cref="ReadFolders"/>.</para>
/// </remarks>
public static partial class Ssda903Reader
{
    /// <summary>Reads the SSDA903 files in one folder.</summary>
    /// <param name="folder">The folder with header.csv, episodes.csv and reviews.csv (and optionally placed_for_adoption.csv).</param>
    /// <param name="options">How to read it; <see langword="null"/> (the default) reads the files as a complete history
    /// (<see cref="Ssda903ReadOptions.FullHistory"/>), as before. Pass options (for example <c>new Ssda903ReadOptions()</c>)
    /// to read the folder as one return whose window is inferred (rule 903-W).</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> is null.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="Ssda903FormatException">A required file is missing, empty, headerless, lacks a required column, or cannot be read as CSV; the message names the file (and the column).</exception>
    public static Ssda903ReadResult ReadFolder(string folder, Ssda903ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return ReadFolders([folder], options ?? new Ssda903ReadOptions { FullHistory = true });
    }

    /// <summary>Reads one SSDA903 folder per return, in any order, and merges them into one history (rule 903-W).</summary>
    /// <remarks>
    /// <para>Each return's window is its collection year (<see cref="Ssda903ReadOptions"/> says how it is found),
    /// ending at <see cref="Ssda903ReadOptions.AsOf"/> when that falls inside it. Every child's
    /// <see cref="ChildCase.KnownFrom"/> is the start of the earliest window (<see langword="null"/> with
    /// <see cref="Ssda903ReadOptions.FullHistory"/>).</para>
    /// <para>Merging: the same episode (child and DECOM) in two returns takes the later return's DEC and REC; a review
    /// (child and date) or an adoption decision (child and DATE_PLACED) in two returns is read once. Facts the returns
    /// disagree on are reported as <c>903-CONFLICT</c> problems and the child is not evaluated: a different DOB, a
    /// review on the same date with a different code, the same DECOM with a different LS, RNE or PLACE.</para>
    /// </remarks>
    /// <param name="folders">The folders, one per return (for example last year's and this year's to date). A return
    /// may be an SSDA903 XML file, or a folder holding one .xml file and no header.csv (see <see cref="ReadXml"/>).</param>
    /// <param name="options">How to read them; <see langword="null"/> for the defaults (windows inferred).</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folders"/> is null.</exception>
    /// <exception cref="ArgumentException">No folder; <see cref="Ssda903ReadOptions.CollectionYear"/> with several folders; an as-of date before a return's year.</exception>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    /// <exception cref="Ssda903FormatException">A required file is missing, empty, headerless, lacks a required column, or cannot be read as CSV, or an XML return is not well-formed or not an SSDA903 return; the message names the file (and the column, or the line).</exception>
    public static Ssda903ReadResult ReadFolders(IEnumerable<string> folders, Ssda903ReadOptions? options = null)
    {
        using Ssda903Session session = Plan(folders, options);
        var children = session.Run().ToList();
        return session.Finish(children.AsReadOnly());
    }

    /// <summary>Opens one SSDA903 folder per return for reading one child at a time (see <see cref="Ssda903Stream"/> for the memory it needs).</summary>
    /// <remarks>Every file's header, and the order of its rows, is checked here, before any child is given out; the
    /// windows are known at once. Merging and windows are as for <see cref="ReadFolders"/>.</remarks>
    /// <param name="folders">The folders, one per return; a return may be an SSDA903 XML file, or a folder holding one (see <see cref="ReadXml"/>).</param>
    /// <param name="options">How to read them; <see langword="null"/> for the defaults (windows inferred).</param>
    /// <returns>The stream; dispose it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folders"/> is null.</exception>
    /// <exception cref="ArgumentException">No folder; <see cref="Ssda903ReadOptions.CollectionYear"/> with several folders; an as-of date before a return's year.</exception>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    /// <exception cref="Ssda903FormatException">A required file is missing, empty, headerless, lacks a required column, or cannot be read as CSV, or an XML return is not well-formed or not an SSDA903 return.</exception>
    public static Ssda903Stream Open(IEnumerable<string> folders, Ssda903ReadOptions? options = null) => new(Plan(folders, options));

    /// <summary>Reads SSDA903 tables from readers (one return, or a complete history).</summary>
    /// <remarks>The IRO allocations and roster (<c>iro_allocations.csv</c>, <c>iro_roster.csv</c>) are read from a folder
    /// (or beside an XML return) only: here <see cref="ChildCase.IroAllocations"/> stays <see langword="null"/> (not recorded).</remarks>
    /// <param name="header">header.csv.</param>
    /// <param name="episodes">episodes.csv.</param>
    /// <param name="reviews">reviews.csv.</param>
    /// <param name="placedForAdoption">placed_for_adoption.csv, if available.</param>
    /// <param name="options">How to read them; <see langword="null"/> (the default) reads a complete history, as before.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">A required reader is null.</exception>
    /// <exception cref="Ssda903FormatException">A table is empty, headerless, lacks a required column, or cannot be read as CSV.</exception>
    public static Ssda903ReadResult Read(TextReader header, TextReader episodes, TextReader reviews, TextReader? placedForAdoption = null, Ssda903ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(reviews);
        using Ssda903Session session = Ssda903Session.ForReaders([header, episodes, reviews, placedForAdoption], options ?? new Ssda903ReadOptions { FullHistory = true });
        var children = session.Run().ToList();
        return session.Finish(children.AsReadOnly());
    }

    private static Ssda903Session Plan(IEnumerable<string> folders, Ssda903ReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var list = folders.ToList();
        if (list.Any(f => f is null))
        {
            throw new ArgumentException("A folder is null.", nameof(folders));
        }

        options ??= new Ssda903ReadOptions();
        if (double.IsNaN(options.MaxRejectedShare) || options.MaxRejectedShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRejectedShare, "MaxRejectedShare is a share from 0 to 1.");
        }

        return Ssda903Session.ForFolders(list, options);
    }

    /// <summary>Writes children as SSDA903 CSV tables (header.csv, episodes.csv, reviews.csv, placed_for_adoption.csv, and
    /// iro_allocations.csv when any child's <see cref="ChildCase.IroAllocations"/> is recorded) with dd/MM/yyyy dates.</summary>
    /// <remarks>
    /// <para>Writes only what the reader accepts back, so that <see cref="ReadFolder"/> gives every child back exactly
    /// (the facts the return carries: id, date of birth, episodes, reviews, the adoption decision and its reversal; and
    /// the IRO allocations, when every child's are recorded: the file records them for every child, so a child with
    /// none recorded is read back with an empty list. With no child's recorded, an iro_allocations.csv left in the
    /// folder is removed, so that it cannot be read back with the new files).
    /// What a real return could not hold is refused with <see cref="ArgumentException"/> naming the child, not written
    /// blank: a review with no participation code (REVIEW_CODE is required, PAR-1), an episode whose placement type is
    /// not an SSDA903 PLACE code, an undefined legal status or reason, a blank child id or one with surrounding spaces,
    /// an IRO allocation whose IRO is blank or has surrounding spaces.
    /// The children before the one refused have been written; the files are then incomplete.</para>
    /// <para>A value holding a comma, a quote or a line break is quoted as CSV requires.</para>
    /// </remarks>
    /// <param name="children">The children.</param>
    /// <param name="folder">The folder to write into (created if needed).</param>
    /// <exception cref="ArgumentException">A child holds something the return cannot carry; the message names the child.</exception>
    public static void WriteFolder(IEnumerable<ChildCase> children, string folder)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        using var header = new StreamWriter(Path.Combine(folder, "header.csv"));
        using var episodes = new StreamWriter(Path.Combine(folder, "episodes.csv"));
        using var reviews = new StreamWriter(Path.Combine(folder, "reviews.csv"));
        using var adoption = new StreamWriter(Path.Combine(folder, "placed_for_adoption.csv"));
        StreamWriter? allocations = null;
        header.WriteLine("CHILD,SEX,DOB");
        episodes.WriteLine("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC");
        reviews.WriteLine("CHILD,DOB,REVIEW,REVIEW_CODE");
        adoption.WriteLine("CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED");
        try
        {
            foreach (ChildCase c in children)
            {
                ArgumentNullException.ThrowIfNull(c, nameof(children));
                Check(c);
                string id = Quote(c.Id);
                header.WriteLine($"{id},,{Uk(c.DateOfBirth)}");
                foreach (Episode e in c.Episodes)
                {
                    episodes.WriteLine($"{id},{Uk(e.Start)},{e.Reason},{e.LegalStatus},,{e.PlacementType},,{(e.End is LocalDate end ? Uk(end) : string.Empty)},");
                }

                foreach (CaseReview r in c.Reviews)
                {
                    reviews.WriteLine($"{id},{Uk(c.DateOfBirth)},{Uk(r.Date)},{r.Code}");
                }

                if (c.ShouldBePlacedForAdoptionOn is LocalDate decided)
                {
                    adoption.WriteLine($"{id},{Uk(c.DateOfBirth)},{Uk(decided)},{(c.AdoptionDecisionReversedOn is LocalDate ceased ? Uk(ceased) : string.Empty)},");
                }

                if (c.IroAllocations is { } allocated)
                {
                    if (allocations is null)
                    {
                        allocations = new StreamWriter(Path.Combine(folder, "iro_allocations.csv"));
                        allocations.WriteLine("CHILD,IRO,FROM");
                    }

                    foreach (IroAllocation a in allocated)
                    {
                        allocations.WriteLine($"{id},{Quote(a.Iro)},{Uk(a.From)}");
                    }
                }
            }
        }
        finally
        {
            allocations?.Dispose();
        }

        if (allocations is null)
        {
            File.Delete(Path.Combine(folder, "iro_allocations.csv")); // none recorded: a file left from an earlier write would be read back
        }
    }

    private static void Check(ChildCase c)
    {
        if (c.Id.Length == 0 || c.Id.Trim().Length != c.Id.Length)
        {
            throw new ArgumentException($"Child '{c.Id}': an SSDA903 CHILD id cannot be blank or have surrounding spaces (the reader trims them).", "children");
        }

        foreach (Episode e in c.Episodes)
        {
            if (e.PlacementType is null || !Ssda903Values.PlaceCodes.Contains(e.PlacementType))
            {
                throw new ArgumentException($"Child {c.Id}: the episode starting {Iso(e.Start)} has placement type '{e.PlacementType}', not an SSDA903 PLACE code (the return requires one).", "children");
            }

            if (!Enum.IsDefined(e.LegalStatus) || !Enum.IsDefined(e.Reason))
            {
                throw new ArgumentException($"Child {c.Id}: the episode starting {Iso(e.Start)} has an undefined legal status or reason for new episode.", "children");
            }
        }

        foreach (IroAllocation a in c.IroAllocations ?? Array.Empty<IroAllocation>())
        {
            if (string.IsNullOrWhiteSpace(a.Iro) || a.Iro.Trim().Length != a.Iro.Length)
            {
                throw new ArgumentException($"Child {c.Id}: the IRO allocation from {Iso(a.From)} has IRO '{a.Iro}', blank or with surrounding spaces (the reader trims them).", "children");
            }
        }

        foreach (CaseReview r in c.Reviews)
        {
            if (r.Code is not ParticipationCode code || !Enum.IsDefined(code))
            {
                throw new ArgumentException($"Child {c.Id}: the review on {Iso(r.Date)} has no participation code; an SSDA903 return requires REVIEW_CODE (PN0-PN7, PAR-1), so it cannot be written.", "children");
            }
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",;\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Uk(LocalDate date) => date.ToString("dd/MM/uuuu", CultureInfo.InvariantCulture);

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
