using System.IO;

namespace Iro.Rules.Tests.Cli;

/// <summary><c>iro caseload</c> is the main job (one implementation, compiled into the tool): same options, outputs and exit codes.</summary>
public sealed class IroCaseloadTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "iro-caseload-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Caseload_OnTheExampleReturn_WritesTheFourOutputs_AndExitsIncomplete()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Ssda903Samples");
        Iro.Result run = Iro.Run("caseload", "--ssda903", folder, "--as-of", "2025-11-10", "--out", root);
        Assert.Equal(1, run.ExitCode); // the example return has bad rows on purpose: done but incomplete
        foreach (string name in new[] { "flags.csv", "not_evaluated.csv", "figures.json", "report.html" })
        {
            Assert.True(File.Exists(Path.Combine(root, name)), name);
        }

        string[] flags = File.ReadAllLines(Path.Combine(root, "flags.csv"));
        Assert.Equal("child_id,rule_id,status,date,reason,citation,rule_title,iro", flags[0]);
        Assert.Contains(flags, l => l.StartsWith("1010,REV-1,overdue,2025-10-29,", StringComparison.Ordinal) && l.EndsWith(",IRO-B", StringComparison.Ordinal));
        Assert.Equal(",IRO-3,flag,2025-11-10,3 children at 0.04 FTE: above the range of 2-2.8.,IRO Handbook 2010 ch. 7,IRO caseload,IRO-B", flags[^1]);
        Assert.Equal(16, flags.Length); // the header and the example's 15 documented flags
    }

    [Fact]
    public void Caseload_Help_NamesTheToolCommand() =>
        Assert.StartsWith("Usage: iro caseload [options]", Iro.Run("caseload", "--help").Output, StringComparison.Ordinal);

    [Fact]
    public void Caseload_BadOption_IsOneLine_Exit2() =>
        Assert.Equal(2, Iro.Run("caseload", "--as-of", "10/11/2025", "--out", root).ExitCode);
}
