namespace Portal.Infrastructure.Caching;

/// <summary>
/// This instance's copy of something every request reads and that rarely changes (the settings, the customer page
/// menu): loaded at most once per <c>lifetime</c>, by one caller at a time, and dropped at once by
/// <see cref="Invalidate"/> when this instance saves a change; other instances see the change within the lifetime.
/// </summary>
internal sealed class InstanceCopy<T>(Func<CancellationToken, Task<T>> load, Func<TimeSpan> lifetime) : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Cached? _current;
    private long _generation;

    public async ValueTask<T> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && fresh.IsFresh) return fresh.Value;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded && loaded.IsFresh) return loaded.Value;
            var generation = Interlocked.Read(ref _generation);
            var value = await load(cancellationToken);
            // A change saved while this read ran may not be in it: keeping it would hide that change for a whole lifetime.
            if (Interlocked.Read(ref _generation) == generation)
                _current = new Cached(value, Environment.TickCount64 + (long)lifetime().TotalMilliseconds);
            return value;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    public void Dispose() => _loading.Dispose();

    private sealed record Cached(T Value, long FreshUntil)
    {
        public bool IsFresh => Environment.TickCount64 < FreshUntil;
    }
}
