using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;
using Portal.Domain.Webhooks;

namespace Portal.Application.Webhooks;

/// <summary>
/// The webhook's signing secret in plain text, for setting up the receiver: administrators only, and only on their explicit
/// request (a button, never in a page's ordinary view or a log).
/// </summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record RevealWebhookSecret(int Id) : IStaffRequest, IRequest<string>;

public sealed class RevealWebhookSecretHandler(IReadRepository<Webhook> webhooks, IWebhookSecrets secrets)
    : IRequestHandler<RevealWebhookSecret, string>
{
    public async ValueTask<string> Handle(RevealWebhookSecret query, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.GetByIdAsync(query.Id, cancellationToken) ?? throw new NotFoundException("Webhook");
        return secrets.Reveal(webhook.ProtectedSecret);
    }
}
