using Portal.Domain.Common;

namespace Portal.Domain.CompanyAccounts;

/// <summary>
/// The business's limits on a company administrator's invitations, as one rule: invitations must be switched on, the
/// company may invite only so many colleagues an hour, and may hold only so many portal users (invited or active).
/// </summary>
public sealed record ColleagueInvitationPolicy(ColleagueInvitationMode Mode, int? MaxPortalUsersPerCompany, int InvitationsPerHour)
{
    public static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);

    public bool NeedsStaffApproval => Mode == ColleagueInvitationMode.WithStaffApproval;

    /// <summary>
    /// Refuses another invitation. <paramref name="seatsTaken"/> counts the company's invited and active portal users and
    /// its requests still waiting (each may become one); <paramref name="invitationsInLastHour"/> counts invitations and
    /// requests of the last <see cref="RateWindow"/>.
    /// </summary>
    public void EnsureAnotherInvitationAllowed(int seatsTaken, int invitationsInLastHour)
    {
        if (Mode == ColleagueInvitationMode.Off) throw new DomainException(DomainErrors.ColleagueInvitationsOff);
        if (invitationsInLastHour >= InvitationsPerHour) throw new DomainException(DomainErrors.ColleagueInvitationsTooFrequent);
        EnsureSeatFree(seatsTaken);
    }

    /// <summary>Staff approving a request check the cap again: it may have been reached since the request was made.</summary>
    public void EnsureSeatFree(int seatsTaken)
    {
        if (MaxPortalUsersPerCompany is { } max && seatsTaken >= max)
            throw new DomainException(DomainErrors.CompanyPortalUserLimitReached);
    }
}
