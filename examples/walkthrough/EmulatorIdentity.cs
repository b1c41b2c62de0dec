namespace Otc.Walkthrough;

/// <summary>The emulator's built-in account (documented in emulator/README.md; the same values as Otc.Emulator.EmulatorAccounts).</summary>
internal static class EmulatorIdentity
{
    public const string Region = "eu-de";
    public const string ProjectId = "0123456789abcdef0123456789abcdef";
    public const string AccessKey = "EMULATORACCESSKEY0001";
    public const string SecretKey = "emulator-secret-key-0001";
}
