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
    internal static void Write(TextWriter writer, IEnumerable<WorklistItem> items)
    {
        CsvText.Row(writer, Columns);
        foreach (WorklistItem item in items)
        {
            CsvText.Row(writer, item.Iro, item.ChildId, item.KindText, item.Rule.Value, item.StatusText, MainJob.Iso(item.DueDate),
                Iso(item.BookBy), Iso(item.WindowStart), Iso(item.WindowEnd), item.Reason, item.Citation.ShortForm);
        }
    }

    private static string? Iso(LocalDate? date) => date is LocalDate d ? MainJob.Iso(d) : null;
}
