using System.Reflection;
using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Configuration;
using Otc.Provider.Functions;
using Otc.Provider.Resources.VpcEndpoint;
using Otc.Provider.Resources.VpcEndpointApproval;
using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Server;

// The only place that wires the protocol host, the resources and the cloud client together.
WaitPolicy? waits;
try
{
    waits = WaitSettings.FromEnvironment(Environment.GetEnvironmentVariable);
}
catch (FormatException problem)
{
    await Console.Error.WriteLineAsync($"pulumi-resource-otc: {problem.Message}");
    return 1;
}

var clients = new OtcClientProvider();
var definition = new ProviderDefinition
{
    PackageName = "otc",
    Version = ProviderVersion(),
    SchemaJson = EmbeddedSchema(),
    // Client diagnostics (method, path, status, attempt; never secrets) go to stderr, which the engine keeps in its
    // debug log (`pulumi up -v=9 --logtostderr`), so API traffic can be inspected without reaching the user's display.
    Configuration = new OtcProviderConfiguration(clients, clientLog: line => Console.Error.WriteLine("otc: " + line)),
    Resources =
    [
        ResourceBinding.For(new VpcEndpointServiceHandler(clients, waits)),
        ResourceBinding.For(new VpcEndpointHandler(clients, waits)),
        ResourceBinding.For(new VpcEndpointApprovalHandler(clients, waits)),
    ],
    Functions =
    [
        FunctionBinding.For(new GetVpcEndpointServiceFunction(clients)),
        FunctionBinding.For(new GetPublicServicesFunction(clients)),
        FunctionBinding.For(new GetVpcEndpointsFunction(clients)),
        FunctionBinding.For(new GetVpcEndpointServicesFunction(clients)),
        FunctionBinding.For(new GetVpcEndpointServiceConnectionsFunction(clients)),
        FunctionBinding.For(new GetQuotasFunction(clients)),
    ],
    ExceptionTranslator = new OtcExceptionTranslator(),
};

return await ProviderServer.RunAsync(args, definition);

static string ProviderVersion() =>
    typeof(VpcEndpointServiceHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

static string EmbeddedSchema()
{
    using var stream = typeof(VpcEndpointServiceHandler).Assembly.GetManifestResourceStream("schema.json")
        ?? throw new InvalidOperationException("schema.json is not embedded in the provider binary");
    using var reader = new StreamReader(stream);
    return reader.ReadToEnd();
}
