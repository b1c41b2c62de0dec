using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Otc.CloudClient;

/// <summary>One value of a cloud entry and the key it was written under (e.g. <c>auth.ak</c>), for messages.</summary>
public sealed record CloudSetting(string Value, string Key);

/// <summary>
/// One named cloud of <c>clouds.yaml</c>, merged as OpenStack tools merge it: the <c>clouds-public.yaml</c> profile it
/// names (<c>profile:</c>, or <c>cloud:</c> as gophertelekomcloud reads it) underneath, the entry itself over that, and
/// the same-named entry of <c>secure.yaml</c> over both. Read through the YAML node model only (no reflection), so it
/// works in the Native AOT binary. Values are never part of a message: only key names, cloud names and file paths.
/// </summary>
public sealed class CloudEntry
{
    /// <summary>The built-in profile of OTC's tools; its one default, the IAM URL per region, is the client's own default.</summary>
    private const string OtcProfile = "otc";

    /// <summary>How <see cref="OtcConfigurationException.OptionKeys"/> names the cloud setting itself.</summary>
    public const string OptionKey = "Cloud";

    private readonly Dictionary<string, object> _values;

    private CloudEntry(string name, string origin, Dictionary<string, object> values)
    {
        Name = name;
        Origin = origin;
        _values = values;
    }

    public string Name { get; }

    /// <summary>The files the entry was merged from, e.g. <c>~/.config/openstack/clouds.yaml + secure.yaml</c>.</summary>
    public string Origin { get; }

    public CloudSetting? AuthUrl => WithRegion(First("auth.auth_url"));

    public CloudSetting? Username => First("auth.username");

    public CloudSetting? Password => First("auth.password");

    public CloudSetting? ProjectName => First("auth.project_name", "auth.tenant_name");

    public CloudSetting? ProjectId => First("auth.project_id", "auth.tenant_id");

    /// <summary>In the Terraform OTC provider's order: <c>domain_name</c>, then the project's, then the user's domain.</summary>
    public CloudSetting? DomainName => First("auth.domain_name", "auth.project_domain_name", "auth.user_domain_name");

    public CloudSetting? Token => First("auth.token");

    /// <summary><c>ak</c> as gophertelekomcloud and OTC's extensions write it, <c>access_key</c> as the provider settings name it.</summary>
    public CloudSetting? AccessKey => First("auth.ak", "auth.access_key");

    public CloudSetting? SecretKey => First("auth.sk", "auth.secret_key");

    public CloudSetting? SecurityToken => First("auth.security_token");

    /// <summary><c>region_name</c>; without it, as gophertelekomcloud does, the region part of the project name (<c>eu-de</c> of <c>eu-de_myproject</c>).</summary>
    public CloudSetting? Region =>
        First("region_name")
        ?? (ProjectName is { } project && project.Value.Split('_')[0] is { Length: > 0 } prefix ? new CloudSetting(prefix, project.Key) : null);

    /// <summary><c>verify: false</c> (or <c>insecure: true</c>) as "true": TLS certificates are not checked.</summary>
    public CloudSetting? Insecure =>
        First("insecure")
        ?? (First("verify") is { } verify && bool.TryParse(verify.Value, out var checks) ? new CloudSetting(checks ? "false" : "true", verify.Key) : null);

    /// <summary>Reads the cloud named <paramref name="name"/> from the files <paramref name="files"/> finds.</summary>
    /// <exception cref="OtcConfigurationException">No clouds.yaml, no such cloud or profile, or a file that is not YAML.</exception>
    public static CloudEntry Load(string name, CloudsFiles files)
    {
        var configPath = files.ConfigFile
            ?? throw new OtcConfigurationException(
                $"cloud '{name}' was asked for, but no clouds.yaml was found (looked at {string.Join(", ", files.ConfigCandidates)})",
                OptionKey);
        var clouds = Clouds(Read(configPath), configPath, "clouds");
        if (!clouds.TryGetValue(name, out var found) || found is not Dictionary<string, object> entry)
        {
            var known = clouds.Keys.Order(StringComparer.Ordinal).ToList();
            throw new OtcConfigurationException(
                $"{configPath} has no cloud named '{name}' (it has {(known.Count == 0 ? "none" : string.Join(", ", known.Select(k => $"'{k}'")))})",
                OptionKey);
        }

        var origin = new List<string> { configPath };
        if ((Text(entry, "profile") ?? Text(entry, "cloud")) is { } profile)
        {
            entry = WithProfile(entry, profile, name, files, origin);
        }

        if (files.SecureFile is { } securePath
            && Clouds(Read(securePath), securePath, "clouds").TryGetValue(name, out var secure) && secure is Dictionary<string, object> secureEntry)
        {
            // secure.yaml exists to hold the secrets clouds.yaml leaves out; where both have a key, openstacksdk and
            // gophercloud take secure.yaml's.
            entry = Merge(entry, secureEntry);
            origin.Add(securePath);
        }

        return new CloudEntry(name, string.Join(" + ", origin), entry);
    }

