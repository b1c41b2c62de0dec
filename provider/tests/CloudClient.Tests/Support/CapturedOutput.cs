using System.Collections.Concurrent;

namespace Otc.CloudClient.Tests.Support;

/// <summary>Everything the client said during a test: log lines and the messages of exceptions the test observed.</summary>
public sealed class CapturedOutput
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public void Add(string line) => _lines.Enqueue(line);

    /// <summary>Records an exception's full text (message and inner messages) so the secret scan covers it.</summary>
    public T Record<T>(T exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            _lines.Enqueue($"{current.GetType().Name}: {current.Message}");
        }

        return exception;
    }

    public void Clear() => _lines.Clear();
}
