using System;
using System.IO;

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

            writer.Write(Cell(cells[i]));
        }

        writer.Write("\r\n");
    }
}
