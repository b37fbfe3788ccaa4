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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
