using System.Globalization;

namespace Otc.Bench.ClientBench;

/// <summary>Sizes of the runs: <c>--sequential N --concurrent M --concurrency C --warmup W --rounds R --out FILE</c>.</summary>
internal sealed record BenchSettings(int Sequential, int ConcurrentCalls, int Concurrency, int Warmup, int Rounds, string? OutputPath)
{
    public static BenchSettings Parse(string[] args)
    {
        var sequential = 3000;
        var concurrent = 6000;
        var concurrency = 16;
        var warmup = 500;
        var rounds = 10;
        string? output = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--sequential": sequential = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--concurrent": concurrent = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--concurrency": concurrency = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--out": output = value; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return new BenchSettings(sequential, concurrent, concurrency, warmup, rounds, output);
    }
}
