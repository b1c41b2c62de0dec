using Otc.ProviderHost.Resources;
using Names = Otc.Provider.Resources.VpcEndpointService.VpcEndpointServiceInputs.Names;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// What the diff of <c>otc:vpcep:VpcEndpointService</c> adds to the host's: the host has compared the canonical forms
/// (so equivalent spellings never show as changes, in either direction, which refresh relies on) with the schema's
/// replace rules; two API limits turn some of its answers into replacements of another kind.
/// </summary>
internal static class ServiceDiff
{
    public static DiffResult Refine(DiffRequest<VpcEndpointServiceInputs, VpcEndpointServiceState> request, DiffResult result)
    {
        result = RemovedNameReplaces(result);
        return result.RequiresReplace && ReplacementWouldCollide(request.OldInputs, request.NewInputs)
            ? result with { DeleteBeforeReplace = true }
            : result;
    }

    /// <summary>
    /// Two services on the same port may not share a (server port, protocol) pair: the API refuses the second with
    /// EndPoint.3044, so such a replacement must delete the old service first. Unknown values prove nothing.
    /// </summary>
    public static bool ReplacementWouldCollide(VpcEndpointServiceInputs oldInputs, VpcEndpointServiceInputs newInputs)
    {
        if (!oldInputs.PortId.TryGetValue(out var oldPort) || !newInputs.PortId.TryGetValue(out var newPort)
            || !string.Equals(oldPort, newPort, StringComparison.Ordinal))
        {
            return false;
        }

        var oldBackends = BackendPorts(oldInputs);
        return BackendPorts(newInputs).Any(oldBackends.Contains);
    }

    private static HashSet<(long, string)> BackendPorts(VpcEndpointServiceInputs inputs) =>
        inputs.Ports.TryGetValue(out var ports)
            ? [.. ports.Where(port => port.IsKnown && port.Value.ServerPort.IsKnown && port.Value.Protocol.IsKnown).Select(port => port.Value.Backend)]
            : [];

    /// <summary>
    /// The modify API can rename a service but not remove its name (an empty name is refused with EndPoint.3076),
    /// so dropping <c>serviceName</c> can only be reached by creating the service again.
    /// </summary>
    private static DiffResult RemovedNameReplaces(DiffResult result) =>
        result.DetailedDiff.TryGetValue(Names.ServiceName, out var kind) && kind == PropertyDiffKind.Delete
            ? result with { DetailedDiff = result.DetailedDiff.SetItem(Names.ServiceName, PropertyDiffKind.DeleteReplace) }
            : result;
}
