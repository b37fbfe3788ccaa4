using System.Diagnostics;
using System.IO;

namespace Iro.Rules.Tests.Cli;

/// <summary>The built tool run as a process (<c>dotnet iro.dll</c>), as a user runs it: its real entry point, console and exit code.</summary>
public sealed class IroProcessTests
{
    private static (int ExitCode, string Output, string Error) RunIro(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "iro.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "iro did not finish within 60 s");
        return (process.ExitCode, output, error.Result);
    }

    [Fact]
    public void Deadline_PrintsTheDueDate_ExitZero()
    {
        var (code, output, error) = RunIro("deadline", "2025-04-17", "--working-days", "20");

        Assert.Equal(0, code);
        Assert.StartsWith("2025-05-20 (Tuesday)", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void BadOption_ExitTwo_OneLineOnStandardError()
    {
        var (code, output, error) = RunIro("holidays", "2026", "--jurisdiction", "scotland", "--format", "yaml");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("iro holidays: --format: 'yaml' is not one of text, json, csv", error.TrimEnd());
    }
}
