namespace Otc.Emulator.Iam;

/// <summary>IAM answers errors in the OpenStack Keystone shape <c>{"error":{"code","message","title"}}</c>.</summary>
internal sealed class KeystoneError(int status, string title, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public static KeystoneError Unauthorized(string message) => new(401, "Unauthorized", message);

    public static KeystoneError BadRequest(string message) => new(400, "Bad Request", message);
}
