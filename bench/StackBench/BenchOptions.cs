using System.Globalization;

namespace Otc.Bench.StackBench;

/// <summary>
/// Command line: <c>--provider PATH --emulator DLL [--count 200] [--rate-limit 50] [--create-delay-ms 1500]
/// [--delete-delay-ms 1000] [--out FILE] [--label TEXT]</c>. <c>--out</c> defaults to <c>bench/results/stack-{count}.md</c>;
/// <c>--label</c> names the binary in the report (e.g. the commit it was built from).
/// </summary>
internal sealed record BenchOptions(string Provider, string Emulator, int Count, int RateLimit, int CreateDelayMs, int DeleteDelayMs, string? Out, string? Label)
{
    public static BenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? provider = null, emulator = null, output = null, label = null;
        int count = 200, rate = 50, createDelay = 1500, deleteDelay = 1000;
        error = null;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--provider":
                    provider = value;
                    break;
                case "--emulator":
                    emulator = value;
                    break;
                case "--count":
                    count = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--rate-limit":
                    rate = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--create-delay-ms":
                    createDelay = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--delete-delay-ms":
                    deleteDelay = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--out":
                    output = value;
                    break;
                case "--label":
                    label = value;
                    break;
                default:
                    error = $"unknown option {args[i]}";
                    return null;
            }
        }

        if (provider is null || !File.Exists(provider))
        {
            error = $"--provider {provider} does not exist: run `make provider` first";
            return null;
        }

        if (emulator is null || !File.Exists(emulator))
        {
            error = $"--emulator {emulator} does not exist: build emulator/Emulator.csproj -c Release first";
            return null;
        }

        return new BenchOptions(provider, emulator, count, rate, createDelay, deleteDelay, output, label);
    }

    /// <summary>How long the cloud itself takes for a phase's operation after the call: the create or delete delay.</summary>
    public TimeSpan LifecycleDelay(string phase) => phase switch
    {
        "create" => TimeSpan.FromMilliseconds(CreateDelayMs),
        "delete" => TimeSpan.FromMilliseconds(DeleteDelayMs),
        _ => TimeSpan.Zero,
    };
}
