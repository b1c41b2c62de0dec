using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

// Extends the class generated from Protos/pulumi/provider.proto, so it lives in the generated namespace.
namespace Otc.ProviderHost.Protocol;

/// <summary>
/// The generated <c>pulumirpc.ResourceProvider</c> method descriptors (paths and marshallers), which the
/// generator keeps private. Exposing them lets <see cref="Server.ResourceProviderMethodProvider"/> bind every
/// RPC from the single source, provider.proto, without the reflection-driven <c>BindService</c> path.
/// </summary>
public static partial class ResourceProvider
{
    internal static Method<ProviderHandshakeRequest, ProviderHandshakeResponse> HandshakeMethod => __Method_Handshake;

    internal static Method<ParameterizeRequest, ParameterizeResponse> ParameterizeMethod => __Method_Parameterize;

    internal static Method<GetSchemaRequest, GetSchemaResponse> GetSchemaMethod => __Method_GetSchema;

    internal static Method<CheckRequest, CheckResponse> CheckConfigMethod => __Method_CheckConfig;

    internal static Method<DiffRequest, DiffResponse> DiffConfigMethod => __Method_DiffConfig;

    internal static Method<ConfigureRequest, ConfigureResponse> ConfigureMethod => __Method_Configure;

    internal static Method<InvokeRequest, InvokeResponse> InvokeMethod => __Method_Invoke;

    internal static Method<CallRequest, CallResponse> CallMethod => __Method_Call;

    internal static Method<CheckRequest, CheckResponse> CheckMethod => __Method_Check;

    internal static Method<DiffRequest, DiffResponse> DiffMethod => __Method_Diff;

    internal static Method<CreateRequest, CreateResponse> CreateMethod => __Method_Create;

    internal static Method<ReadRequest, ReadResponse> ReadMethod => __Method_Read;

    internal static Method<ListRequest, ListResponse> ListMethod => __Method_List;

    internal static Method<UpdateRequest, UpdateResponse> UpdateMethod => __Method_Update;

    internal static Method<DeleteRequest, Empty> DeleteMethod => __Method_Delete;

    internal static Method<ConstructRequest, ConstructResponse> ConstructMethod => __Method_Construct;

    internal static Method<Empty, Empty> CancelMethod => __Method_Cancel;

    internal static Method<Empty, PluginInfo> GetPluginInfoMethod => __Method_GetPluginInfo;

    internal static Method<PluginAttach, Empty> AttachMethod => __Method_Attach;

    internal static Method<GetMappingRequest, GetMappingResponse> GetMappingMethod => __Method_GetMapping;

    internal static Method<GetMappingsRequest, GetMappingsResponse> GetMappingsMethod => __Method_GetMappings;
}
