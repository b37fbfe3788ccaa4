using System.Collections.Generic;
using System.IO;
using Iro.Rules.Caseload;
using NodaTime;

namespace CaseloadReport;

/// <summary>worklist.csv: one row per worklist item, sorted by IRO (none last) then date; cells neutralised as in flags.csv.</summary>
internal static class WorklistCsv
{
    internal const string FileName = "worklist.csv";

    internal static readonly string[] Columns = ["iro", "child_id", "item", "rule_id", "status", "due_date", "book_by", "window_start", "window_end", "reason", "citation"];

    /// <summary>Writes the header and one row per item (an empty <c>iro</c> is a child with no IRO allocated).</summary>
    /// <remarks>The rows are formatted on every core in chunks and written in order (<see cref="ChunkedText"/>): the
    /// same bytes as one row after another.</remarks>
    internal static void Write(TextWriter writer, IReadOnlyList<WorklistItem> items)
    {
        CsvText.Row(writer, Columns);
        ChunkedText.Write(writer, items, 0, items.Count, static (w, _, item) => Row(w, item));
    }

    /// <summary>One item's row: CsvText.Row's cells, written one by one (no array, no date strings per row).</summary>
    private static void Row(TextWriter writer, WorklistItem item)
    {
        CsvText.Write(writer, item.Iro);
        writer.Write(',');
        CsvText.Write(writer, item.ChildId);
        writer.Write(',');
        CsvText.Write(writer, item.KindText);
        writer.Write(',');
        CsvText.Write(writer, item.Rule.Value);
        writer.Write(',');
        CsvText.Write(writer, item.StatusText);
        writer.Write(',');
        CsvText.Write(writer, item.DueDate);
        writer.Write(',');
        CsvText.Write(writer, item.BookBy);
        writer.Write(',');
        CsvText.Write(writer, item.WindowStart);
        writer.Write(',');
        CsvText.Write(writer, item.WindowEnd);
        writer.Write(',');
        CsvText.Write(writer, item.Reason);
        writer.Write(',');
        CsvText.Write(writer, item.Citation.ShortForm);
        writer.Write("\r\n");
    }
}
