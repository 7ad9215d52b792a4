using Portal.Domain.Common;

namespace Portal.Domain.PortalAccess;

/// <summary>A contact's portal access changed: granted, re-invited, accepted or revoked.</summary>
public sealed record PortalAccessChanged(int ContactId, string Login, PortalAccessEventKind Kind, string Actor, DateTimeOffset OccurredAt) : IDomainEvent;
