using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;

namespace Portal.Application.PortalAccess;

/// <summary>
/// Puts an invitation's e-mail into the outbox, in the same unit of work as the move that issued it, and
/// links the two so the back office can show whether the link was delivered.
/// </summary>
public sealed class InvitationOutbox(IRepository<OutboxMessage> outbox, IInvitationMailComposer mails, ICurrentUser currentUser)
{
    public async Task QueueAsync(Contact contact, Invitation invitation, string token, string? welcomeMessage, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // An active customer's new link sets a new password; everyone else's accepts the invitation.
        var setsNewPassword = contact.PortalUser?.State == PortalAccessState.Active;
        var content = new InvitationMailContent(
            contact.Email!, contact.Name, contact.PreferredLanguage, token, invitation.ExpiresAt, currentUser.ActorName,
            string.IsNullOrWhiteSpace(welcomeMessage) ? null : welcomeMessage.Trim(), setsNewPassword);
        var mail = mails.Compose(content, now);
        await outbox.AddAsync(mail, cancellationToken);
        invitation.AttachMail(mail.Id);
    }
}
