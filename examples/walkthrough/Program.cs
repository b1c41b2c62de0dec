using Otc.Walkthrough;

var (providerPath, emulatorDll, error) = Arguments.Parse(args);
if (error is not null)
{
    await Console.Error.WriteLineAsync($"walkthrough: {error}");
    await Console.Error.WriteLineAsync("usage: walkthrough --provider bin/pulumi-resource-otc --emulator emulator/bin/Release/net10.0/otc-emulator.dll");
    return 2;
}

return await WalkthroughRun.RunAsync(providerPath!, emulatorDll!, Console.Out);
