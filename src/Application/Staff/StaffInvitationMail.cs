using Portal.Domain.Mail;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>What a staff invitation e-mail says; the composer renders it in the chosen language with the public link.</summary>
public sealed record StaffInvitationMailContent(
    string ToAddress,
    string ToName,
    string Language,
    string Token,
    DateTimeOffset ExpiresAt,
    string InvitedBy,
    StaffRole Role);

public interface IStaffInvitationMailComposer
{
    ValueTask<OutboxMessage> ComposeAsync(StaffInvitationMailContent content, DateTimeOffset now, CancellationToken cancellationToken);
}
