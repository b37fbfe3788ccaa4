using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Sylvan.Data.Csv;

namespace Iro.Rules.Ssda903;

/// <summary>One SSDA903 CSV file, read row by row: the header checked before any row, physical line numbers, and the
/// CSV library's exceptions turned into <see cref="Ssda903FormatException"/> naming the file and the line.</summary>
internal sealed class CsvTable : IDisposable
{
    /// <summary>Longest row accepted, in characters (the library's default is 16K); a longer one is a whole-file problem.</summary>
    private const int MaxRowChars = 1 << 20;

    private readonly CsvDataReader csv;
    private readonly int[] ordinals;
    private int nextLine;

    private CsvTable(CsvDataReader csv, string file, int[] ordinals, int headerFields, int firstDataLine)
    {
        this.csv = csv;
        File = file;
        this.ordinals = ordinals;
        HeaderFields = headerFields;
        nextLine = firstDataLine;
    }

    /// <summary>The file's name as reported.</summary>
    public string File { get; }

    /// <summary>The physical line the current row starts on.</summary>
    public int Line { get; private set; }

    /// <summary>The number of columns in the header row.</summary>
    public int HeaderFields { get; }

    /// <summary>The number of fields in the current row.</summary>
    public int RowFields => csv.RowFieldCount;

    /// <summary>Whether the column at <paramref name="column"/> (an index into the names given to <see cref="Open"/>) is present.</summary>
    public bool Has(int column) => ordinals[column] >= 0;

