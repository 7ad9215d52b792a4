namespace Portal.Infrastructure.Mail;

/// <summary>Wakes the dispatcher as soon as a command has committed mail, instead of waiting for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void MailQueued()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already signalled; one wake-up covers every queued mail */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
