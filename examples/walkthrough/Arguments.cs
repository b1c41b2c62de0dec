namespace Otc.Walkthrough;

/// <summary>The command line: <c>--provider PATH --emulator DLL</c>.</summary>
internal static class Arguments
{
    public static (string? Provider, string? Emulator, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? provider = null, emulator = null;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--provider":
                    provider = args[i + 1];
                    break;
                case "--emulator":
                    emulator = args[i + 1];
                    break;
                default:
                    return (null, null, $"unknown option {args[i]}");
            }
        }

        if (provider is null || emulator is null)
        {
            return (null, null, "both --provider and --emulator are required");
        }

        if (!File.Exists(provider))
        {
            return (null, null, $"{provider} does not exist: run `make provider` first");
        }

        return File.Exists(emulator) ? (provider, emulator, null) : (null, null, $"{emulator} does not exist: build emulator/Emulator.csproj -c Release first");
    }
}
