using Portal.Domain.Activity;
using Portal.Domain.Common;

namespace Portal.Domain.PortalAccess;

/// <summary>A contact's portal access changed: granted, re-invited, accepted, revoked, or its login (e-mail) changed.</summary>
public sealed record PortalAccessChanged(int ContactId, string Login, PortalAccessEventKind Kind, string Actor, DateTimeOffset OccurredAt, string ContactName = "")
    : IRecordedActivity
{
    public ActivityEntry ToActivity(int? actorUserId) =>
        ActivityEntry.ForContact(ActivityKindOf(Kind), OccurredAt, Kind is PortalAccessEventKind.Accepted or PortalAccessEventKind.EmailChanged ? null : actorUserId,
            Actor, ContactId, ContactName.Length > 0 ? $"{ContactName} <{Login}>" : Login);

    public static ActivityKind ActivityKindOf(PortalAccessEventKind kind) => kind switch
    {
        PortalAccessEventKind.Granted => ActivityKind.AccessGranted,
        PortalAccessEventKind.ReInvited => ActivityKind.AccessReInvited,
        PortalAccessEventKind.Accepted => ActivityKind.InvitationAccepted,
        PortalAccessEventKind.Revoked => ActivityKind.AccessRevoked,
        PortalAccessEventKind.EmailChangeRequested => ActivityKind.EmailChangeRequested,
        PortalAccessEventKind.EmailChanged => ActivityKind.EmailChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
