using System.IO;
using System.Text.RegularExpressions;

namespace Iro.Rules.Tests.Cli;

/// <summary>README's "The iro tool" examples run, and print every date their comments name.</summary>
public sealed class IroReadmeTests
{
    private static string[] ReadmeExamples()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Iro.Rules.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Iro.Rules.sln not found above the test folder.");
        }

        string readme = File.ReadAllText(Path.Combine(root, "README.md"));
        int section = readme.IndexOf("## The `iro` tool", StringComparison.Ordinal);
        Assert.True(section >= 0, "README has no \"The `iro` tool\" section.");
        int end = readme.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
        return readme[section..end].Split('\n').Where(static l => l.StartsWith("iro ", StringComparison.Ordinal)).ToArray();
    }

    [Fact]
    public void EveryReadmeExampleRuns_AndPrintsTheDatesItsCommentNames()
    {
        string[] examples = ReadmeExamples();
        Assert.Equal(4, examples.Length);
        foreach (string example in examples)
        {
            string command = example.Split('#')[0].Trim();
            string comment = example.Split('#')[1].Trim();
            var run = Iro.Run(command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray());
            Assert.True(run.ExitCode == 0, $"{command}: exit {run.ExitCode}: {run.Error}");
            foreach (Match date in Regex.Matches(comment, @"\d{4}-\d{2}-\d{2}"))
            {
                Assert.Contains(date.Value, run.Output, StringComparison.Ordinal);
            }
        }
    }
}
