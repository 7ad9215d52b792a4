namespace Portal.Domain.PortalAccess.Jobs;

/// <summary>The access move a job applies to every contact of its selection.</summary>
public enum PortalAccessJobKind { Grant = 1, ReInvite = 2, Revoke = 3 }
