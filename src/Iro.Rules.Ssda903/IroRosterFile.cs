using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Iro.Rules.Escalation;

namespace Iro.Rules.Ssda903;

/// <summary>Reads the optional <c>iro_roster.csv</c> (IRO, FTE) of each folder into one <see cref="IroRoster"/> (IRO-3).</summary>
/// <remarks>Not a table of children: a bad value cannot be set aside with a child, and the pro-rated ranges rest on
/// every row, so a bad row refuses the read with <see cref="Ssda903FormatException"/> naming the file, the line, the
/// column and the value.</remarks>
internal static class IroRosterFile
{
    internal const string Name = "iro_roster.csv";

    private static readonly string[] Columns = ["IRO", "FTE"];

    /// <summary>The roster of the folders (earliest return first: a later return's FTE for an IRO wins), or null when none has the file.</summary>
    internal static IroRoster? Read(IReadOnlyList<(string Folder, string Label)> folders)
    {
        Dictionary<string, decimal>? roster = null;
        foreach ((string folder, string label) in folders)
        {
            if (!Directory.Exists(folder))
            {
                continue; // an XML return given as a file: no roster beside it is read
            }

            string? found = Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>()
                .OrderBy(static f => f, StringComparer.Ordinal)
                .FirstOrDefault(static f => string.Equals(f, Name, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                continue;
            }

            roster ??= new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach ((string iro, decimal fte) in ReadOne(Path.Combine(folder, found), label + Name))
            {
                roster[iro] = fte;
            }
        }

        return roster is null ? null : new IroRoster(roster);
    }

    private static List<(string Iro, decimal Fte)> ReadOne(string path, string file)
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

        var rows = new List<(string Iro, decimal Fte)>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        using CsvTable table = CsvTable.Open(text, file, Columns, Columns.Length);
        while (table.Read())
        {
            string iro = table.Get(0), fte = table.Get(1);
            if (iro.Length == 0)
            {
                throw Bad(file, table.Line, "IRO", iro, "the IRO is blank");
            }

            if (!decimal.TryParse(fte, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value) || value <= 0m || value > 1.5m)
            {
                throw Bad(file, table.Line, "FTE", fte, "the full-time equivalent must be a number above 0 and at most 1.5, such as 1 or 0.6 (IRO-3)");
            }

            if (lines.TryGetValue(iro, out int first))
            {
                throw Bad(file, table.Line, "IRO", iro, $"the IRO is also on line {first.ToString(CultureInfo.InvariantCulture)}: which FTE is right cannot be known");
            }

            lines[iro] = table.Line;
            rows.Add((iro, value));
        }

        return rows;
    }

    private static Ssda903FormatException Bad(string file, int line, string column, string value, string why) =>
        new(file, column, $"{file} line {line.ToString(CultureInfo.InvariantCulture)}, {column} '{value}': {why}; the roster is refused, as every IRO's range rests on it.");
}
