using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Iro.Rules.Cli.Output;

/// <summary>Writes RFC 4180 CSV rows: fields with a comma, quote or line break are quoted, quotes doubled.</summary>
internal static class Csv
{
    public static void Row(TextWriter writer, params IEnumerable<string?> fields)
    {
        writer.Write(string.Join(",", fields.Select(Field)));
        writer.Write("\r\n");
    }

    private static string Field(string? value)
    {
        value ??= string.Empty;
        bool quote = value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value != value.Trim();
        return quote ? "\"" + value.Replace("\"", "\"\"", System.StringComparison.Ordinal) + "\"" : value;
    }
}
