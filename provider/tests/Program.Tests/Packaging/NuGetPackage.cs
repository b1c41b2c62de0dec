using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;

namespace Otc.Program.Tests.Packaging;

/// <summary>Reads a <c>.nupkg</c>: its entries, the nuspec, and the files Pulumi's language host looks for in <c>content/</c>.</summary>
internal sealed class NuGetPackage(string path)
{
    public IReadOnlyList<string> Entries
    {
        get
        {
            using var zip = ZipFile.OpenRead(path);
            return [.. zip.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal)];
        }
    }

    public string Text(string entryName)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry(entryName) ?? throw new AssertionException($"{Path.GetFileName(path)} has no {entryName}");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    public XElement Nuspec => XDocument.Parse(Text(Entries.Single(name => name.EndsWith(".nuspec", StringComparison.Ordinal)))).Root!;

    public string NuspecValue(string element) => (string)Nuspec.Descendants().Single(e => e.Name.LocalName == element);

    /// <summary><c>content/pulumi-plugin.json</c>, which the language host reads to know the plugin a package needs.</summary>
    public JsonElement PluginManifest
    {
        get
        {
            using var document = JsonDocument.Parse(Text("content/pulumi-plugin.json"));
            return document.RootElement.Clone();
        }
    }
}
