namespace Portal.Domain.PortalAccess.Jobs;

public enum PortalAccessJobStatus { Queued = 1, Running = 2, Completed = 3, Cancelled = 4 }
