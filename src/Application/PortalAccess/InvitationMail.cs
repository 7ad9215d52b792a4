using Portal.Domain.Contacts;
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
    bool SetsNewPassword);

public interface IInvitationMailComposer
{
    OutboxMessage Compose(InvitationMailContent content, DateTimeOffset now);
}

internal static class InvitationMailExtensions
{
    public static InvitationMailContent InvitationMailFor(this Contact contact, string token, DateTimeOffset expiresAt, string invitedBy, string? welcomeMessage, bool setsNewPassword) =>
        new(contact.Email!, contact.Name, contact.PreferredLanguage, token, expiresAt, invitedBy,
            string.IsNullOrWhiteSpace(welcomeMessage) ? null : welcomeMessage.Trim(), setsNewPassword);
}
