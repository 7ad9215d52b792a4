using Portal.Domain.Activity;

namespace Portal.Domain.Contacts;

/// <summary>A company administrator changed their company's details.</summary>
public sealed record CompanyDetailsChanged(int CompanyId, string CompanyName, string Actor, DateTimeOffset OccurredAt) : IRecordedActivity
{
    public ActivityEntry ToActivity(int? actorUserId) =>
        ActivityEntry.ForContact(ActivityKind.CompanyDetailsChanged, OccurredAt, actorUserId, Actor, CompanyId, CompanyName);
}
