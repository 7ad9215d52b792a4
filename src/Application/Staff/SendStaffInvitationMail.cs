using Mediator;
using Portal.Application.Common;
using Portal.Domain.Mail;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>Puts a colleague's invitation mail into the outbox with the move that issued the link.</summary>
public sealed class SendStaffInvitationMail(IRecordWriter<OutboxMessage> outbox, IStaffInvitationMailComposer mails, TimeProvider clock)
    : INotificationHandler<StaffInvitationIssued>
{
    public async ValueTask Handle(StaffInvitationIssued notification, CancellationToken cancellationToken)
    {
        var staff = notification.Staff;
        var content = new StaffInvitationMailContent(
            staff.Login, staff.DisplayName, notification.Language, notification.Token, notification.ExpiresAt, notification.InvitedBy, staff.Role);
        outbox.Append(await mails.ComposeAsync(content, clock.GetUtcNow(), cancellationToken));
    }
}
