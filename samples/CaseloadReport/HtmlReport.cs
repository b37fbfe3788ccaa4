using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using Iro.Rules.Caseload;
using Iro.Rules.Participation;
using NodaTime;

namespace CaseloadReport;

/// <summary>One self-contained HTML page: inline CSS and SVG, no network.</summary>
internal static class HtmlReport
{
    /// <summary>At most this many children not evaluated are listed on the page (all are in not_evaluated.csv).</summary>
    private const int MaxListed = 10_000;

    internal static string Render(RunReport report)
    {
        CaseloadFigures figures = report.Figures;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>IRO report ").Append(figures.Year)
            .Append(report.Complete ? string.Empty : " (INCOMPLETE)").Append("</title><style>")
            .Append("body{font-family:system-ui,Segoe UI,Arial,sans-serif;margin:2rem;color:#1b1b1b;max-width:960px}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}")
            .Append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}")
            .Append(".note{color:#555;font-size:.9rem}.banner{border:3px solid #b00020;background:#fdecea;padding:.75rem 1rem;margin:1rem 0}.banner strong{color:#b00020}")
            .Append("td.nr{color:#555;font-style:italic}svg text{font-size:11px;font-family:inherit}</style></head><body>");
        html.Append("<h1>Independent Reviewing Officer report, ").Append(figures.Year).Append("</h1>");
        if (!report.Complete)
        {
            html.Append("<div class=\"banner\" role=\"alert\"><p><strong>INCOMPLETE RUN: do not publish this as the full list.</strong> ")
                .Append("The flags and figures below leave out children or rows that could not be read; each is listed under &ldquo;Children not evaluated&rdquo;.</p><ul>");
            foreach (string reason in report.IncompleteReasons)
            {
                html.Append("<li>").Append(E(reason)).Append(".</li>");
            }

            html.Append("</ul></div>");
        }

        html.Append("<p class=\"note\">Source: ").Append(E(report.Input.Description)).Append(". Flags as of ").Append(MainJob.Iso(report.Options.AsOf))
            .Append("; figures for the reporting year ").Append(figures.Year).Append(", 1 April ").Append(figures.Year.StartYear.ToString(CultureInfo.InvariantCulture))
            .Append(" to 31 March ").Append((figures.Year.StartYear + 1).ToString(CultureInfo.InvariantCulture)).Append(".</p>");
        PolicyReport.AppendHtml(html, report.Options);
        html.Append("<p>");
        if (report.Input.Rows is RowCounts rows)
        {
            html.Append("Rows read ").Append(N(rows.Read)).Append(" = used ").Append(N(rows.Used)).Append(" + rejected ").Append(N(rows.Rejected));
            if (report.RowsWithoutChild > 0)
            {
                html.Append(" (of which ").Append(N(report.RowsWithoutChild)).Append(report.RowsWithoutChild == 1 ? " belongs" : " belong").Append(" to no known child)");
            }

            html.Append(". ");
        }

        html.Append("Children read ").Append(N(report.ChildrenRead)).Append(" = evaluated ").Append(N(report.ChildrenEvaluated))
            .Append(" + not evaluated ").Append(N(report.ChildrenNotEvaluated)).Append(". ").Append(N(report.Flags)).Append(" open flags.</p>");

        NotEvaluatedSection(html, report);

        html.Append("<h2>Weekly flag list</h2><p>").Append(N(report.Flags)).Append(" open flags as of ").Append(MainJob.Iso(report.Options.AsOf))
            .Append(" (every flag, with its child, date and reason, is in flags.csv).</p><table><tr><th>Rule</th><th>What it checks</th><th>Source</th><th class=\"n\">Flags</th></tr>");
        foreach (RuleTally rule in report.Rules)
        {
            html.Append("<tr><td>").Append(E(rule.Rule.Value)).Append("</td><td>").Append(E(rule.Title)).Append("</td><td>").Append(E(rule.Citation))
                .Append("</td><td class=\"n\">").Append(N(rule.Count)).Append("</td></tr>");
        }

        html.Append("</table>");
        if (report.Worklist is Worklist worklist)
        {
            WorklistHtml.Append(html, worklist);
        }

