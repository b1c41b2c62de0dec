namespace Otc.CloudClient;

/// <summary>One read of a waited-on resource: the resource, or the definite 404 that says it is gone.</summary>
/// <param name="ReadAt">When the read was sent (<see cref="TimeProvider.GetTimestamp"/>); the next one is timed from it.</param>
internal readonly record struct Observation<T>(T? Resource, OtcApiException? NotFound, long ReadAt)
    where T : class;
