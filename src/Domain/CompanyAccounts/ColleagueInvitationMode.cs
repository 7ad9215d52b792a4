namespace Portal.Domain.CompanyAccounts;

/// <summary>Whether a company administrator may invite colleagues, and whether staff decide first.</summary>
public enum ColleagueInvitationMode
{
    Off = 0,
    On = 1,
    /// <summary>The invitation waits as a request until staff approve it (<see cref="ColleagueRequest"/>).</summary>
    WithStaffApproval = 2,
}
