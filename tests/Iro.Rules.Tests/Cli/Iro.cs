using System.IO;
using Iro.Rules.Cli;

namespace Iro.Rules.Tests.Cli;

/// <summary>Runs the <c>iro</c> tool in process, as the installed tool runs it, capturing what it prints.</summary>
internal static class Iro
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] Lines => Split(Output);

        public string[] ErrorLines => Split(Error);

        private static string[] Split(string text) =>
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => l.TrimEnd('\r')).ToArray();
    }

    public static Result Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = IroApp.Run(args, output, error);
        return new Result(code, output.ToString(), error.ToString());
    }
}