        html.Append("<h2>Figures for ").Append(figures.Year).Append("</h2><p class=\"note\">Over the ").Append(N(figures.ChildrenUsed))
            .Append(" children evaluated. &ldquo;Not recorded in this source&rdquo;: the input does not hold what the figure counts, so it is not 0.</p>")
            .Append("<table><tr><th>Figure</th><th>Rule</th><th class=\"n\">Number</th><th class=\"n\">Out of</th><th class=\"n\">%</th><th class=\"n\">Not determined</th></tr>");
        foreach (Figure f in figures.Figures)
        {
            html.Append("<tr><td>").Append(E(f.Description)).Append("</td><td>").Append(E(f.Rule)).Append("</td>");
            if (!f.Recorded)
            {
                html.Append("<td class=\"nr\" colspan=\"4\">not recorded in this source</td></tr>");
                continue;
            }

            html.Append("<td class=\"n\">").Append(N(f.Numerator)).Append("</td><td class=\"n\">").Append(f.IsRatio ? N(f.Denominator) : "&ndash;")
                .Append("</td><td class=\"n\">").Append(!f.IsRatio ? "&ndash;" : f.Percent is decimal p ? p.ToString("0.0", CultureInfo.InvariantCulture) : "none to count")
                .Append("</td><td class=\"n\">").Append(f.NotDetermined == 0 ? string.Empty : N(f.NotDetermined)).Append("</td></tr>");
        }

