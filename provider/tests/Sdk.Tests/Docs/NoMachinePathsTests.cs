using System.Diagnostics;

namespace Otc.Sdk.Tests.Docs;

/// <summary>
/// No committed text file, the Makefile included, names an absolute path of a build machine: a fresh clone elsewhere
/// must build, test and read the same.
/// </summary>
[TestFixture]
public sealed class NoMachinePathsTests
{
    // This file and MachinePaths.cs spell the patterns out.
    private static readonly string[] PatternFiles =
    [
        "provider/tests/Sdk.Tests/Docs/NoMachinePathsTests.cs",
        "provider/tests/Sdk.Tests/Docs/MachinePaths.cs",
    ];

    [Test]
    public void No_committed_text_file_names_an_absolute_path_of_a_build_machine()
    {
        var files = CommittedFiles();
        var found = files.Except(PatternFiles)
            .Select(relative => (relative, bytes: File.ReadAllBytes(Path.Combine(RepositoryLayout.Root, relative))))
            .Where(file => Array.IndexOf(file.bytes, (byte)0) < 0)
            .SelectMany(file => MachinePaths.In(System.Text.Encoding.UTF8.GetString(file.bytes)).Select(hit => $"{file.relative}:{hit.Line}: {hit.Path}"))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(files, Is.SupersetOf(new[] { "Makefile", "README.md", "CONTRIBUTING.md", "schema.json" }));
            Assert.That(found, Is.Empty);
        });
    }

    [TestCase("PULUMI_NUGET_SOURCE ?= $(wildcard /work/shared/nuget)", "/work/")]
    [TestCase("see /home/builder/.nuget/packages", "/home/builder")]
    [TestCase("dotnet test --results-directory /Users/dev/trx", "/Users/dev")]
    [TestCase(@"copy C:\Users\dev\plugin.exe", @"C:\Users\")]
    public void A_machine_path_is_found(string line, string expected) =>
        Assert.That(MachinePaths.In("first line\n" + line).Select(hit => (hit.Line, hit.Path)), Is.EqualTo(new[] { (2, expected) }));

    [TestCase("PULUMI_NUGET_SOURCE ?= $(wildcard $(abspath $(CURDIR)/../shared/nuget))")]
    [TestCase("~/.pulumi/plugins/resource-otc-v0.1.0/ and $HOME/.config/openstack/clouds.yaml")]
    [TestCase("/etc/openstack/clouds.yaml, https://example.com/home/page")]
    public void Relative_and_user_neutral_paths_pass(string line) =>
        Assert.That(MachinePaths.In(line), Is.Empty);

    /// <summary>The files git tracks (a fresh clone holds exactly these), relative to the repository root.</summary>
    private static IReadOnlyList<string> CommittedFiles()
    {
        var start = new ProcessStartInfo("git", ["ls-files", "-z"])
        {
            WorkingDirectory = RepositoryLayout.Root,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var git = Process.Start(start) ?? throw new InvalidOperationException("could not start git");
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.That(git.ExitCode, Is.Zero, "git ls-files failed");
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(relative => File.Exists(Path.Combine(RepositoryLayout.Root, relative)))
            .ToList();
    }
}
