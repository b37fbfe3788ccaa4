using System.CommandLine;
using System.IO;

namespace Iro.Rules.Cli;

/// <summary><c>--policy &lt;file&gt;</c>: the council's policy file (JSON), for the commands whose answers depend on local
/// policy. A bad file is refused in one line naming the file, line, key, value and what is allowed (exit code 2).</summary>
internal static class PolicyOption
{
    /// <summary>The option, as each command that takes a policy adds it.</summary>
    public static Option<string?> Create() => new("--policy")
    {
        Description = "The council's policy file (JSON; keys, ranges and defaults in schemas/local-policy.schema.json). Default: the statutory and documented defaults.",
        HelpName = "file",
    };

    /// <summary>The policy in <paramref name="path"/>, or <see cref="LocalPolicy.Default"/> when none is given.</summary>
    /// <exception cref="CliInputException">No such file, or the file cannot be used.</exception>
    public static LocalPolicy Load(string? path)
    {
        if (path is null)
        {
            return LocalPolicy.Default;
        }

        if (!File.Exists(path))
        {
            throw new CliInputException("--policy", Directory.Exists(path) ? $"'{path}' is a folder; give the policy file (JSON)" : $"'{path}': no such file");
        }

        try
        {
            return LocalPolicy.Load(path);
        }
        catch (PolicyFileException e)
        {
            throw new CliInputException("--policy", e.Message);
        }
    }
}
