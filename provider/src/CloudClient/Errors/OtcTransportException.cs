namespace Otc.CloudClient;

/// <summary>No usable answer from the cloud: connection failures or timeouts that outlasted the retries, or an unreadable body.</summary>
public sealed class OtcTransportException : Exception
{
    public OtcTransportException(string operation, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
    }

    /// <summary>Method and path template of the failed call.</summary>
    public string Operation { get; }
}
