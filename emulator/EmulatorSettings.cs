namespace Otc.Emulator;

/// <summary>Behaviour that tests may change while the emulator runs (also via POST /__emulator/settings).</summary>
public sealed class EmulatorSettings
{
    private readonly Lock _gate = new();
    private TimeSpan _createDelay;
    private TimeSpan _deleteDelay;
    private bool _failCreates;
    private int? _rateLimit;
    private ServiceNameForm _serviceNameForm;
    private bool _strict;
    private int? _pageCap;

    internal EmulatorSettings(EmulatorOptions options)
    {
        _createDelay = options.CreateDelay;
        _deleteDelay = options.DeleteDelay;
        _rateLimit = options.RateLimit;
        _serviceNameForm = options.ServiceNameForm;
        _strict = options.Strict;
    }

    /// <summary>The harsh reading of every ambiguous rule (see <see cref="EmulatorOptions.Strict"/>); read per request.</summary>
    public bool Strict
    {
        get { lock (_gate) { return _strict; } }
        set { lock (_gate) { _strict = value; } }
    }

    /// <summary>
    /// The most items one list page holds, whatever <c>limit</c> the request asks for (a server whose pages are smaller
    /// than asked, with <c>total_count</c> still counting every match); null: pages hold the requested limit. Lets tests
    /// walk many pages of a list without creating a thousand resources.
    /// </summary>
    public int? PageCap
    {
        get { lock (_gate) { return _pageCap; } }
        set { lock (_gate) { _pageCap = value; } }
    }

    /// <summary>The form of service names in answers (names are matched in either form).</summary>
    public ServiceNameForm ServiceNameForm
    {
        get { lock (_gate) { return _serviceNameForm; } }
        set { lock (_gate) { _serviceNameForm = value; } }
    }

    /// <summary>How long a new service or endpoint stays in <c>creating</c>.</summary>
    public TimeSpan CreateDelay
    {
        get { lock (_gate) { return _createDelay; } }
        set { lock (_gate) { _createDelay = value; } }
    }

    /// <summary>How long a deleted service or endpoint stays in <c>deleting</c> before it is gone.</summary>
    public TimeSpan DeleteDelay
    {
        get { lock (_gate) { return _deleteDelay; } }
        set { lock (_gate) { _deleteDelay = value; } }
    }

    /// <summary>When true, services and endpoints created from now on end in <c>failed</c> with an <c>error[]</c> entry.</summary>
    public bool FailCreates
    {
        get { lock (_gate) { return _failCreates; } }
        set { lock (_gate) { _failCreates = value; } }
    }

    /// <summary>Requests per second and project; null means unlimited.</summary>
    public int? RateLimit
    {
        get { lock (_gate) { return _rateLimit; } }
        set { lock (_gate) { _rateLimit = value; } }
    }
}
