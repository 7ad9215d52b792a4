namespace Portal.Domain.CompanyAccounts;

public enum ColleagueRequestStatus
{
    /// <summary>Waits for staff to approve or refuse it.</summary>
    Pending = 1,
    /// <summary>The colleague's contact exists and was invited, at once or after approval.</summary>
    Granted = 2,
    Refused = 3,
}
