using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.PortalAccess;

namespace Portal.UnitTests.Infrastructure;

/// <summary>The mail dispatcher lets a running bulk access job finish first, for a bounded time from the job's start.</summary>
public sealed class RunningAccessJobTests
{
    private static readonly TimeSpan HeadStart = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Without_a_running_job_mail_leaves_at_once()
    {
        var job = new RunningAccessJob(_clock);
        await job.LetFinishAsync(HeadStart, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        job.Continues();
        job.Ended();
        await job.LetFinishAsync(HeadStart, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Mail_waits_until_the_running_job_ends()
    {
        var job = new RunningAccessJob(_clock);
        job.Continues();
        var waiting = job.LetFinishAsync(HeadStart, CancellationToken.None);
        await Task.Delay(50);
        waiting.IsCompleted.ShouldBeFalse();

        job.Ended();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Mail_waits_no_longer_than_the_head_start_counted_from_the_jobs_first_batch()
    {
        var job = new RunningAccessJob(_clock);
        job.Continues();
        _clock.Advance(TimeSpan.FromSeconds(10));
        job.Continues();
        var waiting = job.LetFinishAsync(HeadStart, CancellationToken.None);
        await Task.Delay(50);
        waiting.IsCompleted.ShouldBeFalse("five of the fifteen seconds are left");

        _clock.Advance(TimeSpan.FromSeconds(5));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await job.LetFinishAsync(HeadStart, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Stopping_the_app_ends_the_wait()
    {
        var job = new RunningAccessJob(_clock);
        job.Continues();
        using var stopping = new CancellationTokenSource();
        var waiting = job.LetFinishAsync(HeadStart, stopping.Token);

        await stopping.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
