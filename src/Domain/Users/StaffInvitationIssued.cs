using Portal.Domain.Common;

namespace Portal.Domain.Users;

/// <summary>A colleague was sent an invitation link; <see cref="Token"/> is the link's secret, for the mail only.</summary>
public sealed record StaffInvitationIssued(InternalUser Staff, string Token, DateTimeOffset ExpiresAt, string InvitedBy, string Language)
    : IDomainEvent
{
    public override string ToString() => $"{nameof(StaffInvitationIssued)} {{ Staff = {Staff.Login} }}";
}
