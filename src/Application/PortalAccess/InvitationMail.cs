using Portal.Domain.Mail;

namespace Portal.Application.PortalAccess;

/// <summary>What an invitation e-mail says; the composer renders it in the contact's language with the public link.</summary>
public sealed record InvitationMailContent(
    string ToAddress,
    string ToName,
    string Language,
    string Token,
    DateTimeOffset ExpiresAt,
    string InvitedBy,
    string? WelcomeMessage,
    bool SetsNewPassword,
    bool IsReminder = false);

public interface IInvitationMailComposer
{
    /// <summary>Renders the mail with the portal settings' current branding.</summary>
    ValueTask<OutboxMessage> ComposeAsync(InvitationMailContent content, DateTimeOffset now, CancellationToken cancellationToken);
}
