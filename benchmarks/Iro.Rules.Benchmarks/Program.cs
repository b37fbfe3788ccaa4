using BenchmarkDotNet.Running;

namespace Iro.Rules.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0].StartsWith("ssda903-", System.StringComparison.Ordinal))
        {
            return Ssda903ReadBenchmarks.Tool(args); // a plain process for farm-bench's peak memory
        }

        if (args is ["evaluate", string count, string rounds])
        {
            return CaseloadBenchmarks.Tool(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
