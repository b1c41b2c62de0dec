namespace Otc.CloudClient.Tests.Support;

/// <summary>Reports on the calling thread, so what a wait reported is complete when it returns, and a test can act on a report at once.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
