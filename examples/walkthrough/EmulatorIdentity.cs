namespace Otc.Walkthrough;

/// <summary>The emulator's built-in account (documented in emulator/README.md; the same values as Otc.Emulator.EmulatorAccounts).</summary>
internal static class EmulatorIdentity
{
    public const string Region = "eu-de";
    public const string ProjectId = "0123456789abcdef0123456789abcdef";
    public const string AccessKey = "EMULATORACCESSKEY0001";
    public const string SecretKey = "emulator-secret-key-0001";

    /// <summary>The emulator's second customer, the consumer of the walkthrough's service.</summary>
    public const string ConsumerDomainId = "d0000000000000000000000000000002";
    public const string ConsumerProjectId = "aaaabbbbccccddddeeeeffff00001111";
    public const string ConsumerAccessKey = "EMULATORFOREIGNKEY01";
    public const string ConsumerSecretKey = "emulator-foreign-secret-01";
}
