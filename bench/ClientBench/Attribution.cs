using System.Diagnostics;
using Otc.CloudClient;

namespace Otc.Bench.ClientBench;

/// <summary>CPU cost of the client's two biggest per-call steps in isolation, to explain the overhead figure.</summary>
internal static class Attribution
{
    public static (double BindMicros, double SignMicros) Measure(string serviceJson, Uri uri, int iterations)
    {
        for (var i = 0; i < 200; i++)
        {
            WireJson.Deserialize<EndpointService>(serviceJson, "bench");
        }

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++)
        {
            WireJson.Deserialize<EndpointService>(serviceJson, "bench");
        }

        var bind = Stopwatch.GetElapsedTime(started).TotalMicroseconds / iterations;

        var headers = new Dictionary<string, string> { ["host"] = uri.Authority, ["x-sdk-date"] = "20240102T030405Z", ["x-project-id"] = "p" };
        started = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++)
        {
            AkSkSigner.Authorization("AK", "SK", "GET", uri, headers, []);
        }

        return (bind, Stopwatch.GetElapsedTime(started).TotalMicroseconds / iterations);
    }
}
