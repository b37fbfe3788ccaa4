using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;

namespace Iro.Rules.Cli;

/// <summary>One <c>iro</c> command: its name, description, examples, arguments and what it does.</summary>
/// <remarks>
/// Each command is one file in Commands/ and one line in <see cref="IroApp.Commands"/>. <see cref="IroApp"/> does the
/// rest for every command alike: <c>--help</c> with the examples, <c>--verbose</c>, parse errors and bad input as one
/// line with exit code 2, and no stack trace unless <c>--verbose</c>.
/// </remarks>
internal abstract class IroCommand
{
    /// <summary>The command's name after <c>iro</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What it does, for <c>--help</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Whole command lines a user can copy, shown under "Examples:" in <c>--help</c>.</summary>
    public abstract IReadOnlyList<string> Examples { get; }

    /// <summary>Maps the library's parameter names (from an <see cref="ArgumentException"/>) to what the user typed.</summary>
    public virtual IReadOnlyDictionary<string, string> ParameterNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Adds the command's arguments and options.</summary>
    public abstract void Configure(Command command);

    /// <summary>Runs the command and returns an exit code from <see cref="ExitCodes"/>.</summary>
    /// <remarks>Throw <see cref="CliInputException"/> for bad input the parser could not catch; the library's
    /// <see cref="ArgumentException"/>, <see cref="InvalidDataException"/>, <see cref="IOException"/> and
    /// <see cref="FormatException"/> are reported the same way.</remarks>
    public abstract int Execute(ParseResult parsed, TextWriter output, TextWriter error);
}
