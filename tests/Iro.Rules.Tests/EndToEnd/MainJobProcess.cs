using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Iro.Rules.Tests.EndToEnd;

/// <summary>What one run of the main job gave.</summary>
public sealed record JobRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the main job (samples/CaseloadReport, built and copied beside the tests) as a process: <c>dotnet CaseloadReport.dll</c>.</summary>
public static class MainJobProcess
{
    public static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "CaseloadReport.dll");

    public static JobRun Run(params string[] args)
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        var start = new ProcessStartInfo(host is { Length: > 0 } && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The main job did not finish within 60 s.");
        }

        return new JobRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A temporary folder for one test: SSDA903 input folders and an output folder. Deleted afterwards.</summary>
public sealed class JobFolder : IDisposable
{
    public static readonly string[] Outputs = ["flags.csv", "not_evaluated.csv", "figures.json", "report.html"];

    public JobFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "iro-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Out => Path.Combine(Root, "out");

    /// <summary>Writes an SSDA903 folder: each file's lines (the header row first). A null file is not written.</summary>
    public string Return(string name, string[]? header, string[]? episodes, string[]? reviews, string[]? placedForAdoption = null)
    {
        string folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        Write(folder, "header.csv", header);
        Write(folder, "episodes.csv", episodes);
        Write(folder, "reviews.csv", reviews);
        Write(folder, "placed_for_adoption.csv", placedForAdoption);
        return folder;
    }

    public string OutFile(string name) => Path.Combine(Out, name);

    public string[] OutputsPresent() => Outputs.Where(name => File.Exists(OutFile(name))).ToArray();

    /// <summary>The rows of an output CSV (header row first), parsed as RFC 4180.</summary>
    public List<string[]> Csv(string name) => CsvRows(File.ReadAllText(OutFile(name)));

    public JsonElement Figures() => JsonDocument.Parse(File.ReadAllText(OutFile("figures.json"))).RootElement;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Write(string folder, string name, string[]? lines)
    {
        if (lines is not null)
        {
            File.WriteAllText(Path.Combine(folder, name), lines.Length == 0 ? string.Empty : string.Join("\n", lines) + "\n");
        }
    }

    public static List<string[]> CsvRows(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add(row.ToArray());
                row.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }
}
