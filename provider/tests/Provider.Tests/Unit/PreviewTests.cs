using Otc.Provider.Cloud;
using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Unit;

public sealed class PreviewTests
{
    private static readonly HostedResource Resource = SchemaRules.Hosted(new VpcEndpointServiceHandler(new OtcClientProvider()));

    private static PropertyMap OldState() => Props.FullInputs()
        .With("status", "available")
        .With("fullServiceName", "eu-de.svc.id-1")
        .With("createdAt", "2026-01-01T00:00:00Z")
        .With("updatedAt", "2026-01-02T00:00:00Z")
        .With("projectId", "project-1");

    [Test]
    public void Create_preview_echoes_inputs_in_cloud_spelling_and_leaves_computed_outputs_unknown()
    {
        var inputs = Props.FullInputs().With("serverType", "lb").With("ports", Props.List(Props.Port(80, 8080, "tcp")));

        var outputs = Resource.PreviewCreate(inputs);

        Assert.That(outputs["serverType"], Is.EqualTo(PropertyValue.From("LB")));
        Assert.That(outputs["ports"], Is.EqualTo(Props.List(Props.Port(80, 8080, "TCP"))));
        Assert.That(outputs["description"], Is.EqualTo(PropertyValue.From("a service")));
        Assert.That(outputs.Keys, Has.None.AnyOf("status", "fullServiceName", "createdAt", "updatedAt", "projectId"));
    }

    [Test]
    public void Create_preview_keeps_unknown_inputs_unknown()
    {
        var outputs = Resource.PreviewCreate(Props.FullInputs().With("portId", PropertyValue.Unknown));

        Assert.That(outputs["portId"].IsUnknown, Is.True);
    }

    [Test]
    public void Update_preview_overlays_new_inputs_and_drops_status_and_update_time()
    {
        var outputs = Resource.PreviewUpdate(OldState(), Props.FullInputs().With("description", "new"));

        Assert.That(outputs["description"], Is.EqualTo(PropertyValue.From("new")));
        Assert.That(outputs["createdAt"], Is.EqualTo(PropertyValue.From("2026-01-01T00:00:00Z")));
        Assert.That(outputs["fullServiceName"], Is.EqualTo(PropertyValue.From("eu-de.svc.id-1")));
        Assert.That(outputs.ContainsKey("status"), Is.False);
        Assert.That(outputs.ContainsKey("updatedAt"), Is.False);
    }

    [Test]
    public void Update_preview_of_a_rename_leaves_the_full_name_unknown()
    {
        var outputs = Resource.PreviewUpdate(OldState(), Props.FullInputs().With("serviceName", "renamed"));

        Assert.That(outputs["serviceName"], Is.EqualTo(PropertyValue.From("renamed")));
        Assert.That(outputs.ContainsKey("fullServiceName"), Is.False);
    }

    [Test]
    public void Update_preview_shows_removed_optional_inputs_as_cleared()
    {
        var outputs = Resource.PreviewUpdate(OldState(), Props.MinimalInputs());

        Assert.That(outputs["tags"], Is.EqualTo(Props.Object()));
        Assert.That(outputs["permissions"], Is.EqualTo(Props.List()));
        Assert.That(outputs["description"], Is.EqualTo(PropertyValue.From("")));
    }
}
