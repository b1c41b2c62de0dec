namespace Otc.Provider.Resources.Common;

/// <summary>Messages to the user (through the engine's log) that must never disturb the operation they describe.</summary>
internal static class UserMessages
{
    public static async Task SendAsync(Task message)
    {
        try
        {
            await message.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The engine may be gone or busy; the operation's outcome is what matters.
        }
    }
}
