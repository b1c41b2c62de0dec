using System.Text.Json;

namespace Otc.Emulator.Vpcep;

/// <summary>Loads and atomically saves the emulator state (write a temporary file, then rename over the old one).</summary>
internal sealed class StateFile(string path)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public CloudState Load()
    {
        if (!File.Exists(path))
        {
            return new CloudState();
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<CloudState>(stream, Options) ?? new CloudState();
    }

    public void Save(CloudState state)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(state, Options));
        File.Move(temporary, path, overwrite: true);
    }
}
