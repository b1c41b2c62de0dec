using System.Diagnostics;

namespace Otc.Bench.Startup;

/// <summary>Publishes bench/BareGrpcServer with Native AOT for linux-x64, the same way `make provider` publishes the provider.</summary>
internal static class BarePublisher
{
    public const string ProjectPath = "bench/BareGrpcServer/BareGrpcServer.csproj";

    public static async Task PublishAsync(string outputBinaryPath)
    {
        var outputDirectory = Path.GetDirectoryName(outputBinaryPath)!;
        var startInfo = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in new[] { "publish", ProjectPath, "-c", "Release", "-r", "linux-x64", "-o", outputDirectory, "--nologo" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        Console.WriteLine($"publishing {ProjectPath} (Native AOT, linux-x64) to {outputDirectory}");
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start dotnet publish");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !File.Exists(outputBinaryPath))
        {
            throw new InvalidOperationException($"dotnet publish {ProjectPath} failed (exit code {process.ExitCode})");
        }
    }
}
