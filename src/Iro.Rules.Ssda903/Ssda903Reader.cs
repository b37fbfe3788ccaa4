using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Iro.Rules.Caseload;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using NodaTime;
using NodaTime.Text;
using Sylvan.Data.Csv;

namespace Iro.Rules.Ssda903;

/// <summary>One bad value in an SSDA903 file: where it is, what it was, and why it was rejected.</summary>
/// <param name="File">The file name.</param>
/// <param name="Line">The line in the file (the header is line 1).</param>
/// <param name="Column">The column name.</param>
/// <param name="Value">The value as read.</param>
/// <param name="ChildId">The child the row belongs to, if known.</param>
/// <param name="Message">Why it was rejected.</param>
public sealed record Ssda903Problem(string File, int Line, string Column, string Value, string ChildId, string Message)
{
    /// <summary>Returns the problem as one line, for example "episodes.csv line 4, DECOM '31/02/2025': not a date (child 1001)".</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        $"{File} line {Line.ToString(CultureInfo.InvariantCulture)}, {Column} '{Value}': {Message}{(ChildId.Length == 0 ? string.Empty : $" (child {ChildId})")}";

    /// <summary>The problem as a <see cref="Rejection"/> of the child (code <c>903-VALUE</c>), with its file and line.</summary>
    /// <returns>The rejection.</returns>
    public Rejection ToRejection() => new("903-VALUE", Column, Value, ToString()) { File = File, Line = Line };
}

/// <summary>What reading an SSDA903 folder gave: the children to evaluate, those that cannot be, every problem, and the row counts.</summary>
/// <param name="Children">Children whose every row was good and whose record is valid.</param>
/// <param name="NotEvaluated">Children with any bad row or an invalid record, each with every reason.</param>
/// <param name="Problems">Every bad value, with file, line, column and value.</param>
/// <param name="RowsRead">Data rows read across the files.</param>
/// <param name="RowsUsed">Rows belonging to <paramref name="Children"/>.</param>
/// <param name="RowsRejected">Rows that were bad or belong to a child not evaluated; <c>RowsRead = RowsUsed + RowsRejected</c>.</param>
public sealed record Ssda903ReadResult(
    IReadOnlyList<ChildCase> Children, IReadOnlyList<ChildEvaluation> NotEvaluated, IReadOnlyList<Ssda903Problem> Problems, int RowsRead, int RowsUsed, int RowsRejected);

/// <summary>Reads the DfE SSDA903 return's CSV tables into <see cref="ChildCase"/> records.</summary>
/// <remarks>
/// <para>Files (in one folder, names as the DfE validator uses them): <c>header.csv</c> (CHILD, DOB), <c>episodes.csv</c>
/// (CHILD, DECOM, RNE, LS, PLACE, DEC), <c>reviews.csv</c> (CHILD, REVIEW, REVIEW_CODE), and optionally
/// <c>placed_for_adoption.csv</c> (CHILD, DATE_PLACED: the decision that the child should be placed for adoption; optional DATE_PLACED_CEASED: the decision reversed, which ends the LOC-3 wait). The placement order in force (LOC-2) and the placement for adoption (LOC-3, LOC-4) are not derived here: the evaluator reads them from the episodes (the current E1 run; the current PLACE A3-A6 run).
/// Dates are dd/MM/yyyy, or ISO yyyy-MM-dd.</para>
/// <para>Every bad value is reported with file, line, column and value; a child with any bad row is listed as not
/// evaluated with every reason, never evaluated on half its data. The episodes and reviews are the child's complete
/// history.</para>
/// </remarks>
public static class Ssda903Reader
{
    private static readonly LocalDatePattern UkDate = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu");

