using Otc.CloudClient;

namespace Otc.CloudClient.Tests.Support;

public static class Samples
{
    public const string WrongPassword = "not-the-emulator-password";
    public const string WrongSecretKey = "not-the-emulator-secret-key";

    /// <summary>A valid create request on a fresh backend port, so services never clash on ports (EndPoint.3044).</summary>
    public static CreateServiceRequest Service(string? name = null, bool approval = false) => new()
    {
        PortId = Guid.NewGuid().ToString(),
        VpcId = Guid.NewGuid().ToString(),
        ServerType = "VM",
        ServiceName = name,
        ApprovalEnabled = approval,
        Ports = [new PortMapping { ClientPort = 80, ServerPort = 8080, Protocol = "TCP" }],
        Tags = [new ResourceTag { Key = "owner", Value = "tests" }],
        Description = "created by CloudClient.Tests",
    };

    /// <summary>Polls quickly: the emulator's lifecycle delays are short in these tests.</summary>
    public static readonly WaitPolicy FastPolling = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(20),
        Factor = 1.5,
        MaxDelay = TimeSpan.FromMilliseconds(200),
    };
}