    /// <summary>Opens a file and checks its header: every required column present once.</summary>
    /// <param name="text">The text.</param>
    /// <param name="file">The file's name as reported.</param>
    /// <param name="columns">The columns read; the first <paramref name="required"/> are required.</param>
    /// <param name="required">How many of <paramref name="columns"/> are required.</param>
    /// <returns>The table, positioned before the first row.</returns>
    /// <exception cref="Ssda903FormatException">Empty, headerless, a required column missing or twice, or not CSV.</exception>
    public static CsvTable Open(TextReader text, string file, string[] columns, int required)
    {
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = false, MaxBufferSize = MaxRowChars });
        }
        catch (Exception e) when (e is CsvFormatException or ArgumentException or IOException or InvalidOperationException)
        {
            throw new Ssda903FormatException(file, string.Empty, $"{file} cannot be read: {e.Message}", e);
        }

        try
        {
            int line = 1;
            string[] names;
            while (true)
            {
                if (!ReadRow(csv, file, line))
                {
                    throw new Ssda903FormatException(file, string.Empty, $"{file} is empty: it has no header row (expected {string.Join(", ", columns.Take(required))}).");
                }

                names = Enumerable.Range(0, csv.RowFieldCount).Select(i => Clean(csv.GetString(i))).ToArray();
                int breaks = Breaks(csv);
                if (names.Length == 1 && names[0].Length == 0 && breaks == 0)
                {
                    line++; // a blank line before the header
                    continue;
                }

                line += 1 + breaks;
                break;
            }

            var ordinals = new int[columns.Length];
            for (int c = 0; c < columns.Length; c++)
            {
                int[] at = Enumerable.Range(0, names.Length).Where(i => string.Equals(names[i], columns[c], StringComparison.OrdinalIgnoreCase)).ToArray();
                if (at.Length > 1)
                {
                    throw new Ssda903FormatException(file, columns[c], $"{file} has the column {columns[c]} {at.Length.ToString(CultureInfo.InvariantCulture)} times (columns {string.Join(" and ", at.Select(i => (i + 1).ToString(CultureInfo.InvariantCulture)))}); which one holds the data cannot be known.");
                }

                ordinals[c] = at.Length == 1 ? at[0] : -1;
            }

            for (int c = 0; c < required; c++)
            {
                if (ordinals[c] >= 0)
                {
                    continue;
                }

                if (Enumerable.Range(0, required).All(k => ordinals[k] < 0) && names.Any(n => n.Length > 0 && char.IsAsciiDigit(n[0])))
                {
                    throw new Ssda903FormatException(file, columns[c], $"{file} has no header row: its first line is '{Shorten(string.Join(",", names))}' (expected the columns {string.Join(", ", columns.Take(required))}).");
                }

                string nearest = Nearest(columns[c], names);
                throw new Ssda903FormatException(file, columns[c], $"{file} has no {columns[c]} column ({nearest}).");
            }

            return new CsvTable(csv, file, ordinals, names.Length, line);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next row that is not a blank line.</summary>
    /// <returns><see langword="false"/> at the end.</returns>
    /// <exception cref="Ssda903FormatException">The CSV cannot be read past this line (an unclosed quote, a row too long).</exception>
    public bool Read()
    {
        while (true)
        {
            if (!ReadRow(csv, File, nextLine))
            {
                return false;
            }

            Line = nextLine;
            int breaks = Breaks(csv);
            nextLine += 1 + breaks;
            if (csv.RowFieldCount == 1 && breaks == 0 && csv.GetFieldSpan(0).IsWhiteSpace())
            {
                continue; // a blank line (a trailing one, or between rows): not a row
            }

            return true;
        }
    }

    /// <summary>The value of a column (an index into the names given to <see cref="Open"/>), trimmed; empty when absent or beyond the row's fields.</summary>
    public string Get(int column)
    {
        int ordinal = ordinals[column];
        return ordinal < 0 || ordinal >= csv.RowFieldCount ? string.Empty : Trim(csv.GetFieldSpan(ordinal));
    }

    /// <summary>The value of a column, trimmed, without allocating: empty when absent or beyond the row's fields.
    /// Valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<char> Span(int column)
    {
        int ordinal = ordinals[column];
        return ordinal < 0 || ordinal >= csv.RowFieldCount ? ReadOnlySpan<char>.Empty : csv.GetFieldSpan(ordinal).Trim();
    }

    /// <summary>The value of a column as read, untrimmed.</summary>
    public ReadOnlySpan<char> Raw(int column)
    {
        int ordinal = ordinals[column];
        return ordinal < 0 || ordinal >= csv.RowFieldCount ? ReadOnlySpan<char>.Empty : csv.GetFieldSpan(ordinal);
    }

    /// <inheritdoc/>
    public void Dispose() => csv.Dispose();

    /// <summary>The names of the columns as the header gave them, for messages.</summary>
    internal static string Nearest(string wanted, IReadOnlyList<string> names)
    {
        string key = Key(wanted);
        var candidates = names.Where(n => n.Length > 0).Select(n => (Name: n, Distance: Distance(key, Key(n)))).OrderBy(c => c.Distance).ToArray();
        if (candidates.Length > 0 && candidates[0].Distance <= Math.Max(2, key.Length / 2))
        {
            return "nearest: " + candidates[0].Name;
        }

        return names.Count == 0 || candidates.Length == 0 ? "the header row is blank" : "columns found: " + Shorten(string.Join(", ", names));
    }

    private static bool ReadRow(CsvDataReader csv, string file, int line)
    {
        try
        {
            return csv.Read();
        }
        catch (Exception e) when (e is CsvFormatException or IOException or InvalidOperationException or ArgumentException or FormatException)
        {
            string what = e is CsvRecordTooLargeException
                ? $"a row longer than {MaxRowChars.ToString("N0", CultureInfo.InvariantCulture)} characters"
                : e.Message.Contains("quote", StringComparison.OrdinalIgnoreCase) ? $"a quote that is not closed or is followed by other text ({e.Message})" : e.Message;
            throw new Ssda903FormatException(file, string.Empty, $"{file} cannot be read from line {line.ToString(CultureInfo.InvariantCulture)}: {what}; nothing after it can be told apart, so the file is refused.", e);
        }
    }

    /// <summary>The physical line breaks inside the current row's quoted values.</summary>
    private static int Breaks(CsvDataReader csv)
    {
        // A line break can only be inside a quoted value: a row with no quote (nearly every row) has none, and its
        // fields need not be looked at one by one.
        if (!csv.GetRawRecordSpan().Contains('"'))
        {
            return 0;
        }

        int breaks = 0;
        for (int i = 0; i < csv.RowFieldCount; i++)
        {
            ReadOnlySpan<char> field = csv.GetFieldSpan(i);
            if (field.IndexOfAny('\n', '\r') < 0)
            {
                continue;
            }

            for (int k = 0; k < field.Length; k++)
            {
                if (field[k] == '\n' || (field[k] == '\r' && (k + 1 == field.Length || field[k + 1] != '\n')))
                {
                    breaks++;
                }
            }
        }

        return breaks;
    }

    private static string Trim(ReadOnlySpan<char> span)
    {
        ReadOnlySpan<char> t = span.Trim();
        return t.Length == 0 ? string.Empty : t.ToString();
    }

    private static string Clean(string name) => name.Trim().Trim('\uFEFF').Trim();

    private static string Key(string name) => new(name.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
