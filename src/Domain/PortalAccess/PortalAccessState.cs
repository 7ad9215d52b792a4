namespace Portal.Domain.PortalAccess;

public enum PortalAccessState
{
    Invited = 1,
    Active = 2,
    Revoked = 3,
}
