using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Iro.Rules.Escalation;

namespace Iro.Rules.Ssda903;

/// <summary>Reads the optional <c>iro_roster.csv</c> (IRO, FTE) of each folder into one <see cref="IroRoster"/> (IRO-3).</summary>
/// <remarks>A missing column, or a file that cannot be read as CSV, refuses the read (<see cref="Ssda903FormatException"/>),
/// as for the other tables. A bad row (a blank IRO, an FTE that is not a number above 0 and at most 1.5, an IRO twice)
/// is a <c>903-VALUE</c> problem naming the file, line, column and value, with no child; it is counted as a row read
/// and rejected, and the read is incomplete. The IRO it names is then not on the roster (1.0 FTE, as every IRO not on
/// it), as its FTE cannot be known. The roster's good rows are not counted among the rows read: it is not a table of
/// children.</remarks>
internal static class IroRosterFile
{
    internal const string Name = "iro_roster.csv";

    private static readonly string[] Columns = ["IRO", "FTE"];

    /// <summary>The roster of the folders (earliest return first: a later return's FTE for an IRO wins, and a later
    /// return's bad row for it takes it off the roster), or null when none has the file.</summary>
    internal static IroRoster? Read(IReadOnlyList<(string Folder, string Label)> folders, RowParser parser)
    {
        Dictionary<string, decimal>? roster = null;
        foreach ((string folder, string label) in folders)
        {
            string? found = Directory.Exists(folder)
                ? Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>()
                    .OrderBy(static f => f, StringComparer.Ordinal)
                    .FirstOrDefault(static f => string.Equals(f, Name, StringComparison.OrdinalIgnoreCase))
                : null;
            if (found is null)
            {
                continue;
            }

            roster ??= new Dictionary<string, decimal>(StringComparer.Ordinal);
            (Dictionary<string, decimal> good, HashSet<string> unknown) = ReadOne(Path.Combine(folder, found), label + Name, parser);
            foreach ((string iro, decimal fte) in good)
            {
                roster[iro] = fte;
            }

            foreach (string iro in unknown)
            {
                roster.Remove(iro);
            }
        }

        return roster is null ? null : new IroRoster(roster);
    }

    private static (Dictionary<string, decimal> Good, HashSet<string> Unknown) ReadOne(string path, string file, RowParser parser)
    {
        TextReader text;
        try
        {
            text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Ssda903FormatException(file, string.Empty, $"{file} cannot be opened: {e.Message}", e);
        }

        var good = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        using CsvTable table = CsvTable.Open(text, file, Columns, Columns.Length);
        while (table.Read())
        {
            string iro = table.Get(0), fte = table.Get(1);
            if (iro.Length == 0)
            {
                parser.RejectedWithoutChild(file, table.Line, "IRO", iro, "the IRO is blank, so the row's FTE belongs to no IRO (IRO-3)");
                continue;
            }

            if (lines.TryGetValue(iro, out int first))
            {
                unknown.Add(iro);
                parser.RejectedWithoutChild(file, table.Line, "IRO", iro,
                    $"the IRO is also on line {first.ToString(CultureInfo.InvariantCulture)}: which FTE is right cannot be known, so the IRO is taken as not on the roster (1.0 FTE, IRO-3)");
                continue;
            }

            lines[iro] = table.Line;
            if (!decimal.TryParse(fte, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value) || value <= 0m || value > 1.5m)
            {
                unknown.Add(iro);
                parser.RejectedWithoutChild(file, table.Line, "FTE", fte,
                    "the full-time equivalent must be a number above 0 and at most 1.5, such as 1 or 0.6; the IRO is taken as not on the roster (1.0 FTE, IRO-3)");
                continue;
            }

            good[iro] = value;
        }

        foreach (string iro in unknown)
        {
            good.Remove(iro);
        }

        return (good, unknown);
    }
}
