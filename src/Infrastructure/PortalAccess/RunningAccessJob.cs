namespace Portal.Infrastructure.PortalAccess;

/// <summary>
/// Whether this instance is working through a bulk access job, so the mail dispatcher can let it finish first. On two
/// cores, sending a job's invitations while its batches still run only slowed the job down (about a quarter longer for
/// 10,000 grants) and, on SQLite, made the two queue for the one writer; the mails were not sent any sooner in total. The
/// wait is bounded from the job's start, so a long job's mails, and any other mail, still leave alongside it after that.
/// </summary>
public sealed class RunningAccessJob(TimeProvider clock)
{
    private Run? _current;

    /// <summary>A batch of a job is about to be settled: from the first one on, the job counts as running.</summary>
    public void Continues()
    {
        if (Volatile.Read(ref _current) is null)
            Interlocked.CompareExchange(ref _current, new Run(clock.GetUtcNow()), null);
    }

    /// <summary>No job left to work on, or the work stopped (the lease went elsewhere, a batch failed).</summary>
    public void Ended() => Interlocked.Exchange(ref _current, null)?.Done.TrySetResult();

    /// <summary>Waits until the running job ends, but no longer than <paramref name="atMost"/> after its start.</summary>
    public async Task LetFinishAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is not { } run) return;
        var left = run.StartedAt + atMost - clock.GetUtcNow();
        if (left <= TimeSpan.Zero) return;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(run.Done.Task, Task.Delay(left, clock, stop.Token));
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private sealed record Run(DateTimeOffset StartedAt)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
