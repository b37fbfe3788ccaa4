using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using Iro.Rules;

namespace CaseloadReport;

/// <summary>The policy the run used (<c>--policy</c>), loaded and refused like any other input, and recorded in every
/// output: the console, figures.json (<c>policy</c>) and report.html list its departures from the defaults.</summary>
internal static class PolicyReport
{
    private const string Defaults = "the statutory and documented defaults";

    /// <summary>Loads the <c>--policy</c> file.</summary>
    /// <exception cref="UsageException">No such file, or the file cannot be used: one line naming the file, line, key, value and what is allowed.</exception>
    internal static LocalPolicy Load(string file)
    {
        if (Directory.Exists(file))
        {
            throw new UsageException($"--policy '{file}' is a folder; give the policy file (JSON)");
        }

        if (!File.Exists(file))
        {
            throw new UsageException($"--policy '{file}': no such file");
        }

        try
        {
            return LocalPolicy.Load(file);
        }
        catch (PolicyFileException e)
        {
            throw new UsageException("--policy " + e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--policy '{file}' cannot be read: {e.Message}");
        }
    }

    /// <summary>One line for the console.</summary>
    internal static string ConsoleLine(JobOptions options) => ConsoleLine(options.PolicyFile, options.Policy);

    /// <summary>One line for the console: the policy file (<see langword="null"/> for none) and its departures from the defaults.
    /// The iro tool's commands that take <c>--policy</c> say the same.</summary>
    internal static string ConsoleLine(string? file, LocalPolicy? policy)
    {
        IReadOnlyList<PolicyDeparture> departures = (policy ?? LocalPolicy.Default).Departures();
        if (file is null)
        {
            return $"Policy: {Defaults} (no --policy).";
        }

        if (departures.Count == 0)
        {
            return $"Policy: {file}, the same as {Defaults}.";
        }

        return $"Policy: {file}, departing from {Defaults} in {Settings(departures.Count)}: "
            + string.Join("; ", departures.Select(static d => $"{d.Key} {d.Value} (default {d.Default}; {Rules(d)})")) + ".";
    }

    /// <summary>figures.json's <c>policy</c>: the file (null for the defaults) and each departure, its value and default as JSON values.</summary>
    internal static void WriteJson(Utf8JsonWriter json, JobOptions options) => WriteJson(json, options.PolicyFile, options.Policy);

    /// <summary>A <c>policy</c> object: <c>file</c> (null for none) and <c>departures</c> (key, value, default, rules).</summary>
    internal static void WriteJson(Utf8JsonWriter json, string? file, LocalPolicy? policy)
    {
        json.WriteStartObject("policy");
        if (file is null)
        {
            json.WriteNull("file");
        }
        else
        {
            json.WriteString("file", file);
        }

        json.WriteStartArray("departures");
        foreach (PolicyDeparture d in (policy ?? LocalPolicy.Default).Departures())
        {
            json.WriteStartObject();
            json.WriteString("key", d.Key);
            json.WritePropertyName("value");
            json.WriteRawValue(d.Value);
            json.WritePropertyName("default");
            json.WriteRawValue(d.Default);
            json.WriteStartArray("rules");
            foreach (var rule in d.Rules)
            {
                json.WriteStringValue(rule.ToString());
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>report.html: the policy in one sentence, and a table of its departures.</summary>
    internal static void AppendHtml(StringBuilder html, JobOptions options)
    {
        IReadOnlyList<PolicyDeparture> departures = (options.Policy ?? LocalPolicy.Default).Departures();
        html.Append("<p class=\"note\" id=\"policy\">Policy: ");
        if (options.PolicyFile is null)
        {
            html.Append(Defaults).Append(" (no policy file).</p>");
            return;
        }

        html.Append("<code>").Append(E(options.PolicyFile)).Append("</code>");
        if (departures.Count == 0)
        {
            html.Append(", the same as ").Append(Defaults).Append(".</p>");
            return;
        }

        html.Append(", which departs from ").Append(Defaults).Append(" in ").Append(Settings(departures.Count))
            .Append(" (every other setting is the default):</p><table><tr><th>Setting</th><th>This run</th><th>Default</th><th>Rules</th></tr>");
        foreach (PolicyDeparture d in departures)
        {
            html.Append("<tr><td><code>").Append(E(d.Key)).Append("</code></td><td><code>").Append(E(d.Value)).Append("</code></td><td><code>")
                .Append(E(d.Default)).Append("</code></td><td>").Append(E(Rules(d))).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static string Settings(int n) => n == 1 ? "1 setting" : n.ToString(CultureInfo.InvariantCulture) + " settings";

    private static string Rules(PolicyDeparture d) => string.Join(", ", d.Rules);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
