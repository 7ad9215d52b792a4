namespace Portal.Infrastructure.Persistence;

/// <summary>
/// A named lease in the database: whoever holds an unexpired lease may do the work it names, so that with
/// several app instances a job runs on one of them at a time. A holder that dies simply lets it expire.
/// </summary>
public sealed class Lease
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
