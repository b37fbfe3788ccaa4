using System;
using System.IO;
using NodaTime;

namespace CaseloadReport;

/// <summary>CSV cells for files a person opens in a spreadsheet.</summary>
internal static class CsvText
{
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    /// <summary>One cell: neutralised against formula injection, then quoted if it needs to be (RFC 4180).</summary>
    /// <remarks>OWASP's CSV injection advice: a cell beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
    /// carriage return could be run as a formula by a spreadsheet, so it is prefixed with a single quote (<c>'</c>),
    /// which spreadsheets show as text. Values in the outputs come from the input files (a child id, a value), so any
    /// of them can begin so.</remarks>
    internal static string Cell(string? value)
    {
        string text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny(NeedsQuotes) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Writes one row of cells, each through <see cref="Cell"/>.</summary>
    internal static void Row(TextWriter writer, params string?[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            Write(writer, cells[i]);
        }

        writer.Write("\r\n");
    }

    /// <summary>Writes one cell as <see cref="Cell"/> gives it; a cell that needs neither the prefix nor quotes (most)
    /// is written as it is, with no new string.</summary>
    internal static void Write(TextWriter writer, string? value)
    {
        if (value is null || value.Length == 0)
        {
            return;
        }

        bool prefix = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        ReadOnlySpan<char> rest = value;
        if (rest.IndexOfAny(NeedsQuotesSearch) < 0)
        {
            if (prefix)
            {
                writer.Write('\'');
            }

            writer.Write(value);
            return;
        }

        // Quoted (a reason with a comma, most of them), written piece by piece: no new string per cell.
        writer.Write('"');
        if (prefix)
        {
            writer.Write('\'');
        }

        for (int quote = rest.IndexOf('"'); quote >= 0; quote = rest.IndexOf('"'))
        {
            writer.Write(rest[..(quote + 1)]);
            writer.Write('"'); // a quote inside a quoted cell is doubled
            rest = rest[(quote + 1)..];
        }

        writer.Write(rest);
        writer.Write('"');
    }

    /// <summary>Writes a date as yyyy-MM-dd (ISO; the cell never needs quotes), digit by digit; nothing for no date.</summary>
    internal static void Write(TextWriter writer, LocalDate? value)
    {
        if (value is not LocalDate date)
        {
            return;
        }

        if (date.Calendar != CalendarSystem.Iso || date.Year is < 1 or > 9999)
        {
            writer.Write(MainJob.Iso(date));
            return;
        }

        Span<char> text = stackalloc char[10];
        int year = date.Year;
        text[0] = (char)('0' + (year / 1000));
        text[1] = (char)('0' + (year / 100 % 10));
        text[2] = (char)('0' + (year / 10 % 10));
        text[3] = (char)('0' + (year % 10));
        text[4] = '-';
        text[5] = (char)('0' + (date.Month / 10));
        text[6] = (char)('0' + (date.Month % 10));
        text[7] = '-';
        text[8] = (char)('0' + (date.Day / 10));
        text[9] = (char)('0' + (date.Day % 10));
        writer.Write(text);
    }

    private static readonly System.Buffers.SearchValues<char> NeedsQuotesSearch = System.Buffers.SearchValues.Create(",\"\n\r");
}
