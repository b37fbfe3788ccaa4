using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;

namespace Iro.Rules.Cli.Commands;

/// <summary>
/// <c>iro caseload --ssda903 &lt;folder&gt; --as-of &lt;date&gt; [--year yyyy] [--out dir]</c>: the main job, the weekly
/// flag list and the annual figures for a caseload. It is the same code as samples/CaseloadReport (its source is
/// compiled into the tool), with the same options, outputs and exit codes; <see cref="IroApp.Run"/> hands every
/// argument after <c>caseload</c> to it, so this class only lists the command in <c>iro --help</c>.
/// </summary>
internal sealed class CaseloadCommand : IroCommand
{
    /// <summary>The command's name.</summary>
    public const string CommandName = "caseload";

    public override string Name => CommandName;

    public override string Description =>
        "The weekly flag list and the annual figures for a caseload from SSDA903 returns (or a synthetic caseload): flags.csv, not_evaluated.csv, figures.json and report.html. Its options: iro caseload --help.";

    public override IReadOnlyList<string> Examples { get; } =
    [
        "iro caseload --count 200 --as-of 2026-03-31 --out caseload-example",
        "iro caseload --ssda903 return-2024-25 --ssda903 return-2025-26 --as-of 2025-11-10 --out out",
    ];

    public override void Configure(Command command)
    {
        command.TreatUnmatchedTokensAsErrors = false;
    }

    public override int Execute(ParseResult parsed, TextWriter output, TextWriter error)
    {
        // Not reached with arguments (IroApp.Run hands them to the job first); never run the job on other input than the user's.
        error.WriteLine("iro caseload: give its options after the command name, for example: iro caseload --ssda903 <folder> --as-of <date>; see iro caseload --help.");
        return ExitCodes.BadInput;
    }
}
