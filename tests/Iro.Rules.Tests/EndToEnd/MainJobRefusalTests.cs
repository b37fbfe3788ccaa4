using System.IO;

namespace Iro.Rules.Tests.EndToEnd;

/// <summary>Runs the main job must refuse: exit 2, one line saying what is wrong (no stack trace), nothing written,
/// and no previous output left that could be mistaken for this run's.</summary>
public class MainJobRefusalTests
{
    [Fact]
    public void FailedRun_LeavesNoStaleOutputs()
    {
        using var folder = new JobFolder();
        string good = folder.Return("good", Returns.Header, Returns.Episodes, Returns.Reviews);
        string empty = folder.Return("zero", Returns.Header, Returns.Episodes, []);
        Assert.Equal(0, MainJobProcess.Run(Returns.Args(folder.Out, good)).ExitCode);
        Assert.Equal(4, folder.OutputsPresent().Length);
        File.WriteAllText(Path.Combine(folder.Out, "notes.txt"), "someone else's file");

        JobRun failed = MainJobProcess.Run(Returns.Args(folder.Out, empty));

        Assert.True(failed.ExitCode == 2, failed.ToString());
        AssertOneLineNaming(failed, "reviews.csv");
        Assert.Contains("0 bytes", failed.Stderr, StringComparison.Ordinal);
        Assert.Empty(folder.OutputsPresent());
        Assert.Empty(Directory.GetDirectories(folder.Out));
        Assert.True(File.Exists(Path.Combine(folder.Out, "notes.txt"))); // only the job's own outputs are removed

        // A bad option removes a previous run's outputs too (here, files standing in for them).
        foreach (string name in JobFolder.Outputs)
        {
            File.WriteAllText(folder.OutFile(name), "last week's");
        }

        JobRun badOption = MainJobProcess.Run([.. Returns.Args(folder.Out, good), "--as-of", "10/11/2025"]);
        Assert.Equal(2, badOption.ExitCode);
        Assert.Empty(folder.OutputsPresent());
    }

    [Fact]
    public void EmptyFolder_FolderWithOnlyHeader_AndZeroByteFile_AreRefusedNamingTheFile()
    {
        using var folder = new JobFolder();
        string empty = folder.Return("empty", null, null, null);
        string onlyHeader = folder.Return("header-only", Returns.Header, null, null);
        string zeroByte = folder.Return("zero", Returns.Header, [], Returns.Reviews);

        JobRun[] runs = [.. new[] { empty, onlyHeader, zeroByte }.Select(f => MainJobProcess.Run(Returns.Args(folder.Out, f)))];

        Assert.All(runs, r => Assert.True(r.ExitCode == 2, r.ToString()));
        AssertOneLineNaming(runs[0], "empty folder");
        AssertOneLineNaming(runs[1], "episodes.csv");
        AssertOneLineNaming(runs[2], "episodes.csv");
        Assert.False(Directory.Exists(folder.Out)); // nothing written, not even the folder
    }

    [Fact]
    public void MisnamedColumn_IsRefusedNamingTheFileAndColumn()
    {
        using var folder = new JobFolder();
        string input = folder.Return("misnamed", Returns.Header, Returns.Episodes, ["CHILD,DOB,REVIEW,REVIEWCODE", .. Returns.Reviews.Skip(1)]);

        JobRun run = MainJobProcess.Run(Returns.Args(folder.Out, input));

        Assert.True(run.ExitCode == 2, run.ToString());
        AssertOneLineNaming(run, "reviews.csv");
        Assert.Contains("REVIEW_CODE", run.Stderr.Split('\n')[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Out));
    }

    [Theory]
    [InlineData("dates are yyyy-MM-dd", "--as-of", "10/11/2025")]
    [InlineData("--as-of must be from 1971-01-01 to 2100-12-31", "--as-of", "1900-01-01")]
    [InlineData("no such folder", "--ssda903", "no-such-folder")]
    [InlineData("--count is ignored with --ssda903", "--ssda903", ".", "--count", "10")]
    [InlineData("no such option '--asof'", "--asof", "2025-11-10")]
    [InlineData("has not ended", "--as-of", "2025-11-10", "--year", "2025")]
    [InlineData("--max-rejected", "--max-rejected", "lots")]
    public void BadOption_SaysWhatIsWrong(string expected, params string[] args)
    {
        using var folder = new JobFolder();

        JobRun run = MainJobProcess.Run([.. args, "--out", folder.Out]);

        Assert.True(run.ExitCode == 2, run.ToString());
        AssertOneLineNaming(run, expected);
        Assert.False(Directory.Exists(folder.Out));
    }

    [Fact]
    public void OutNamingAFile_IsRefused()
    {
        using var folder = new JobFolder();
        string file = Path.Combine(folder.Root, "a-file");
        File.WriteAllText(file, "keep me");

        JobRun run = MainJobProcess.Run("--count", "10", "--out", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        AssertOneLineNaming(run, "names a file");
        Assert.Equal("keep me", File.ReadAllText(file));
    }

    [Fact]
    public void HelpAndVersion_ExitZero_AndWriteNothing()
    {
        JobRun help = MainJobProcess.Run("--help");
        JobRun h = MainJobProcess.Run("-h", "--out", "never-written");
        JobRun version = MainJobProcess.Run("--version");

        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.StartsWith("Usage: CaseloadReport", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", help.Stdout, StringComparison.Ordinal);
        Assert.Equal(help.Stdout, h.Stdout);
        Assert.False(Directory.Exists("never-written"));
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Matches(@"^CaseloadReport \d+\.\d+\.\d+", version.Stdout);
        Assert.Contains("Iro.Rules ", version.Stdout, StringComparison.Ordinal);
    }

    private static void AssertOneLineNaming(JobRun run, string expected)
    {
        string first = run.Stderr.Split('\n')[0];
        Assert.Contains(expected, first, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }
}
