using System;

namespace Iro.Rules.Cli;

/// <summary>Bad input found by a command after parsing: names the argument or option and the problem (exit code 2).</summary>
internal sealed class CliInputException(string argument, string problem) : Exception($"{argument}: {problem}")
{
    /// <summary>The argument or option as the user typed it: <c>&lt;date&gt;</c>, <c>--working-days</c>.</summary>
    public string Argument { get; } = argument;

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; } = problem;
}
