using System.Globalization;

namespace Otc.Bench.Startup;

/// <summary>Command line of the start-up benchmark; relative paths are taken from the current directory (the repo root under `make bench`).</summary>
internal sealed record BenchOptions(string ProviderPath, string BarePath, bool PublishBare, int Runs, int WarmupRuns, string OutputPath, IReadOnlyList<string> RawArguments)
{
    public const string Usage =
        "usage: Startup [--provider bin/pulumi-resource-otc] [--bare artifacts/bare-grpc-server/bare-grpc-server] "
        + "[--no-publish] [--runs 30] [--warmup 3] [--out bench/results/startup.md]";

    public static BenchOptions Parse(IReadOnlyList<string> arguments)
    {
        var provider = "bin/pulumi-resource-otc";
        var bare = "artifacts/bare-grpc-server/bare-grpc-server";
        var publishBare = true;
        var runs = 30;
        var warmup = 3;
        var output = "bench/results/startup.md";
        for (var index = 0; index < arguments.Count; index++)
        {
            switch (arguments[index])
            {
                case "--provider":
                    provider = ValueAfter(arguments, ref index);
                    break;
                case "--bare":
                    bare = ValueAfter(arguments, ref index);
                    break;
                case "--no-publish":
                    publishBare = false;
                    break;
                case "--runs":
                    runs = int.Parse(ValueAfter(arguments, ref index), CultureInfo.InvariantCulture);
                    break;
                case "--warmup":
                    warmup = int.Parse(ValueAfter(arguments, ref index), CultureInfo.InvariantCulture);
                    break;
                case "--out":
                    output = ValueAfter(arguments, ref index);
                    break;
                default:
                    throw new ArgumentException($"unknown argument {arguments[index]}\n{Usage}");
            }
        }

        if (runs < 1 || warmup < 0)
        {
            throw new ArgumentException($"--runs must be at least 1 and --warmup at least 0\n{Usage}");
        }

        return new BenchOptions(Path.GetFullPath(provider), Path.GetFullPath(bare), publishBare, runs, warmup, Path.GetFullPath(output), arguments);
    }

    private static string ValueAfter(IReadOnlyList<string> arguments, ref int index)
    {
        if (index + 1 >= arguments.Count)
        {
            throw new ArgumentException($"{arguments[index]} needs a value\n{Usage}");
        }

        return arguments[++index];
    }
}
