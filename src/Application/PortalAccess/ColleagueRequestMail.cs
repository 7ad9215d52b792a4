using Mediator;
using Portal.Application.Common;
using Portal.Domain.CompanyAccounts;
using Portal.Domain.Mail;

namespace Portal.Application.PortalAccess;

/// <summary>What the requester reads about staff's decision on their request for a colleague's access.</summary>
public sealed record ColleagueRequestMailContent(
    string ToAddress,
    string ToName,
    string Language,
    string ColleagueName,
    string ColleagueEmail,
    bool Approved,
    string? Reason);

public interface IColleagueRequestMailComposer
{
    /// <summary>Renders the mail in the requester's language with the portal settings' current branding.</summary>
    ValueTask<OutboxMessage> ComposeAsync(ColleagueRequestMailContent content, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Tells the requester the decision, in the same transaction as the decision itself.</summary>
public sealed class SendColleagueRequestDecision(
    IRecordWriter<OutboxMessage> outbox,
    IColleagueRequestMailComposer mails,
    TimeProvider clock) : INotificationHandler<ColleagueRequestDecided>
{
    public async ValueTask Handle(ColleagueRequestDecided notification, CancellationToken cancellationToken)
    {
        var request = notification.Request;
        var content = new ColleagueRequestMailContent(request.RequesterEmail, request.RequesterName, request.RequesterLanguage,
            request.Name, request.Email, notification.Approved, request.RefusalReason);
        outbox.Append(await mails.ComposeAsync(content, clock.GetUtcNow(), cancellationToken));
    }
}
