using Mediator;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;

namespace Portal.Application.PortalAccess;

/// <summary>
/// Puts an invitation's mail into the outbox with the move that issued the link, and links the two so the back office
/// can show whether the link was delivered.
/// </summary>
public sealed class SendInvitationMail(
    IRecordWriter<OutboxMessage> outbox,
    IInvitationMailComposer mails,
    IPortalSettings settings,
    TimeProvider clock)
    : INotificationHandler<InvitationIssued>, INotificationHandler<InvitationReminderIssued>
{
    public async ValueTask Handle(InvitationIssued notification, CancellationToken cancellationToken)
    {
        var contact = notification.User.Contact;
        // The admin's own words win; left empty, the business's default welcome in the contact's language is used.
        // (Decided here rather than pre-filled in the wizard: one wizard may hold contacts of both languages, and a
        // bulk grant has no form at all.)
        var welcome = string.IsNullOrWhiteSpace(notification.WelcomeMessage)
            ? (await settings.CurrentAsync(cancellationToken)).WelcomeMessageFor(contact.PreferredLanguage)
            : notification.WelcomeMessage.Trim();
        var content = new InvitationMailContent(
            contact.Email!, contact.Name, contact.PreferredLanguage, notification.Token, notification.Invitation.ExpiresAt,
            notification.IssuedBy, welcome, notification.SetsNewPassword);
        await QueueAsync(content, notification.Invitation, cancellationToken);
    }

    /// <summary>The reminder for an open invitation: a second link with the first one's end, sent in the company's name.</summary>
    public async ValueTask Handle(InvitationReminderIssued notification, CancellationToken cancellationToken)
    {
        var contact = notification.User.Contact;
        var brand = await settings.CurrentAsync(cancellationToken);
        var content = new InvitationMailContent(
            contact.Email!, contact.Name, contact.PreferredLanguage, notification.Token, notification.Reminder.ExpiresAt, brand.CompanyName,
            brand.WelcomeMessageFor(contact.PreferredLanguage), SetsNewPassword: false, IsReminder: true);
        await QueueAsync(content, notification.Reminder, cancellationToken);
    }

    private async Task QueueAsync(InvitationMailContent content, Invitation invitation, CancellationToken cancellationToken)
    {
        var mail = await mails.ComposeAsync(content, clock.GetUtcNow(), cancellationToken);
        outbox.Append(mail);
        invitation.AttachMail(mail.Id);
    }
}
