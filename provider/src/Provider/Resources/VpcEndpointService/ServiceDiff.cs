using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using Names = Otc.Provider.Resources.VpcEndpointService.ServiceProperties;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// Diff for <c>otc:vpcep:VpcEndpointService</c>: both sides are normalised (so equivalent spellings never show as
/// changes, in either direction, which refresh relies on), then the host's differ applies the schema's replace rules.
/// </summary>
internal static class ServiceDiff
{
    public static DiffResult Diff(DiffRequest request, PropertyDiffer differ)
    {
        // The host has already filled old inputs from the state for engines that do not send them.
        var normalisedOld = InputNormaliser.Normalise(request.OldInputs);
        var normalisedNew = InputNormaliser.Normalise(request.NewInputs);
        var result = RemovedNameReplaces(differ.Diff(request with { OldInputs = normalisedOld, NewInputs = normalisedNew }));
        return result.RequiresReplace && ReplacementWouldCollide(normalisedOld, normalisedNew)
            ? result with { DeleteBeforeReplace = true }
            : result;
    }

    /// <summary>
    /// Two services on the same port may not share a (server port, protocol) pair: the API refuses the second with
    /// EndPoint.3044, so such a replacement must delete the old service first. Unknown values prove nothing.
    /// </summary>
    public static bool ReplacementWouldCollide(PropertyMap oldInputs, PropertyMap newInputs)
    {
        if (!oldInputs.GetOrNull(Names.PortId).TryGetString(out var oldPort)
            || !newInputs.GetOrNull(Names.PortId).TryGetString(out var newPort)
            || !string.Equals(oldPort, newPort, StringComparison.Ordinal))
        {
            return false;
        }

        var oldBackends = BackendPorts(oldInputs);
        return BackendPorts(newInputs).Any(oldBackends.Contains);
    }

    private static HashSet<(int, string)> BackendPorts(PropertyMap inputs)
    {
        var backends = new HashSet<(int, string)>();
        if (!inputs.GetOrNull(Names.Ports).TryGetArray(out var items))
        {
            return backends;
        }

        foreach (var item in items)
        {
            if (item.TryGetObject(out var fields)
                && fields.GetOrNull(Names.ServerPort).TryGetNumber(out var serverPort)
                && fields.GetOrNull(Names.Protocol).TryGetString(out var protocol))
            {
                backends.Add(((int)serverPort, ServiceVocabulary.CanonicalOrSelf(protocol, ServiceVocabulary.Protocols)));
            }
        }

        return backends;
    }

    /// <summary>
    /// The modify API can rename a service but not remove its name (an empty name is refused with EndPoint.3076),
    /// so dropping <c>serviceName</c> can only be reached by creating the service again.
    /// </summary>
    private static DiffResult RemovedNameReplaces(DiffResult result) =>
        result.DetailedDiff.TryGetValue(Names.ServiceName, out var kind) && kind == PropertyDiffKind.Delete
            ? result with { DetailedDiff = result.DetailedDiff.SetItem(Names.ServiceName, PropertyDiffKind.DeleteReplace) }
            : result;
}
