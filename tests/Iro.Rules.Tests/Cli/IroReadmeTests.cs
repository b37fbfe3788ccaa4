using System.IO;
using System.Text.RegularExpressions;

namespace Iro.Rules.Tests.Cli;

/// <summary>The <c>iro</c> examples in README's "The iro tool" and in the tool's package README run, and print every date their comments name.</summary>
public sealed class IroReadmeTests
{
    private static string RepositoryFile(params string[] path)
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Iro.Rules.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Iro.Rules.sln not found above the test folder.");
        }

        return File.ReadAllText(Path.Combine([root, .. path]));
    }

    private static string Section(string markdown, string heading)
    {
        int start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No \"{heading}\" section.");
        int end = markdown.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    public static TheoryData<string> Documents() => new("README.md", "docs/package/Iro.Rules.Cli.md");

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryExampleRuns_AndPrintsTheDatesItsCommentNames(string document)
    {
        string text = RepositoryFile(document.Split('/'));
        string part = document == "README.md" ? Section(text, "## The `iro` tool") : text;
        string[] examples = part.Split('\n').Where(static l => l.StartsWith("iro ", StringComparison.Ordinal)).ToArray();
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
