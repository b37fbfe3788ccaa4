using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Iro.Rules.Explanations;
using NodaTime;
using NodaTime.Text;

namespace Iro.Rules.Cli.Output;

/// <summary>Writes one indented JSON document with <see cref="Utf8JsonWriter"/> (no reflection, so trimming-safe).</summary>
internal static class Json
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            body(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    public static void Date(this Utf8JsonWriter writer, string name, LocalDate date) =>
        writer.WriteString(name, LocalDatePattern.Iso.Format(date));

    public static void Date(this Utf8JsonWriter writer, string name, LocalDate? date)
    {
        if (date is LocalDate d)
        {
            writer.Date(name, d);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>A finding as an object: rule, title, outcome, citation, summary and reason.</summary>
    public static void Finding(this Utf8JsonWriter writer, Finding finding)
    {
        writer.WriteStartObject();
        writer.WriteString("rule", finding.Rule.ToString());
        writer.WriteString("title", finding.Rule.Title);
        writer.WriteString("outcome", finding.Outcome.ToString());
        writer.WriteString("citation", finding.Citation.ShortForm);
        writer.WriteString("summary", finding.Summary);
        if (finding.Reason is not null)
        {
            writer.WriteString("reason", finding.Reason);
        }

        writer.WriteEndObject();
    }

    /// <summary>A citation as an object: short form, instrument, provision and address.</summary>
    public static void Citation(this Utf8JsonWriter writer, string name, Citation citation)
    {
        writer.WriteStartObject(name);
        writer.WriteString("shortForm", citation.ShortForm);
        writer.WriteString("instrument", citation.Instrument);
        writer.WriteString("provision", citation.Provision);
        writer.WriteString("url", citation.Url?.ToString());
        writer.WriteEndObject();
    }
}
