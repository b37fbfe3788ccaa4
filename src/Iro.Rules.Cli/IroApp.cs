using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Iro.Rules.Cli.Commands;

namespace Iro.Rules.Cli;

/// <summary>The <c>iro</c> command line: builds the commands, runs one, and turns every failure into one line and an exit code.</summary>
internal static class IroApp
{
    public const string ExitCodeHelp =
        "Exit codes: 0 done; 1 done but incomplete, or with flags you asked to fail on; 2 bad input (nothing answered); 3 a fault in the tool (run again with --verbose and report it).";

    /// <summary>Every command, in the order <c>iro --help</c> lists them. A new command is a new file in Commands/ and a line here.</summary>
    public static IReadOnlyList<IroCommand> Commands() =>
    [
        new DeadlineCommand(),
        new HolidaysCommand(),
        new ReviewsCommand(),
        new RulesCommand(),
        new CaseloadCommand(),
        new WorklistCommand(),
    ];

    /// <summary>The tool's version: the informational version of this assembly, without any source revision suffix.</summary>
    public static string Version
    {
        get
        {
            Assembly assembly = typeof(IroApp).Assembly;
            string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
            int plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    /// <summary>Runs <c>iro</c> with <paramref name="args"/>, writing answers to <paramref name="output"/> and problems to <paramref name="error"/>.</summary>
    /// <returns>An exit code from <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        int first = Array.FindIndex(args, static a => a != "--verbose");
        if (first >= 0 && args[first] == CaseloadCommand.CommandName)
        {
            // The main job has its own options, help and exit codes: the same code as samples/CaseloadReport.
            string[] rest = first > 0 ? [.. args[(first + 1)..], "--verbose"] : args[(first + 1)..];
            return global::CaseloadReport.MainJob.Run(rest, output, error, "iro caseload");
        }

        var verbose = new Option<bool>("--verbose")
        {
            Description = "On an error, show the full exception with its stack trace.",
            Recursive = true,
        };
        Command root = BuildRoot(verbose, output, error);
        ParseResult parsed = root.Parse(args);
        string commandName = parsed.CommandResult.Command == root ? "iro" : "iro " + parsed.CommandResult.Command.Name;

        if (parsed.Action is ParseErrorAction)
        {
            foreach (string message in ParseErrors(parsed, root))
            {
                error.WriteLine($"{commandName}: {message}");
            }

            return ExitCodes.BadInput;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    private static Command BuildRoot(Option<bool> verbose, TextWriter output, TextWriter error)
    {
        IReadOnlyList<IroCommand> commands = Commands();
        var root = new Command("iro", "Statutory timescales for Independent Reviewing Officers (Iro.Rules): working-day deadlines, UK bank holidays, a child's review timetable and the rules behind them, each answer with its rule id and citation.");
        var help = new HelpOption();
        var examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [root] = commands.Select(static c => c.Examples[0]).Append("iro deadline --help").ToArray(),
        };
        help.Action = new HelpWithExamples(help.Action!, examples, output);

        root.Add(help);
        root.Add(new VersionOption { Action = new VersionAction(output) });
        root.Add(verbose);

        foreach (IroCommand command in commands)
        {
            var cmd = new Command(command.Name, command.Description);
            command.Configure(cmd);
            examples[cmd] = command.Examples;
            cmd.SetAction(parsed => Execute(command, parsed, verbose, output, error));
            root.Add(cmd);
        }

        return root;
    }

    private static int Execute(IroCommand command, ParseResult parsed, Option<bool> verbose, TextWriter output, TextWriter error)
    {
        string prefix = "iro " + command.Name;
        try
        {
            return command.Execute(parsed, output, error);
        }
        catch (Exception e) when (e is CliInputException or ArgumentException or InvalidDataException or IOException or FormatException)
        {
            error.WriteLine($"{prefix}: {Describe(command, e)}");
            if (parsed.GetValue(verbose))
            {
                error.WriteLine(e.ToString());
            }

            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine($"{prefix}: a fault in the tool: {OneLine(e.Message)} ({e.GetType().Name}){(parsed.GetValue(verbose) ? string.Empty : "; run again with --verbose for the details to report")}");
            if (parsed.GetValue(verbose))
            {
                error.WriteLine(e.ToString());
            }

            return ExitCodes.InternalError;
        }
    }

    /// <summary>One line per problem; for <c>iro</c> alone or an unknown command, one line that lists the commands.</summary>
    private static IEnumerable<string> ParseErrors(ParseResult parsed, Command root)
    {
        IEnumerable<string> messages = parsed.Errors.Select(static e => OneLine(e.Message)).Distinct();
        if (parsed.CommandResult.Command != root)
        {
            return messages;
        }

        string commands = string.Join(", ", root.Subcommands.Select(static c => c.Name));
        string? other = messages.FirstOrDefault(static m => !m.StartsWith("Required command", StringComparison.Ordinal));
        return [$"{other ?? "no command given."} The commands are {commands}; 'iro --help' shows each with an example."];
    }

    /// <summary>One line naming the argument and the problem.</summary>
    private static string Describe(IroCommand command, Exception e)
    {
        if (e is CliInputException input)
        {
            return $"{input.Argument}: {OneLine(input.Problem)}";
        }

        string message = OneLine(e.Message);
        if (e is not ArgumentException { ParamName: { Length: > 0 } name })
        {
            return message;
        }

        // The library names its parameters (start, workingDays); say what the user typed (<date>, --working-days).
        message = message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal);
        if (command.ParameterNames.Count > 0)
        {
            string names = string.Join("|", command.ParameterNames.Keys.Select(Regex.Escape));
            message = Regex.Replace(message, $@"\b({names})\b", m => command.ParameterNames[m.Value]);
        }

        string typed = command.ParameterNames.TryGetValue(name, out string? mapped) ? mapped : name;
        return message.StartsWith(typed, StringComparison.Ordinal) ? message : $"{typed}: {message}";
    }

    /// <summary>Joins a multi-line message into one line, dropping .NET's "Actual value was" line.</summary>
    private static string OneLine(string message) => string.Join(
        " ",
        message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(static l => !l.StartsWith("Actual value was", StringComparison.Ordinal)));

    /// <summary>The library's help, then the command's examples and the exit codes.</summary>
    private sealed class HelpWithExamples(CommandLineAction help, Dictionary<Command, IReadOnlyList<string>> examples, TextWriter output) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            if (help is SynchronousCommandLineAction synchronous)
            {
                synchronous.Invoke(parseResult);
            }

            if (examples.TryGetValue(parseResult.CommandResult.Command, out IReadOnlyList<string>? lines))
            {
                output.WriteLine("Examples:");
                foreach (string line in lines)
                {
                    output.WriteLine("  " + line);
                }

                output.WriteLine();
            }

            output.WriteLine(ExitCodeHelp);
            return ExitCodes.Done;
        }
    }

    /// <summary>Prints the tool's version (the package version) rather than the host process's.</summary>
    private sealed class VersionAction(TextWriter output) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            output.WriteLine(Version);
            return ExitCodes.Done;
        }
    }
}
