namespace Portal.Infrastructure;

/// <summary>Wakes a polling background loop early; any number of wake-ups before it looks again count as one.</summary>
public class WakeUpSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    protected void Wake()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already signalled; one wake-up covers everything queued since */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
