#if NET10_0_OR_GREATER
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Iro.Rules.Calendars;
using Iro.Rules.Ssda903;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Iro.Rules.Tests.Docs;

/// <summary>
/// Every <c>```csharp</c> block of README.md compiles as written and prints what README.md says it prints.
/// </summary>
/// <remarks>
/// <para>
/// Each block is compiled on its own with Roslyn as a console program of top-level statements, as a .NET 10 console
/// project or <c>dotnet run file.cs</c> compiles it: C# with nullable reference types on, the SDK's implicit usings
/// (<c>System</c>, <c>System.Collections.Generic</c>, <c>System.IO</c>, <c>System.Linq</c>, <c>System.Net.Http</c>,
/// <c>System.Threading</c>, <c>System.Threading.Tasks</c>), and references to the framework, Iro.Rules,
/// Iro.Rules.Ssda903 and NodaTime. Warnings fail the test as errors do. The program is then run in this process (in a
/// collectible <see cref="AssemblyLoadContext"/>, with <see cref="Console.Out"/> captured).
/// </para>
/// <para>
/// The expected output, in the block itself: the <c>//</c> comment at the end of a line that calls
/// <c>Console.WriteLine</c>, and each whole-line <c>//</c> comment directly below such a line, is one line the
/// program prints (a loop's lines one comment line each). <c>...</c> in it stands for any text, so
/// <c>// ... World Cup bank holiday 2026-06-15 ...</c> is met by any printed line containing that text. Comments
/// anywhere else explain and are not checked. A block followed by a paragraph <c>prints</c> and a
/// <c>```text</c> block expects each line of that block to be printed. Every block must expect at least one line.
/// A block that is not a program must not be marked <c>csharp</c>.
/// </para>
/// </remarks>
[Collection(nameof(ReadmeProgramsCollection))]
public class ReadmeCompileTests
{
    private static readonly string[] ImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    ];

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        // The framework's own assemblies (the trusted platform assemblies from the runtime's folder, not the test's
        // other dependencies), and the three libraries a user of the README references.
        string frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal))
            .Concat([typeof(WorkingDayCalendar).Assembly.Location, typeof(Ssda903Reader).Assembly.Location, typeof(LocalDate).Assembly.Location])
            .Distinct(StringComparer.Ordinal);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    });

    private static readonly Lazy<IReadOnlyList<ReadmeBlock>> Blocks = new(() => ReadmeBlock.Parse(File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"))));

    /// <summary>Each block's first line in README.md (the line after its <c>```csharp</c> fence).</summary>
    public static TheoryData<int> BlockLines()
    {
        var data = new TheoryData<int>();
        foreach (ReadmeBlock block in Blocks.Value)
        {
            data.Add(block.FirstLine);
        }

        return data;
    }

    [Fact]
    public void Readme_HasCSharpBlocks_AndNoOtherCSharpFence()
    {
        Assert.True(Blocks.Value.Count >= 5, $"README.md has {Blocks.Value.Count} ```csharp blocks.");
        string[] other = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("```", StringComparison.Ordinal))
            .Select(l => l[3..].Trim().ToLowerInvariant())
            .Where(info => info is "cs" or "c#" or "c-sharp" or "dotnet")
            .ToArray();
        Assert.True(other.Length == 0, "Mark C# blocks ```csharp, so they are compiled: " + string.Join(", ", other));
    }

    [Theory]
    [MemberData(nameof(BlockLines))]
    public void ReadmeBlock_Compiles_AndPrintsWhatReadmeSays(int firstLine)
    {
        ReadmeBlock block = Blocks.Value.Single(b => b.FirstLine == firstLine);
        Assert.True(block.Expected.Count > 0, $"README.md line {firstLine}: the block says nothing it prints (a // comment after a Console.WriteLine).");

        string output = Run(block);
        string[] printed = output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        foreach (ExpectedLine expected in block.Expected)
        {
            Assert.True(
                printed.Any(expected.IsMetBy),
                $"README.md line {expected.Line}: expected a printed line matching\n  {expected.Text}\nThe block printed:\n{output}");
        }
    }

    [Fact]
    public void ExpectedOutput_Convention()
    {
        string[] lines =
        [
            "```csharp",
            "int n = 2;",
            "Console.WriteLine(n); // 2",
            "foreach (string s in new[] { \"a\", \"b c\" }) Console.WriteLine(s);",
            "// a",
            "// b c",
            "n++; // not checked: not a Console.WriteLine line",
            "Console.WriteLine(\"x 1 y 2 z\"); // x ... y ...",
            "Console.WriteLine(\"https://www.gov.uk\"); // www.gov.uk",
            "```",
            "",
            "prints",
            "",
            "```text",
            "2",
            "```",
        ];
        ReadmeBlock block = Assert.Single(ReadmeBlock.Parse(lines));
        Assert.Equal(["2", "a", "b c", "x ... y ...", "www.gov.uk", "2"], block.Expected.Select(e => e.Text));
        Assert.Equal([3, 5, 6, 8, 9, 15], block.Expected.Select(e => e.Line));
        Assert.True(block.Expected[3].IsMetBy("x 1 y 2 z"));
        Assert.False(block.Expected[3].IsMetBy("y 2 x 1"));
        Assert.Equal(["2", "a", "b c", "x 1 y 2 z", "https://www.gov.uk", string.Empty], Run(block).Split('\n').Select(l => l.TrimEnd('\r')));
    }

    private static string Run(ReadmeBlock block)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        // Blank lines before the block, so diagnostics give README.md's own line numbers.
        string source = new string('\n', block.FirstLine - 1) + block.Code;
        SyntaxTree program = CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), parse, path: "README.md");
        SyntaxTree usings = CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n")), parse, path: "ImplicitUsings.cs");
        var compilation = CSharpCompilation.Create(
            $"ReadmeBlock{block.FirstLine}",
            [usings, program],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(
            emitted.Success && problems.Length == 0,
            $"README.md block at line {block.FirstLine} does not compile as written:\n"
            + string.Join("\n", problems.Select(d => d.ToString())));

        image.Position = 0;
        var context = new AssemblyLoadContext($"ReadmeBlock{block.FirstLine}", isCollectible: true);
        TextWriter console = Console.Out;
        var captured = new StringWriter { NewLine = "\n" };
        try
        {
            MethodInfo entry = context.LoadFromStream(image).EntryPoint ?? throw new InvalidOperationException("No entry point.");
            Console.SetOut(captured);
            try
            {
                entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                Assert.Fail($"README.md block at line {block.FirstLine} threw {e.InnerException}\nafter printing:\n{captured}");
            }
        }
        finally
        {
            Console.SetOut(console);
            context.Unload();
        }

        return captured.ToString();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Iro.Rules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Iro.Rules.sln) was not found above the test binaries.");
    }

    /// <summary>A line the block must print, with the README line it is written on.</summary>
    private sealed record ExpectedLine(int Line, string Text)
    {
        /// <summary>Whether a printed line has the text, each <c>...</c> standing for any text.</summary>
        public bool IsMetBy(string printed)
        {
            int at = 0;
            foreach (string part in Text.Split("...").Select(p => p.Trim()).Where(p => p.Length > 0))
            {
                int found = printed.IndexOf(part, at, StringComparison.Ordinal);
                if (found < 0)
                {
                    return false;
                }

                at = found + part.Length;
            }

            return true;
        }
    }

    /// <summary>One <c>```csharp</c> block: its code, its first line in README.md and the lines it must print.</summary>
    private sealed record ReadmeBlock(int FirstLine, string Code, IReadOnlyList<ExpectedLine> Expected)
    {
        public static IReadOnlyList<ReadmeBlock> Parse(IReadOnlyList<string> lines)
        {
            var blocks = new List<ReadmeBlock>();
            for (int i = 0; i < lines.Count; i++)
            {
                if (lines[i].Trim() != "```csharp")
                {
                    continue;
                }

                int first = i + 1;
                int end = first;
                while (end < lines.Count && lines[end].Trim() != "```")
                {
                    end++;
                }

                string[] code = lines.Skip(first).Take(end - first).ToArray();
                var expected = FromComments(code, first + 1);
                expected.AddRange(FromPrintsBlock(lines, end + 1));
                blocks.Add(new ReadmeBlock(first + 1, string.Join("\n", code) + "\n", expected));
                i = end;
            }

            return blocks;
        }

        /// <summary>The trailing comment of each Console.WriteLine line and each comment line right below it.</summary>
        private static List<ExpectedLine> FromComments(string[] code, int firstLine)
        {
            // Roslyn finds the comments, so a "//" inside a string (a URL) is not taken for one.
            SyntaxTree tree = CSharpSyntaxTree.ParseText(string.Join("\n", code));
            var comments = new Dictionary<int, (string Text, int Column)>();
            foreach (SyntaxTrivia trivia in tree.GetRoot().DescendantTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia)))
            {
                int line = trivia.GetLocation().GetLineSpan().StartLinePosition.Line;
                int column = trivia.GetLocation().GetLineSpan().StartLinePosition.Character;
                comments[line] = (trivia.ToString()[2..].Trim(), column);
            }

            var expected = new List<ExpectedLine>();
            for (int line = 0; line < code.Length; line++)
            {
                string statement = comments.TryGetValue(line, out var comment) ? code[line][..comment.Column] : code[line];
                if (!statement.Contains("Console.WriteLine(", StringComparison.Ordinal))
                {
                    continue;
                }

                if (comments.TryGetValue(line, out var trailing))
                {
                    expected.Add(new ExpectedLine(firstLine + line, trailing.Text));
                }

                while (comments.TryGetValue(line + 1, out var below) && code[line + 1][..below.Column].Trim().Length == 0)
                {
                    line++;
                    expected.Add(new ExpectedLine(firstLine + line, below.Text));
                }
            }

            return expected;
        }

        /// <summary>The lines of a <c>```text</c> block introduced by a paragraph "prints" right after the code block.</summary>
        private static IEnumerable<ExpectedLine> FromPrintsBlock(IReadOnlyList<string> lines, int i)
        {
            while (i < lines.Count && lines[i].Trim().Length == 0)
            {
                i++;
            }

            if (i >= lines.Count || lines[i].Trim().TrimEnd(':') != "prints")
            {
                yield break;
            }

            i++;
            while (i < lines.Count && lines[i].Trim().Length == 0)
            {
                i++;
            }

            if (i >= lines.Count || lines[i].Trim() != "```text")
            {
                yield break;
            }

            for (i++; i < lines.Count && lines[i].Trim() != "```"; i++)
            {
                if (lines[i].Trim().Length > 0)
                {
                    yield return new ExpectedLine(i + 1, lines[i].Trim());
                }
            }
        }
    }
}

/// <summary>The README's programs write to the process's <see cref="Console.Out"/>, so they run with no other test.</summary>
[CollectionDefinition(nameof(ReadmeProgramsCollection), DisableParallelization = true)]
public sealed class ReadmeProgramsCollection
{
}
#endif
