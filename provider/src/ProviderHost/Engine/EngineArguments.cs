namespace Otc.ProviderHost.Engine;

/// <summary>Reads the engine address from the provider's command line: the one positional argument left after the engine's flags.</summary>
public static class EngineArguments
{
    public static string? EngineAddress(IReadOnlyList<string> args)
    {
        string? address = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--tracing")
            {
                i++; // its value is the next argument
                continue;
            }

            if (arg is "--logtostderr" or "--logflow" || arg.StartsWith("-v", StringComparison.Ordinal) || arg.StartsWith("--tracing=", StringComparison.Ordinal))
            {
                continue;
            }

            if (!arg.StartsWith('-'))
            {
                address = arg;
            }
        }

        return address;
    }
}
