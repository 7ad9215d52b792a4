using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Memory;

public sealed class NativeHeapOptions
{
    public const string Section = "Portal:NativeHeap";

    /// <summary>How often the C library's free memory is given back to the system; zero turns it off.</summary>
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Gives the C library's free memory back to the system every second (glibc's <c>malloc_trim</c>). glibc gives each thread
/// that allocates natively an arena of its own, up to eight per core, and what is freed inside an arena stays with the
/// process. SQLite's page caches and statements, the JIT and OpenSSL all allocate on request threads, so under load the
/// arenas held 20-30 MB that was free, and the process's peak working set grew with them. Every five seconds was not often
/// enough: the arenas fill within a burst (bench/README.md, "Memory"). A trim holds each arena's lock while it gives that
/// arena's pages back: about 0.2 ms, and under load now and then much longer (once 16 ms in 17 trims), which the p99 of
/// <c>/my</c> in the same benchmark did not show. Without glibc (or outside Linux) nothing runs.
/// </summary>
public sealed class NativeHeapTrimming(IOptions<NativeHeapOptions> options, TimeProvider clock, ILogger<NativeHeapTrimming> logger)
    : BackgroundService
{
    private int trims;

    /// <summary>How many times the heap was trimmed since the start.</summary>
    internal int Trims => Volatile.Read(ref trims);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.TrimInterval;
        if (interval <= TimeSpan.Zero || !OperatingSystem.IsLinux()) return;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (TryTrim())
            {
                Interlocked.Increment(ref trims);
                continue;
            }
            logger.LogInformation("The C library has no malloc_trim; its free memory is left to it.");
            return;
        }
    }

    /// <summary>Trims every arena; false where the C library has no <c>malloc_trim</c> (musl, macOS, Windows).</summary>
    internal static bool TryTrim()
    {
        try
        {
            MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim", ExactSpelling = true)]
#pragma warning disable SYSLIB1054 // One size in, one int out: nothing to marshal, so a generated stub would add nothing.
    private static extern int MallocTrim(nuint pad);
#pragma warning restore SYSLIB1054
}
