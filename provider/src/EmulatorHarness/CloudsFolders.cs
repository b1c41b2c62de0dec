using Otc.CloudClient;

namespace Otc.EmulatorHarness;

/// <summary>
/// A fresh working directory and home directory for tests of clouds.yaml: files are written into them, and
/// <see cref="Files"/> (or a provider process given <see cref="HomeDirectory"/> as <c>HOME</c> and started in
/// <see cref="CurrentDirectory"/>) searches them. Deleted on dispose.
/// </summary>
public sealed class CloudsFolders : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("otc-clouds-");

    public CloudsFolders()
    {
        Directory.CreateDirectory(CurrentDirectory);
        Directory.CreateDirectory(HomeDirectory);
    }

    public string CurrentDirectory => Path.Combine(_root.FullName, "work");

    public string HomeDirectory => Path.Combine(_root.FullName, "home");

    /// <summary><c>~/.config/openstack</c> of <see cref="HomeDirectory"/>.</summary>
    public string UserConfigDirectory => Path.Combine(HomeDirectory, ".config", "openstack");

    /// <summary>The search path over these folders, reading variables from <paramref name="environment"/> (none when null).</summary>
    public CloudsFiles Files(IReadOnlyDictionary<string, string>? environment = null) =>
        new(CurrentDirectory, HomeDirectory, name => environment?.GetValueOrDefault(name));

    /// <summary>Writes <paramref name="text"/> to <paramref name="fileName"/> in <paramref name="directory"/> (created if needed); returns the path.</summary>
    public string Write(string directory, string fileName, string text)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _root.Delete(recursive: true);
}
