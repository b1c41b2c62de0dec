using System.Globalization;

namespace Otc.Bench.WaitLatency;

/// <summary>
/// Command line: <c>--provider PATH --emulator DLL [--delays 1,10,60,120] [--offsets 0,0.25,0.5,0.75] [--out FILE] [--label TEXT]</c>.
/// Each creation delay (seconds) is measured once per offset (a fraction of a second added to it), so that the moment
/// the service becomes available falls at different points between two polls.
/// </summary>
internal sealed record WaitOptions(string Provider, string Emulator, IReadOnlyList<double> Delays, IReadOnlyList<double> Offsets, string? Out, string? Label)
{
    public static WaitOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? provider = null, emulator = null, output = null, label = null;
        IReadOnlyList<double> delays = [1, 10, 60, 120], offsets = [0, 0.25, 0.5, 0.75];
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
                case "--delays":
                    delays = Numbers(value);
                    break;
                case "--offsets":
                    offsets = Numbers(value);
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

        return new WaitOptions(provider, emulator, delays, offsets, output, label);
    }

    private static double[] Numbers(string list) => [.. list.Split(',').Select(item => double.Parse(item, CultureInfo.InvariantCulture))];
}
