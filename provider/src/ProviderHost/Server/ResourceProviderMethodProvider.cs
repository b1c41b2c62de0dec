using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Otc.ProviderHost.Protocol;

namespace Otc.ProviderHost.Server;

/// <summary>
/// Binds all 21 <c>pulumirpc.ResourceProvider</c> RPCs to <see cref="ResourceProviderService"/> with concrete
/// generic instantiations the AOT compiler sees at build time. The default binder finds the generated
/// <c>BindService</c> by reflection and goes through generic virtual methods that Native AOT must build at
/// start-up (tens of milliseconds); the service therefore does not derive from the generated base class.
/// </summary>
internal sealed class ResourceProviderMethodProvider : IServiceMethodProvider<ResourceProviderService>
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<ResourceProviderService> context)
    {
        // No endpoint metadata: the service declares no attributes (authorisation, CORS) to carry over.
        var metadata = Array.Empty<object>();

        context.AddUnaryMethod(ResourceProvider.HandshakeMethod, metadata, (service, request, call) => service.Handshake(request, call));
        context.AddUnaryMethod(ResourceProvider.GetSchemaMethod, metadata, (service, request, call) => service.GetSchema(request, call));
        context.AddUnaryMethod(ResourceProvider.CheckConfigMethod, metadata, (service, request, call) => service.CheckConfig(request, call));
        context.AddUnaryMethod(ResourceProvider.DiffConfigMethod, metadata, (service, request, call) => service.DiffConfig(request, call));
        context.AddUnaryMethod(ResourceProvider.ConfigureMethod, metadata, (service, request, call) => service.Configure(request, call));
        context.AddUnaryMethod(ResourceProvider.InvokeMethod, metadata, (service, request, call) => service.Invoke(request, call));
        context.AddUnaryMethod(ResourceProvider.CheckMethod, metadata, (service, request, call) => service.Check(request, call));
        context.AddUnaryMethod(ResourceProvider.DiffMethod, metadata, (service, request, call) => service.Diff(request, call));
        context.AddUnaryMethod(ResourceProvider.CreateMethod, metadata, (service, request, call) => service.Create(request, call));
        context.AddUnaryMethod(ResourceProvider.ReadMethod, metadata, (service, request, call) => service.Read(request, call));
        context.AddUnaryMethod(ResourceProvider.UpdateMethod, metadata, (service, request, call) => service.Update(request, call));
        context.AddUnaryMethod(ResourceProvider.DeleteMethod, metadata, (service, request, call) => service.Delete(request, call));
        context.AddUnaryMethod(ResourceProvider.CancelMethod, metadata, (service, request, call) => service.Cancel(request, call));
        context.AddUnaryMethod(ResourceProvider.GetPluginInfoMethod, metadata, (service, request, call) => service.GetPluginInfo(request, call));
        context.AddUnaryMethod(ResourceProvider.AttachMethod, metadata, (service, request, call) => service.Attach(request, call));

        // A CRUD provider does not serve these; they stay bound and answer UNIMPLEMENTED with an empty detail,
        // exactly as the generated base class did, so the engine's fallbacks see no difference.
        context.AddUnaryMethod(ResourceProvider.ParameterizeMethod, metadata, (_, _, _) => throw Unimplemented());
        context.AddUnaryMethod(ResourceProvider.CallMethod, metadata, (_, _, _) => throw Unimplemented());
        context.AddUnaryMethod(ResourceProvider.ConstructMethod, metadata, (_, _, _) => throw Unimplemented());
        context.AddUnaryMethod(ResourceProvider.GetMappingMethod, metadata, (_, _, _) => throw Unimplemented());
        context.AddUnaryMethod(ResourceProvider.GetMappingsMethod, metadata, (_, _, _) => throw Unimplemented());
        context.AddServerStreamingMethod(ResourceProvider.ListMethod, metadata, (_, _, _, _) => throw Unimplemented());
    }

    private static RpcException Unimplemented() => new(new Status(StatusCode.Unimplemented, string.Empty));
}
