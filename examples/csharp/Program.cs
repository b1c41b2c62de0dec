using Pulumi;
using VpcepExample;

// The resources are declared in WebService.cs; provider/tests/Program.Tests runs the same function with Pulumi's mocks.
return await Deployment.RunAsync(() => WebService.Declare());
