using System.Globalization;

namespace Otc.Emulator;

/// <summary>Turns <c>otc-emulator</c> arguments into <see cref="EmulatorOptions"/>.</summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: otc-emulator [--port N] [--region eu-de] [--state FILE] [--create-delay-ms N] [--delete-delay-ms N] [--rate-limit N] [--service-quota N] [--endpoint-quota N] [--service-name-form full|short] [--strict]";

    /// <summary>Parses the arguments; returns null with <paramref name="error"/> set when they are wrong.</summary>
    public static EmulatorOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var defaults = new EmulatorOptions();
        int port = defaults.Port, serviceQuota = defaults.ServiceQuota, endpointQuota = defaults.EndpointQuota;
        var region = defaults.Region;
        string? statePath = null;
        var createDelay = defaults.CreateDelay;
        var deleteDelay = defaults.DeleteDelay;
        int? rateLimit = null;
        var serviceNameForm = ServiceNameForm.Full;
        var strict = false;
        error = null;

        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            if (flag == "--strict")
            {
                // The one switch without a value.
                strict = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"missing value for {flag}";
                return null;
            }

            var value = args[++i];
            var parsed = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0;
            switch (flag)
            {
                case "--region":
                    region = value;
                    continue;
                case "--state":
                    statePath = value;
                    continue;
                case "--service-name-form" when Enum.TryParse<ServiceNameForm>(value, ignoreCase: true, out var form) && !int.TryParse(value, out _):
                    serviceNameForm = form;
                    continue;
                case "--service-name-form":
                    error = $"--service-name-form needs full or short, got '{value}'";
                    return null;
            }

            if (!parsed)
            {
                error = $"{flag} needs a non-negative integer, got '{value}'";
                return null;
            }

            switch (flag)
            {
                case "--port" when number <= 65535:
                    port = number;
                    break;
                case "--create-delay-ms":
                    createDelay = TimeSpan.FromMilliseconds(number);
                    break;
                case "--delete-delay-ms":
                    deleteDelay = TimeSpan.FromMilliseconds(number);
                    break;
                case "--rate-limit":
                    rateLimit = number > 0 ? number : null;
                    break;
                case "--service-quota":
                    serviceQuota = number;
                    break;
                case "--endpoint-quota":
                    endpointQuota = number;
                    break;
                default:
                    error = $"unknown or out-of-range option {flag} {value}";
                    return null;
            }
        }

        return new EmulatorOptions
        {
            Port = port,
            Region = region,
            StatePath = statePath,
            CreateDelay = createDelay,
            DeleteDelay = deleteDelay,
            RateLimit = rateLimit,
            ServiceQuota = serviceQuota,
            EndpointQuota = endpointQuota,
            ServiceNameForm = serviceNameForm,
            Strict = strict,
        };
    }
}
