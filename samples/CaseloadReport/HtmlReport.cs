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
    internal static string Render(CaseloadFigures figures, LocalDate asOf, IReadOnlyDictionary<string, int> flagsByRule, int flags, int read, int evaluated, int notEvaluated)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>IRO report ").Append(figures.Year).Append("</title><style>")
            .Append("body{font-family:system-ui,Segoe UI,Arial,sans-serif;margin:2rem;color:#1b1b1b;max-width:960px}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}")
            .Append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}")
            .Append(".note{color:#555;font-size:.9rem}svg text{font-size:11px;font-family:inherit}</style></head><body>");
        html.Append("<h1>Independent Reviewing Officer report, ").Append(figures.Year).Append("</h1>");
        html.Append("<p class=\"note\">Reporting year 1 April to 31 March. Flags as of ").Append(asOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture))
            .Append(". Children read ").Append(N(read)).Append(" = evaluated ").Append(N(evaluated)).Append(" + not evaluated ").Append(N(notEvaluated)).Append(".</p>");

        html.Append("<h2>Figures</h2><table><tr><th>Figure</th><th>Rule</th><th class=\"n\">Number</th><th class=\"n\">Out of</th><th class=\"n\">%</th></tr>");
        foreach (Figure f in figures.Figures)
        {
            html.Append("<tr><td>").Append(E(f.Description)).Append("</td><td>").Append(E(f.Rule)).Append("</td><td class=\"n\">").Append(N(f.Numerator))
                .Append("</td><td class=\"n\">").Append(f.Denominator == 0 ? "" : N(f.Denominator)).Append("</td><td class=\"n\">")
                .Append(f.Percent is decimal p ? p.ToString("0.0", CultureInfo.InvariantCulture) : "").Append("</td></tr>");
        }

        html.Append("</table>");
        html.Append("<h2>Review timeliness by month</h2>").Append(MonthlyChart(figures.ReviewsByMonth));
        html.Append("<h2>Participation (PN0-PN7)</h2>").Append(ParticipationChart(figures.Participation));
        html.Append("<p>").Append(E(figures.Participation.Finding.Summary)).Append("</p>");
        html.Append("<h2>Weekly flag list</h2><p>").Append(N(flags)).Append(" open flags (full list in flags.csv).</p><table><tr><th>Rule</th><th class=\"n\">Flags</th></tr>");
        foreach (var (rule, n) in flagsByRule)
        {
            html.Append("<tr><td>").Append(E(rule)).Append("</td><td class=\"n\">").Append(N(n)).Append("</td></tr>");
        }

        html.Append("</table><p class=\"note\">Produced by Iro.Rules. Every figure gives its numerator and denominator; rule ids refer to the domain reference.</p></body></html>");
        return html.ToString();
    }

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
