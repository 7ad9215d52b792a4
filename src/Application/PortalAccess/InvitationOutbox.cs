using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;

namespace Portal.Application.PortalAccess;

/// <summary>
/// Puts an invitation's e-mail into the outbox, in the same unit of work as the move that issued it, and
/// links the two so the back office can show whether the link was delivered.
/// </summary>
public sealed class InvitationOutbox(IRepository<OutboxMessage> outbox, IInvitationMailComposer mails, ICurrentUser currentUser, IPortalSettings settings)
{
    public async Task QueueAsync(Contact contact, Invitation invitation, string token, string? welcomeMessage, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // An active customer's new link sets a new password; everyone else's accepts the invitation.
        var setsNewPassword = contact.PortalUser?.State == PortalAccessState.Active;
        // The admin's own words win; left empty, the business's default welcome in the contact's language is used.
        // (Decided here rather than pre-filled in the wizard: one wizard may hold contacts of both languages, and a
        // bulk grant has no form at all.)
        var welcome = string.IsNullOrWhiteSpace(welcomeMessage)
            ? (await settings.CurrentAsync(cancellationToken)).WelcomeMessageFor(contact.PreferredLanguage)
            : welcomeMessage.Trim();
        var content = new InvitationMailContent(
            contact.Email!, contact.Name, contact.PreferredLanguage, token, invitation.ExpiresAt, currentUser.ActorName,
            welcome, setsNewPassword);
        await QueueAsync(content, invitation, now, cancellationToken);
    }

    /// <summary>The reminder for an open invitation: a second link with the first one's end, sent in the company's name.</summary>
    public async Task QueueReminderAsync(Contact contact, Invitation reminder, string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var brand = await settings.CurrentAsync(cancellationToken);
        var content = new InvitationMailContent(
            contact.Email!, contact.Name, contact.PreferredLanguage, token, reminder.ExpiresAt, brand.CompanyName,
            brand.WelcomeMessageFor(contact.PreferredLanguage), SetsNewPassword: false, IsReminder: true);
        await QueueAsync(content, reminder, now, cancellationToken);
    }

    private async Task QueueAsync(InvitationMailContent content, Invitation invitation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mail = await mails.ComposeAsync(content, now, cancellationToken);
        await outbox.AddAsync(mail, cancellationToken);
        invitation.AttachMail(mail.Id);
    }
}
