using Portal.Domain.Common;

namespace Portal.Domain.PortalAccess;

/// <summary>A contact's portal access changed: granted, re-invited, accepted, revoked, or its login (e-mail) changed.</summary>
public sealed record PortalAccessChanged(int ContactId, string Login, PortalAccessEventKind Kind, string Actor, DateTimeOffset OccurredAt) : IDomainEvent;
