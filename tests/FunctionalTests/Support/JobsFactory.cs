using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.PortalAccess;

namespace Portal.FunctionalTests.Support;

/// <summary>
/// The job runner's loop is off: a test settles a job's batches itself, one at a time, so it can stop in the middle.
/// </summary>
public class JobsFactory : PortalFactory
{
    public JobsFactory() { }

    protected JobsFactory(PortalFactory primary) : base(primary) { }

    public static JobsFactory RestartOf(JobsFactory primary) => new Restarted(primary);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:PortalAccessJobs:Enabled", "false");
    }

    /// <summary>One batch of the oldest unfinished job, as the runner's loop would settle it.</summary>
    public Task<bool?> RunJobBatchAsync() =>
        Services.GetRequiredService<PortalAccessJobWorker>().RunBatchAsync(CancellationToken.None);

    /// <summary>Every unfinished job to its end, as the runner's loop settles them: each batch prepared while the one before commits.</summary>
    public async Task RunJobsToEndAsync()
    {
        while (await Services.GetRequiredService<PortalAccessJobWorker>().RunJobAsync(CancellationToken.None) == true) { }
    }

    private sealed class Restarted(JobsFactory primary) : JobsFactory(primary);
}
