using System.Text.RegularExpressions;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Support;

/// <summary>Fails when any captured text contains a credential the tests used, or anything shaped like an issued IAM token.</summary>
public static partial class SecretScan
{
    public static readonly IReadOnlyList<string> KnownSecrets =
    [
        EmulatorAccounts.SecretKey,
        EmulatorAccounts.TemporarySecretKey,
        EmulatorAccounts.SecurityToken,
        EmulatorAccounts.Password,
        EmulatorAccounts.StaticToken,
        Samples.WrongPassword,
        Samples.WrongSecretKey,
    ];

    public static void AssertClean(IEnumerable<string> captured)
    {
        var leaks = captured
            .Where(line => KnownSecrets.Any(secret => line.Contains(secret, StringComparison.Ordinal)) || IssuedToken().IsMatch(line))
            .ToList();
        Assert.That(leaks, Is.Empty, "captured output must never contain a secret");
    }

    /// <summary>The emulator issues tokens as "MII" followed by 128 base64-like characters.</summary>
    [GeneratedRegex("MII[A-Za-z0-9_=-]{40,}")]
    private static partial Regex IssuedToken();
}
