using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Memory;

namespace Portal.UnitTests.Infrastructure;

public sealed class NativeHeapTrimmingTests
{
    private readonly FakeTimeProvider _clock = new();

    private NativeHeapTrimming Trimming(TimeSpan interval) =>
        new(Options.Create(new NativeHeapOptions { TrimInterval = interval }), _clock, NullLogger<NativeHeapTrimming>.Instance);

    [Fact]
    public void The_c_library_trims_on_linux() => NativeHeapTrimming.TryTrim().ShouldBe(OperatingSystem.IsLinux());

    [Fact]
    public async Task On_linux_the_heap_is_trimmed_every_interval_until_the_portal_stops()
    {
        using var trimming = Trimming(TimeSpan.FromSeconds(1));
        await trimming.StartAsync(CancellationToken.None);
        if (!OperatingSystem.IsLinux())
        {
            // No glibc to trim: the service ends at once.
            await trimming.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));
            return;
        }

        // The service starts its timer on a thread of its own, so the clock goes on a second at a time until it has ticked.
        for (var i = 0; i < 500 && trimming.Trims < 3; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }
        trimming.Trims.ShouldBeGreaterThanOrEqualTo(3);

        await trimming.StopAsync(CancellationToken.None);
        trimming.ExecuteTask!.IsCompleted.ShouldBeTrue();
        var stoppedAt = trimming.Trims;
        _clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        trimming.Trims.ShouldBe(stoppedAt);
    }

    [Fact]
    public async Task A_zero_interval_turns_trimming_off()
    {
        using var trimming = Trimming(TimeSpan.Zero);
        await trimming.StartAsync(CancellationToken.None);
        await trimming.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromMinutes(1));
        trimming.Trims.ShouldBe(0);
    }
}
