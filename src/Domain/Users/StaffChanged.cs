using Portal.Domain.Activity;
using Portal.Domain.Common;

namespace Portal.Domain.Users;

/// <summary>A colleague was invited, joined, or had their role or status changed.</summary>
public sealed record StaffChanged(
    int StaffUserId,
    string Login,
    ActivityKind Kind,
    string Actor,
    DateTimeOffset OccurredAt,
    string? Detail,
    InternalUser Staff)
    : IDomainEvent, IRecordedActivity
{
    public ActivityEntry ToActivity(int? actorUserId) =>
        ActivityEntry.ForStaff(Kind, OccurredAt, actorUserId, Actor, Staff, Detail);
}
