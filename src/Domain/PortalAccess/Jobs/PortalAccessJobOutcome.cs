namespace Portal.Domain.PortalAccess.Jobs;

public enum PortalAccessJobOutcome { Pending = 0, Done = 1, Refused = 2, Cancelled = 3 }
