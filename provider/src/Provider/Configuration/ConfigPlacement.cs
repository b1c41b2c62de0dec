using Otc.ProviderHost.Values;

namespace Otc.Provider.Configuration;

/// <summary>
/// Where a configuration puts its resources: the region and the project (by id, else by name, which defaults to the
/// region's default project). DiffConfig compares these resolved values, so a value moved into its environment
/// variables or clouds.yaml, or the same project named once more by id, is not a move; schema.json marks the three keys
/// <c>replaceOnChanges</c>, and a real change replaces every resource of the provider.
/// </summary>
/// <param name="NameIsDefault">True when the project name is the region's default project, not one the user named.</param>
internal sealed record ConfigPlacement(PropertyValue Region, PropertyValue ProjectId, PropertyValue ProjectName, bool NameIsDefault)
{
    public static ConfigPlacement Of(ResolvedConfig config)
    {
        var region = config.Placement(ConfigKeys.Region);
        var projectId = config.Placement(ConfigKeys.ProjectId);
        var projectName = config.Placement(ConfigKeys.ProjectName);

        // Without a project id the client looks the project up by name, and the name defaults to the region.
        var isDefault = projectName.IsNull && projectId.IsNull;
        return new ConfigPlacement(region, projectId, isDefault ? region : projectName, isDefault);
    }

    /// <summary>
    /// Where one side names the project by id, the name is only a label (the id wins), so it is compared by id; a side
    /// that names it only by name is taken to mean the other side's id when their names agree. The region's default
    /// project counts as named where only the other side names a project, so writing out the default is no change.
    /// </summary>
    public static (ConfigPlacement Old, ConfigPlacement New) Align(ConfigPlacement old, ConfigPlacement @new)
    {
        if (old.NameIsDefault && @new.NameIsDefault)
        {
            // Both use the region's default project: the region says it all, and no unwritten key shows up in the diff.
            return (old.WithoutName(), @new.WithoutName());
        }

        if (old.HasKnownId && !@new.ProjectId.IsNull && !@new.ProjectId.IsUnknown)
        {
            return (old.WithoutName(), @new.WithoutName());
        }

        if (old.HasKnownId && @new.ProjectId.IsNull && SameKnownName(old, @new))
        {
            return (old.WithoutName(), @new.WithoutName() with { ProjectId = old.ProjectId });
        }

        if (@new.HasKnownId && old.ProjectId.IsNull && SameKnownName(old, @new))
        {
            return (old.WithoutName() with { ProjectId = @new.ProjectId }, @new.WithoutName());
        }

        return (old, @new);
    }

    /// <summary><paramref name="config"/> with the three keys replaced by these resolved values (absent where null).</summary>
    public PropertyMap ApplyTo(PropertyMap config) =>
        Set(Set(Set(config, ConfigKeys.Region, Region), ConfigKeys.ProjectId, ProjectId), ConfigKeys.ProjectName, ProjectName);

    private bool HasKnownId => ProjectId.TryGetString(out _);

    private ConfigPlacement WithoutName() => this with { ProjectName = PropertyValue.Null };

    private static bool SameKnownName(ConfigPlacement a, ConfigPlacement b) =>
        a.ProjectName.TryGetString(out var first) && b.ProjectName.TryGetString(out var second) && string.Equals(first, second, StringComparison.Ordinal);

    private static PropertyMap Set(PropertyMap config, ConfigKey key, PropertyValue value) =>
        value.IsNull ? config.Without(key.Name) : config.With(key.Name, value);
}
