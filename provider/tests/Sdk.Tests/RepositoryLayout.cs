namespace Otc.Sdk.Tests;

/// <summary>Finds the repository root by walking up from the test's directory to the one holding schema.json.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot(TestContext.CurrentContext.TestDirectory);

    public static string SchemaPath => Path.Combine(Root, "schema.json");

    public static string DotnetSdkDirectory => Path.Combine(Root, "sdk", "dotnet");

    private static string FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "schema.json")) && Directory.Exists(Path.Combine(directory.FullName, "sdk", "dotnet")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No directory above {start} holds schema.json and sdk/dotnet.");
    }
}
