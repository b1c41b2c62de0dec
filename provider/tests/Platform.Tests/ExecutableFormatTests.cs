namespace Otc.Platform.Tests;

/// <summary>
/// Each archive's executable is a program of its platform: the format, the CPU and the kind of file its loader expects.
/// The macOS ones are checked only this way (no Mac here): a 64-bit Mach-O executable of the right CPU, with an entry
/// point, the ad-hoc code signature the .NET SDK writes (arm64 Macs run no unsigned code), and the app bundled inside.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ExecutableFormatTests
{
    [TestCase("linux-amd64", ExecutableImage.ElfMachineX64)]
    [TestCase("linux-arm64", ExecutableImage.ElfMachineArm64)]
    public async Task LinuxPluginsAreElfProgramsOfTheirCpu(string platform, int machine)
    {
        var image = await UnpackedAsync(platform);

        Assert.That(image.IsElf64, Is.True);
        Assert.That(image.ElfMachine, Is.EqualTo(machine));
    }

    [Test]
    public async Task TheWindowsPluginIsA64BitConsoleExecutableCarryingTheApp()
    {
        var image = await UnpackedAsync("windows-amd64");

        Assert.That(image.IsPe, Is.True);
        Assert.That(image.PeMachine, Is.EqualTo(ExecutableImage.PeMachineX64));
        Assert.That(image.PeOptionalMagic, Is.EqualTo(0x20b), "PE32+");
        Assert.That(image.PeCharacteristics & 0x2002, Is.EqualTo(0x0002), "an executable image, not a DLL");
        Assert.That(image.PeSubsystem, Is.EqualTo(3), "the console subsystem: the engine reads the port from stdout");
        AssertCarriesTheApp(image);
    }

    [TestCase("darwin-amd64", ExecutableImage.MachOCpuX64)]
    [TestCase("darwin-arm64", ExecutableImage.MachOCpuArm64)]
    public async Task MacPluginsAreSignedMachOExecutablesOfTheirCpuCarryingTheApp(string platform, int cpu)
    {
        var image = await UnpackedAsync(platform);

        Assert.That(image.MachOMagic, Is.EqualTo(ExecutableImage.MachOMagic64));
        Assert.That(image.MachOCpu, Is.EqualTo(cpu));
        Assert.That(image.MachOFileType, Is.EqualTo(ExecutableImage.MachOExecute));
        Assert.That(image.MachOLoadCommands.Select(command => command.Command), Has.One.EqualTo(ExecutableImage.LoadCommandMain));
        Assert.That(image.MachOSignatureMagics, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(image.MachOSignatureMagics[0], Is.EqualTo(ExecutableImage.EmbeddedSignatureMagic));
        Assert.That(image.MachOSignatureMagics.Skip(1), Has.One.EqualTo(ExecutableImage.CodeDirectoryMagic));
        AssertCarriesTheApp(image);
    }

    /// <summary>The single file holds the provider's own assembly and the runtime: nothing has to sit beside it.</summary>
    private static void AssertCarriesTheApp(ExecutableImage image)
    {
        Assert.That(image.Bundle, Is.Not.Null, "a .NET single-file bundle is attached");
        Assert.That(image.Bundle!.MajorVersion, Is.GreaterThanOrEqualTo(6));
        Assert.That(image.Bundle.Manifest, Does.Contain("pulumi-resource-otc.dll").And.Contain("System.Private.CoreLib.dll"));
    }

    private static async Task<ExecutableImage> UnpackedAsync(string platform)
    {
        var directory = Directory.CreateTempSubdirectory("otc-plugin-format-");
        try
        {
            return ExecutableImage.Read(await PluginArchives.UnpackAsync(platform, directory.FullName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
