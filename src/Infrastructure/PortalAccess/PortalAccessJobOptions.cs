namespace Portal.Infrastructure.PortalAccess;

public sealed class PortalAccessJobOptions
{
    public const string Section = "Portal:PortalAccessJobs";

    /// <summary>How often unfinished jobs are looked for when no new job woke the runner. Default 10 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the runner's lease lasts; renewed before every batch. Default 1 minute.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tests run batches themselves, one at a time, to stop in the middle of a job.</summary>
    public bool Enabled { get; set; } = true;
}