    /// <summary>Reads the SSDA903 files in a folder.</summary>
    /// <param name="folder">The folder with header.csv, episodes.csv and reviews.csv (and optionally placed_for_adoption.csv).</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> is null.</exception>
    /// <exception cref="FileNotFoundException">A required file is missing; the message names it.</exception>
    public static Ssda903ReadResult ReadFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string Need(string name) => File.Exists(Path.Combine(folder, name))
            ? Path.Combine(folder, name)
            : throw new FileNotFoundException($"The SSDA903 folder '{folder}' has no {name}; it needs header.csv, episodes.csv and reviews.csv.", name);
        using var header = new StreamReader(Need("header.csv"));
        using var episodes = new StreamReader(Need("episodes.csv"));
        using var reviews = new StreamReader(Need("reviews.csv"));
        string adoptionPath = Path.Combine(folder, "placed_for_adoption.csv");
        using StreamReader? adoption = File.Exists(adoptionPath) ? new StreamReader(adoptionPath) : null;
        return Read(header, episodes, reviews, adoption);
    }

    /// <summary>Reads SSDA903 tables from readers.</summary>
    /// <param name="header">header.csv.</param>
    /// <param name="episodes">episodes.csv.</param>
    /// <param name="reviews">reviews.csv.</param>
    /// <param name="placedForAdoption">placed_for_adoption.csv, if available.</param>
    /// <returns>The result.</returns>
    public static Ssda903ReadResult Read(TextReader header, TextReader episodes, TextReader reviews, TextReader? placedForAdoption = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(reviews);
        var problems = new List<Ssda903Problem>();
        var rowsByChild = new Dictionary<string, int>(StringComparer.Ordinal);
        var births = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var badChildren = new HashSet<string>(StringComparer.Ordinal);
        var childEpisodes = new Dictionary<string, List<Episode>>(StringComparer.Ordinal);
        var childReviews = new Dictionary<string, List<CaseReview>>(StringComparer.Ordinal);
        var decisions = new Dictionary<string, (LocalDate Decided, LocalDate? Ceased)>(StringComparer.Ordinal);
        int rowsRead = 0;

        void Problem(string file, int line, string column, string value, string child, string message)
        {
            problems.Add(new Ssda903Problem(file, line, column, value, child, message));
            if (child.Length > 0)
            {
                badChildren.Add(child);
            }
        }

        ForEachRow(header, "header.csv", ["CHILD", "DOB"], (row, line) =>
        {
            rowsRead++;
            string child = row("CHILD");
            if (child.Length == 0)
            {
                Problem("header.csv", line, "CHILD", child, string.Empty, "the child ID is blank");
                return;
            }

            rowsByChild[child] = rowsByChild.GetValueOrDefault(child) + 1;
            if (!seen.Add(child))
            {
                Problem("header.csv", line, "CHILD", child, child, "the child appears twice in header.csv");
                return;
            }

            order.Add(child);
            if (ParseDate(row("DOB")) is LocalDate dob)
            {
                births[child] = dob;
            }
            else
            {
                Problem("header.csv", line, "DOB", row("DOB"), child, "not a date (dd/MM/yyyy)");
            }
        }, Problem);

        ForEachRow(episodes, "episodes.csv", ["CHILD", "DECOM", "RNE", "LS", "DEC"], (row, line) =>
        {
            rowsRead++;
            string child = row("CHILD");
            if (!Known(child, "episodes.csv", line))
            {
                return;
            }

            rowsByChild[child]++;
            LocalDate? start = ParseDate(row("DECOM"));
            LocalDate? end = row("DEC").Length == 0 ? null : ParseDate(row("DEC"));
            bool ok = true;
            if (start is null)
            {
                Problem("episodes.csv", line, "DECOM", row("DECOM"), child, "not a date (dd/MM/yyyy)");
                ok = false;
            }

            if (row("DEC").Length > 0 && end is null)
            {
                Problem("episodes.csv", line, "DEC", row("DEC"), child, "not a date (dd/MM/yyyy), or blank for an open episode");
                ok = false;
            }

            if (!LegalStatuses.TryParseReason(row("RNE"), out ReasonForNewEpisode rne, out string? rneError))
            {
                Problem("episodes.csv", line, "RNE", row("RNE"), child, rneError);
                ok = false;
            }

            if (!LegalStatuses.TryParseLegalStatus(row("LS"), out LegalStatus ls, out string? lsError))
            {
                Problem("episodes.csv", line, "LS", row("LS"), child, lsError);
                ok = false;
            }

            if (ok && start is LocalDate s)
            {
                if (end is LocalDate e && e < s)
                {
                    Problem("episodes.csv", line, "DEC", row("DEC"), child, $"the episode ends before it starts ({Iso(s)})");
                    return;
                }

                Add(childEpisodes, child, new Episode(s, end, ls, rne, row("PLACE")));
            }
        }, Problem);

        ForEachRow(reviews, "reviews.csv", ["CHILD", "REVIEW", "REVIEW_CODE"], (row, line) =>
        {
            rowsRead++;
            string child = row("CHILD");
            if (!Known(child, "reviews.csv", line))
            {
                return;
            }

            rowsByChild[child]++;
            LocalDate? date = ParseDate(row("REVIEW"));
            if (date is null)
            {
                Problem("reviews.csv", line, "REVIEW", row("REVIEW"), child, "not a date (dd/MM/yyyy)");
                return;
            }

            if (!ParticipationCodes.TryParse(row("REVIEW_CODE"), out ParticipationCode code, out string? codeError))
            {
                Problem("reviews.csv", line, "REVIEW_CODE", row("REVIEW_CODE"), child, codeError);
                return;
            }

            Add(childReviews, child, new CaseReview(date.Value, code));
        }, Problem);

        if (placedForAdoption is not null)
        {
            ForEachRow(placedForAdoption, "placed_for_adoption.csv", ["CHILD", "DATE_PLACED"], (row, line) =>
            {
                rowsRead++;
                string child = row("CHILD");
                if (!Known(child, "placed_for_adoption.csv", line))
                {
                    return;
                }

                rowsByChild[child]++;
                string ceasedText = row("DATE_PLACED_CEASED");
                LocalDate? ceased = ceasedText.Length == 0 ? null : ParseDate(ceasedText);
                if (ParseDate(row("DATE_PLACED")) is not LocalDate decided)
                {
                    Problem("placed_for_adoption.csv", line, "DATE_PLACED", row("DATE_PLACED"), child, "not a date (dd/MM/yyyy)");
                }
                else if (ceasedText.Length > 0 && ceased is null)
                {
                    Problem("placed_for_adoption.csv", line, "DATE_PLACED_CEASED", ceasedText, child, "not a date (dd/MM/yyyy), or blank while the decision stands");
                }
                else if (!decisions.TryGetValue(child, out var kept) || decided >= kept.Decided)
                {
                    decisions[child] = (decided, ceased); // the latest decision is the one that can be in force
                }
            }, Problem);
        }

        var children = new List<ChildCase>();
        var notEvaluated = new List<ChildEvaluation>();
        int rowsUsed = 0;
        foreach (string id in order)
        {
            if (badChildren.Contains(id) || !births.TryGetValue(id, out LocalDate dob))
            {
                notEvaluated.Add(new ChildEvaluation(id, Array.Empty<CaseloadFlag>(), problems.Where(p => p.ChildId == id).Select(p => p.ToRejection()).ToArray()));
                continue;
            }

            List<Episode> eps = childEpisodes.GetValueOrDefault(id) ?? new List<Episode>();
            // Facts only: the placement order in force and the placement for adoption are read from the episodes by the
            // evaluator (the current E1 run, the current A3-A6 run), so nothing is derived here.
            bool decided = decisions.TryGetValue(id, out var decision);
            var child = new ChildCase(id, dob, eps, childReviews.GetValueOrDefault(id) ?? new List<CaseReview>())
            {
                ShouldBePlacedForAdoptionOn = decided ? decision.Decided : null,
                AdoptionDecisionReversedOn = decided ? decision.Ceased : null,
            };
            var validation = ChildCaseValidator.Instance.Validate(child);
            if (!validation.IsValid)
            {
                notEvaluated.Add(new ChildEvaluation(id, Array.Empty<CaseloadFlag>(), validation.Errors.Select(e => new Rejection(
                    e.ErrorCode, e.PropertyName, Convert.ToString(e.AttemptedValue, CultureInfo.InvariantCulture) ?? string.Empty, e.ErrorMessage)).ToArray()));
                continue;
            }

            children.Add(child);
            rowsUsed += rowsByChild[id];
        }

        return new Ssda903ReadResult(children.AsReadOnly(), notEvaluated.AsReadOnly(), problems.AsReadOnly(), rowsRead, rowsUsed, rowsRead - rowsUsed);

        bool Known(string child, string file, int line)
        {
            if (child.Length == 0 || !rowsByChild.ContainsKey(child))
            {
                Problem(file, line, "CHILD", child, string.Empty, child.Length == 0 ? "the child ID is blank" : "the child is not in header.csv");
                return false;
            }

            return true;
        }
    }

    /// <summary>Writes children as SSDA903 CSV tables (header.csv, episodes.csv, reviews.csv, placed_for_adoption.csv) with dd/MM/yyyy dates.</summary>
    /// <param name="children">The children.</param>
    /// <param name="folder">The folder to write into (created if needed).</param>
    public static void WriteFolder(IEnumerable<ChildCase> children, string folder)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        using var header = new StreamWriter(Path.Combine(folder, "header.csv"));
        using var episodes = new StreamWriter(Path.Combine(folder, "episodes.csv"));
        using var reviews = new StreamWriter(Path.Combine(folder, "reviews.csv"));
        using var adoption = new StreamWriter(Path.Combine(folder, "placed_for_adoption.csv"));
        header.WriteLine("CHILD,SEX,DOB");
        episodes.WriteLine("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC");
        reviews.WriteLine("CHILD,DOB,REVIEW,REVIEW_CODE");
        adoption.WriteLine("CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED");
        foreach (ChildCase c in children)
        {
            header.WriteLine($"{c.Id},,{Uk(c.DateOfBirth)}");
            foreach (Episode e in c.Episodes)
            {
                episodes.WriteLine($"{c.Id},{Uk(e.Start)},{e.Reason},{e.LegalStatus},,{e.PlacementType},,{(e.End is LocalDate end ? Uk(end) : string.Empty)},");
            }

            foreach (CaseReview r in c.Reviews)
            {
                reviews.WriteLine($"{c.Id},{Uk(c.DateOfBirth)},{Uk(r.Date)},{r.Code}");
            }

            if (c.ShouldBePlacedForAdoptionOn is LocalDate decided)
            {
                adoption.WriteLine($"{c.Id},{Uk(c.DateOfBirth)},{Uk(decided)},{(c.AdoptionDecisionReversedOn is LocalDate ceased ? Uk(ceased) : string.Empty)},");
            }
        }
    }

    private static void ForEachRow(TextReader text, string file, string[] required, Action<Func<string, string>, int> row, Action<string, int, string, string, string, string> problem)
    {
        using CsvDataReader csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HeaderComparer = StringComparer.OrdinalIgnoreCase });
        var missing = required.Where(c => !HasColumn(csv, c)).ToArray();
        if (missing.Length > 0)
        {
            problem(file, 1, string.Join("/", missing), string.Empty, string.Empty, $"the header row lacks the column{(missing.Length == 1 ? string.Empty : "s")} {string.Join(", ", missing)}");
            return;
        }

        int line = 1;
        while (csv.Read())
        {
            line++;
            string Get(string column) => HasColumn(csv, column) ? (csv.GetString(csv.GetOrdinal(column)) ?? string.Empty).Trim() : string.Empty;
            row(Get, line);
        }
    }

    private static bool HasColumn(CsvDataReader csv, string column)
    {
        for (int i = 0; i < csv.FieldCount; i++)
        {
            if (string.Equals(csv.GetName(i), column, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static LocalDate? ParseDate(string text)
    {
        if (UkDate.Parse(text) is { Success: true } uk)
        {
            return uk.Value;
        }

        return LocalDatePattern.Iso.Parse(text) is { Success: true } iso ? iso.Value : null;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out List<T>? list))
        {
            map[key] = list = new List<T>();
        }

        list.Add(value);
    }

    private static string Uk(LocalDate date) => date.ToString("dd/MM/uuuu", CultureInfo.InvariantCulture);

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
