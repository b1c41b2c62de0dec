using Pulumi;
using VpcepStackReference;

// The resources are declared in ServiceFromNetworkStack.cs; provider/tests/Program.Tests runs the same function with
// Pulumi's mocks.
return await Deployment.RunAsync(() => ServiceFromNetworkStack.Declare());
