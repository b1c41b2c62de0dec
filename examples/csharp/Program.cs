using Pulumi;
using VpcepExample;

// The resources are declared in PublisherAndConsumer.cs (and WebService.cs, the service on its own); provider/tests/Program.Tests
// runs the same functions with Pulumi's mocks.
return await Deployment.RunAsync(() => PublisherAndConsumer.Declare());
