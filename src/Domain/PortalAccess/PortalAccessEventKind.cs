namespace Portal.Domain.PortalAccess;

public enum PortalAccessEventKind
{
    Granted = 1,
    ReInvited = 2,
    Accepted = 3,
    Revoked = 4,
    EmailChangeRequested = 5,
    EmailChanged = 6,
    EmailChangeCancelled = 7,
    EmailChangeReported = 8,
    MadeCompanyAdministrator = 9,
    CompanyAdministratorEnded = 10,
    CompanyDocumentKindsChanged = 11,
    /// <summary>The customer asked for a new link from an expired or replaced one; the new link went to the address on file.</summary>
    NewLinkRequested = 20,
}