        html.Append("</table>");
        CaseloadSection(html, report.Caseloads, "iro-caseloads");
        CaseloadSection(html, report.YearEndCaseloads, "iro-caseloads-year-end");
        html.Append("<h2>Review timeliness by month</h2>").Append(MonthlyChart(figures.ReviewsByMonth));
        html.Append("<h2>Participation (PN0-PN7)</h2>").Append(ParticipationChart(figures.Participation));
        html.Append("<p>").Append(E(figures.Participation.Finding.Summary)).Append("</p>");
        html.Append("<p class=\"note\">Produced by Iro.Rules. Every figure gives its numerator and denominator; rule ids refer to the domain reference.</p></body></html>");
        return html.ToString();
    }

    private static void NotEvaluatedSection(StringBuilder html, RunReport report)
    {
        html.Append("<h2 id=\"not-evaluated\">Children not evaluated (").Append(N(report.ChildrenNotEvaluated)).Append(")</h2>");
        if (report.ChildrenNotEvaluated == 0 && report.RowsWithoutChild == 0)
        {
            html.Append("<p>None: every child read was evaluated.</p>");
            return;
        }

        if (report.ChildrenNotEvaluated > 0)
        {
            html.Append("<p>These children have <strong>no flags and are not in the figures</strong>: their records could not be evaluated. ")
                .Append("Correct each record where it is kept (the case management system, or the return) and run the job again. ")
                .Append("The same list is in not_evaluated.csv.</p><table><tr><th>Child</th><th>Where</th><th>Value</th><th>What to correct</th></tr>");
            foreach (ChildEvaluation child in report.NotEvaluated.Take(MaxListed))
            {
                foreach (Rejection reason in child.Rejections)
                {
                    html.Append("<tr><td>").Append(E(child.ChildId)).Append("</td><td>").Append(E(Where(reason))).Append("</td><td>").Append(E(reason.Value))
                        .Append("</td><td>").Append(E(reason.Message)).Append(" <span class=\"note\">(").Append(E(reason.Code)).Append(")</span></td></tr>");
                }
            }

            html.Append("</table>");
            if (report.ChildrenNotEvaluated > MaxListed)
            {
                html.Append("<p><strong>").Append(N(report.ChildrenNotEvaluated - MaxListed)).Append(" more children not evaluated are listed in not_evaluated.csv.</strong></p>");
            }
        }

        if (report.RowsWithoutChild > 0)
        {
            html.Append("<h3>Rows that belong to no known child (").Append(N(report.RowsWithoutChild)).Append(")</h3>")
                .Append("<p>The child these rows belong to cannot be known (CHILD blank, mistyped or not in header.csv), so that child may have been evaluated without them. ")
                .Append("Correct the CHILD value, or add the child to header.csv.</p><table><tr><th>Where</th><th>Problem</th></tr>");
            foreach (Rejection row in report.Input.RowsWithoutChild.Take(MaxListed))
            {
                html.Append("<tr><td>").Append(E(Where(row))).Append("</td><td>").Append(E(row.Message)).Append("</td></tr>");
            }

            html.Append("</table>");
        }
    }

    /// <summary>IRO-3: each IRO's caseload on the as-of date against the range pro-rated by FTE.</summary>
    private static void CaseloadSection(StringBuilder html, IroCaseloadReport loads, string id)
    {
        html.Append("<h2 id=\"").Append(id).Append("\">IRO caseloads on ").Append(MainJob.Iso(loads.AsOf)).Append(" (IRO-3)</h2>");
        if (!loads.Recorded)
        {
            html.Append("<p class=\"nr\">Not recorded in this source: it holds no IRO allocations.</p>");
            return;
        }

        html.Append("<p class=\"note\">Children looked after on ").Append(MainJob.Iso(loads.AsOf)).Append(" counted for the IRO allocated to them that day, against ")
            .Append(loads.Policy.CaseloadMin.ToString(CultureInfo.InvariantCulture)).Append('-').Append(loads.Policy.CaseloadMax.ToString(CultureInfo.InvariantCulture))
            .Append(" per full-time IRO (").Append(E(Iro.Rules.Explanations.Citations.IroCaseload.ShortForm)).Append("), pro-rated by FTE")
            .Append(loads.RosterGiven ? "; an IRO not on the roster counts as 1.0 FTE." : "; no roster was given, so every IRO counts as 1.0 FTE.")
            .Append(" Below the range is information, not a breach. ").Append(N(loads.ChildrenWithoutIro)).Append(" children looked after had no IRO allocated.</p>")
            .Append("<table><tr><th>IRO</th><th class=\"n\">Children</th><th class=\"n\">FTE</th><th class=\"n\">Range</th><th>Band</th></tr>");
        foreach (Iro.Rules.Escalation.IroCaseload load in loads.Iros)
        {
            html.Append("<tr><td>").Append(E(load.Iro)).Append("</td><td class=\"n\">").Append(N(load.Children)).Append("</td><td class=\"n\">")
                .Append(load.FullTimeEquivalent.ToString("0.##", CultureInfo.InvariantCulture)).Append(load.OnRoster ? string.Empty : " (not on the roster)")
                .Append("</td><td class=\"n\">").Append(load.Assessment.Minimum.ToString("0.#", CultureInfo.InvariantCulture)).Append("&ndash;")
                .Append(load.Assessment.Maximum.ToString("0.#", CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(load.Assessment.Band == Iro.Rules.Escalation.CaseloadBand.Above ? "<strong>above</strong>" : load.Assessment.Band.ToString().ToLowerInvariant())
                .Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static string Where(Rejection reason) =>
        reason.File is null ? reason.Field : $"{reason.File}{(reason.Line is int line ? " line " + line.ToString(CultureInfo.InvariantCulture) : string.Empty)}, {reason.Field}";

    private static string MonthlyChart(IReadOnlyList<MonthlyReviews> months)
    {
        const int width = 720, height = 220, left = 40, bottom = 30;
        int max = Math.Max(1, months.Max(m => m.Held));
        double bar = (width - left) / (double)months.Count;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"Reviews held and on time by month\">");
        foreach (var (m, i) in months.Select((m, i) => (m, i)))
        {
            double x = left + (i * bar) + 4;
            double h = (height - bottom - 10) * m.Held / (double)max;
            double hOn = (height - bottom - 10) * m.OnTime / (double)max;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{height - bottom - h:0.#}\" width=\"{bar - 8:0.#}\" height=\"{h:0.#}\" fill=\"#d9534f\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{height - bottom - hOn:0.#}\" width=\"{bar - 8:0.#}\" height=\"{hOn:0.#}\" fill=\"#2e7d32\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (bar / 2) - 4:0.#}\" y=\"{height - 12}\" text-anchor=\"middle\">{m.Month.ToString("MMM", CultureInfo.InvariantCulture)}</text>");
            string pct = m.Held == 0 ? "" : (100.0 * m.OnTime / m.Held).ToString("0", CultureInfo.InvariantCulture) + "%";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (bar / 2) - 4:0.#}\" y=\"{height - bottom - h - 3:0.#}\" text-anchor=\"middle\">{pct}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"12\">{max} reviews</text></svg>");
        return svg + "<p class=\"note\">Green: on time; red: late. Percentages are the share on time.</p>";
    }

    private static string ParticipationChart(ParticipationYearSummary summary)
    {
        const int width = 720, row = 22;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{(row * 8) + 10}\" role=\"img\" aria-label=\"Participation codes\">");
        foreach (ParticipationCode code in Enum.GetValues<ParticipationCode>())
        {
            int i = (int)code;
            double pct = (double)summary.Percentage(code);
            double w = 5.5 * pct;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{(i * row) + 15}\">{code}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"40\" y=\"{(i * row) + 4}\" width=\"{w:0.#}\" height=\"{row - 8}\" fill=\"#1f5fa8\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{46 + w:0.#}\" y=\"{(i * row) + 15}\">{pct:0.0}% ({summary.Count(code)})</text>");
        }

        return svg + "</svg>";
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
