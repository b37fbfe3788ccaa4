namespace Iro.Rules.Cli.Output;

/// <summary>How a command with tabular output writes it (<c>--format</c>).</summary>
internal enum OutputFormat
{
    /// <summary>Lines for a person to read, each explanation with its rule id and citation.</summary>
    Text,

    /// <summary>One JSON document.</summary>
    Json,

    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,
}
