using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Iro.Rules.Caseload;
using Iro.Rules.Participation;

namespace CaseloadReport;

/// <summary>figures.json: the run's counts and completeness, then each figure as a count or a ratio.</summary>
internal static class FiguresJson
{
    internal static string Render(RunReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteBoolean("complete", report.Complete);
            json.WriteStartArray("incomplete_reasons");
            foreach (string reason in report.IncompleteReasons)
            {
                json.WriteStringValue(reason);
            }

            json.WriteEndArray();
            json.WriteString("source", report.Input.Source);
            json.WriteStartArray("inputs");
            foreach (string folder in report.Input.Inputs)
            {
                json.WriteStringValue(folder);
            }

            json.WriteEndArray();
            json.WriteString("as_of", MainJob.Iso(report.Options.AsOf));
            json.WriteString("reporting_year", report.Figures.Year.ToString());
            json.WriteString("reporting_year_start", MainJob.Iso(report.Figures.Year.Start));
            json.WriteString("reporting_year_end", MainJob.Iso(report.Figures.Year.End));
            json.WriteNumber("max_rejected", report.Options.MaxRejected);
            PolicyReport.WriteJson(json, report.Options);
            if (report.Input.Rows is RowCounts rows)
            {
                json.WriteNumber("rows_read", rows.Read);
                json.WriteNumber("rows_used", rows.Used);
                json.WriteNumber("rows_rejected", rows.Rejected);
                json.WriteNumber("rows_without_known_child", report.RowsWithoutChild);
            }
            else
            {
                json.WriteNull("rows_read");
                json.WriteNull("rows_used");
                json.WriteNull("rows_rejected");
                json.WriteNull("rows_without_known_child");
            }

            json.WriteNumber("children_read", report.ChildrenRead);
            json.WriteNumber("children_evaluated", report.ChildrenEvaluated);
            json.WriteNumber("children_not_evaluated", report.ChildrenNotEvaluated);
            json.WriteNumber("flags", report.Flags);

            json.WriteStartArray("figures");
            foreach (Figure f in report.Figures.Figures)
            {
                json.WriteStartObject();
                json.WriteString("key", f.Key);
                json.WriteString("description", f.Description);
                json.WriteString("rule", f.Rule);
                json.WriteString("kind", f.IsRatio ? "ratio" : "count");
                json.WriteBoolean("recorded", f.Recorded);
                if (!f.IsRatio)
                {
                    Number(json, "value", f.Recorded ? f.Numerator : null);
                }
                else
                {
                    Number(json, "numerator", f.Recorded ? f.Numerator : null);
                    Number(json, "denominator", f.Recorded ? f.Denominator : null);
                    if (f.Percent is decimal percent)
                    {
                        json.WriteNumber("percent", percent);
                    }
                    else
                    {
                        json.WriteNull("percent");
                    }
                }

                Number(json, "not_determined", f.Recorded ? f.NotDetermined : null);
                json.WriteString("text", f.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            IroCaseloads(json, "iro_caseloads", report.Caseloads);
            IroCaseloads(json, "iro_caseloads_year_end", report.YearEndCaseloads);

            json.WriteStartArray("participation");
            foreach (ParticipationCode code in Enum.GetValues<ParticipationCode>())
            {
                json.WriteStartObject();
                json.WriteString("code", code.ToString());
                json.WriteNumber("count", report.Figures.Participation.Count(code));
                json.WriteNumber("percent", Math.Round(report.Figures.Participation.Percentage(code), 1));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("reviews_by_month");
            foreach (MonthlyReviews m in report.Figures.ReviewsByMonth)
            {
                json.WriteStartObject();
                json.WriteString("month", m.Month.ToString("uuuu-MM", CultureInfo.InvariantCulture));
                json.WriteNumber("held", m.Held);
                json.WriteNumber("on_time", m.OnTime);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("flags_by_rule");
            foreach (RuleTally rule in report.Rules)
            {
                json.WriteStartObject();
                json.WriteString("rule", rule.Rule.Value);
                json.WriteString("title", rule.Title);
                json.WriteString("citation", rule.Citation);
                json.WriteNumber("flags", rule.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>IRO-3 on one date (the as-of date, or the reporting year's last day): each IRO's children, FTE, range and band; null numbers when not recorded.</summary>
    private static void IroCaseloads(Utf8JsonWriter json, string name, IroCaseloadReport loads)
    {
        json.WriteStartObject(name);
        json.WriteString("rule", "IRO-3");
        json.WriteString("citation", Iro.Rules.Explanations.Citations.IroCaseload.ShortForm);
        json.WriteString("as_of", MainJob.Iso(loads.AsOf));
        json.WriteBoolean("recorded", loads.Recorded);
        json.WriteBoolean("roster", loads.RosterGiven);
        Number(json, "children_without_iro", loads.Recorded ? loads.ChildrenWithoutIro : null);
        json.WriteStartArray("iros");
        foreach (Iro.Rules.Escalation.IroCaseload load in loads.Iros)
        {
            json.WriteStartObject();
            json.WriteString("iro", load.Iro);
            json.WriteNumber("children", load.Children);
            json.WriteNumber("fte", load.FullTimeEquivalent);
            json.WriteBoolean("on_roster", load.OnRoster);
            json.WriteNumber("minimum", load.Assessment.Minimum);
            json.WriteNumber("maximum", load.Assessment.Maximum);
            json.WriteString("band", load.Assessment.Band.ToString().ToLowerInvariant());
            json.WriteString("text", load.Assessment.Finding.Summary);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is int n)
        {
            json.WriteNumber(name, n);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
