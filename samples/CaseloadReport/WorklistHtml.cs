using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using Iro.Rules.Caseload;

namespace CaseloadReport;

/// <summary>report.html's worklist: a section per IRO (children with no IRO allocated last), each item with its rule and reason.</summary>
internal static class WorklistHtml
{
    /// <summary>At most this many items are listed per IRO on the page (all are in worklist.csv).</summary>
    private const int MaxPerIro = 500;

    internal static void Append(StringBuilder html, Worklist worklist)
    {
        int overdue = worklist.Items.Count(static i => i.Status == WorklistStatus.Overdue);
        html.Append("<h2 id=\"worklist\">Worklist</h2><p>").Append(N(worklist.Items.Count)).Append(" items (").Append(N(overdue))
            .Append(" overdue) as of ").Append(MainJob.Iso(worklist.AsOf)).Append(", looking ").Append(N(worklist.HorizonWeeks)).Append(" weeks ahead to ")
            .Append(MainJob.Iso(worklist.HorizonEnd)).Append(": each child's next review with its due date and the day to book it by (the latest working day on or before it; ")
            .Append("the due date itself never moves), the IRO's visit window before it, recommendations and minutes owed, and anything overdue. ")
            .Append("Every item is in worklist.csv, and in calendars/ as one iCalendar file per IRO.</p>");
        if (worklist.Items.Count == 0)
        {
            html.Append("<p>Nothing due in the horizon and nothing overdue.</p>");
            return;
        }

        foreach ((string? iro, string file) in WorklistCalendars.FileNames(worklist.Iros))
        {
            IReadOnlyList<WorklistItem> items = worklist.ForIro(iro);
            html.Append("<h3>").Append(iro is null ? "No IRO allocated" : "IRO: " + E(iro)).Append(" (").Append(N(items.Count)).Append(" items, ")
                .Append(N(items.Count(static i => i.Status == WorklistStatus.Overdue))).Append(" overdue; calendars/").Append(E(file)).Append(")</h3>")
                .Append("<table><tr><th>Child</th><th>Item</th><th>Rule</th><th>Status</th><th>Due</th><th>Book by / window</th><th>Reason</th></tr>");
            foreach (WorklistItem item in items.Take(MaxPerIro))
            {
                string when = item.BookBy is { } b ? MainJob.Iso(b)
                    : item.WindowStart is { } from && item.WindowEnd is { } to ? MainJob.Iso(from) + " to " + MainJob.Iso(to)
                    : string.Empty;
                html.Append("<tr><td>").Append(E(item.ChildId)).Append("</td><td>").Append(item.KindText).Append("</td><td>").Append(E(item.Rule.Value))
                    .Append("</td><td>").Append(item.StatusText).Append("</td><td>").Append(MainJob.Iso(item.DueDate)).Append("</td><td>").Append(when)
                    .Append("</td><td>").Append(E(item.Reason)).Append(" <span class=\"note\">(").Append(E(item.Citation.ShortForm)).Append(")</span></td></tr>");
            }

            html.Append("</table>");
            if (items.Count > MaxPerIro)
            {
                html.Append("<p><strong>").Append(N(items.Count - MaxPerIro)).Append(" more items for this IRO are in worklist.csv.</strong></p>");
            }
        }
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
