namespace Otc.CloudClient;

/// <summary>
/// Where OpenStack tools (openstacksdk, gophercloud, the Terraform OTC provider) look for <c>clouds.yaml</c>,
/// <c>secure.yaml</c> and <c>clouds-public.yaml</c>: the file an environment variable names, then the current
/// directory, <c>~/.config/openstack</c> and <c>/etc/openstack</c>, each as <c>.yaml</c>, <c>.yml</c> or <c>.json</c>.
/// The first file that exists is the one read.
/// </summary>
/// <param name="CurrentDirectory">The working directory (the process's, in the provider).</param>
/// <param name="HomeDirectory">The user's home directory; null when there is none.</param>
/// <param name="Environment">Reads an environment variable.</param>
public sealed record CloudsFiles(string CurrentDirectory, string? HomeDirectory, Func<string, string?> Environment)
{
    public const string ConfigFileVariable = "OS_CLIENT_CONFIG_FILE";
    public const string SecureFileVariable = "OS_CLIENT_SECURE_FILE";
    public const string VendorFileVariable = "OS_CLIENT_VENDOR_FILE";

    private static readonly string[] Suffixes = [".yaml", ".yml", ".json"];

    /// <summary>The locations of this process: its working directory, <c>HOME</c> (the user profile) and environment.</summary>
    public static CloudsFiles OfProcess(Func<string, string?> environment) =>
        new(Directory.GetCurrentDirectory(), HomeOf(environment), environment);

    /// <summary>The directories searched, in order.</summary>
    public IReadOnlyList<string> Directories =>
    [
        CurrentDirectory,
        .. HomeDirectory is { Length: > 0 } home ? [Path.Combine(home, ".config", "openstack")] : Array.Empty<string>(),
        "/etc/openstack",
    ];

    public string? ConfigFile => FirstExisting("clouds", ConfigFileVariable);

    public string? SecureFile => FirstExisting("secure", SecureFileVariable);

    public string? VendorFile => FirstExisting("clouds-public", VendorFileVariable);

    /// <summary>Every candidate for <c>clouds.yaml</c>, for a message saying where none was found.</summary>
    public IEnumerable<string> ConfigCandidates => Candidates("clouds", ConfigFileVariable);

    private string? FirstExisting(string baseName, string variable) => Candidates(baseName, variable).FirstOrDefault(File.Exists);

    private IEnumerable<string> Candidates(string baseName, string variable)
    {
        if (Environment(variable) is { Length: > 0 } named)
        {
            yield return named;
        }

        foreach (var directory in Directories)
        {
            foreach (var suffix in Suffixes)
            {
                yield return Path.Combine(directory, baseName + suffix);
            }
        }
    }

    private static string? HomeOf(Func<string, string?> environment) =>
        environment("HOME") is { Length: > 0 } home ? home
        : System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile) is { Length: > 0 } profile ? profile
        : null;
}