    private static Dictionary<string, object> WithProfile(Dictionary<string, object> entry, string profile, string name, CloudsFiles files, List<string> origin)
    {
        if (files.VendorFile is { } vendorPath
            && Clouds(Read(vendorPath), vendorPath, "public-clouds").TryGetValue(profile, out var found) && found is Dictionary<string, object> vendor)
        {
            origin.Insert(0, vendorPath);
            return Merge(vendor, entry);
        }

        return string.Equals(profile, OtcProfile, StringComparison.OrdinalIgnoreCase)
            ? entry
            : throw new OtcConfigurationException(
                $"cloud '{name}' names the profile '{profile}', which no clouds-public.yaml defines"
                + (files.VendorFile is { } path ? $" ({path} has no public-clouds entry of that name)" : " (none was found)"),
                OptionKey);
    }

    private CloudSetting? First(params string[] keys)
    {
        foreach (var key in keys)
        {
            object? node = _values;
            foreach (var part in key.Split('.'))
            {
                node = node is Dictionary<string, object> map && map.TryGetValue(part, out var child) ? child : null;
            }

            if (node is string { Length: > 0 } value && !string.IsNullOrWhiteSpace(value))
            {
                return new CloudSetting(value, key);
            }
        }

        return null;
    }

    /// <summary>OTC's profile writes the IAM URL with a <c>{region_name}</c> placeholder, which the region fills in.</summary>
    private CloudSetting? WithRegion(CloudSetting? url) =>
        url is not null && url.Value.Contains("{region_name}", StringComparison.Ordinal) && Region is { } region
            ? url with { Value = url.Value.Replace("{region_name}", region.Value, StringComparison.Ordinal) }
            : url;

    /// <summary>A copy of <paramref name="under"/> with <paramref name="over"/>'s keys laid over it, mappings merged key by key.</summary>
    private static Dictionary<string, object> Merge(Dictionary<string, object> under, Dictionary<string, object> over)
    {
        var merged = new Dictionary<string, object>(under, StringComparer.Ordinal);
        foreach (var (key, value) in over)
        {
            merged[key] = value is Dictionary<string, object> overMap && merged.TryGetValue(key, out var existing) && existing is Dictionary<string, object> underMap
                ? Merge(underMap, overMap)
                : value;
        }

        return merged;
    }

    private static Dictionary<string, object> Clouds(Dictionary<string, object> document, string path, string section) =>
        !document.TryGetValue(section, out var clouds) ? []
        : clouds as Dictionary<string, object>
            ?? throw new OtcConfigurationException($"{path}: '{section}' must be a mapping of cloud names to their settings", OptionKey);

    private static string? Text(Dictionary<string, object> map, string key) =>
        map.TryGetValue(key, out var value) && value is string { Length: > 0 } text ? text : null;

    private static Dictionary<string, object> Read(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException problem)
        {
            // The parser's own message may quote the file's text, and the file holds secrets: only the position.
            throw new OtcConfigurationException($"{path} is not valid YAML (line {problem.Start.Line}, column {problem.Start.Column})", OptionKey);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new OtcConfigurationException($"{path} could not be read: {problem.Message}", OptionKey);
        }

        return stream.Documents.Count == 0 ? [] : ToTree(stream.Documents[0].RootNode) as Dictionary<string, object> ?? [];
    }

    /// <summary>Mappings become dictionaries and scalars strings; sequences (e.g. a profile's <c>regions</c>) are not settings the provider reads.</summary>
    private static object? ToTree(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children
            .Where(pair => pair.Key is YamlScalarNode { Value: not null } && ToTree(pair.Value) is not null)
            .ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ToTree(pair.Value)!, StringComparer.Ordinal),
        YamlScalarNode { Value: { } text } => text,
        _ => null,
    };
}
