using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;
using Portal.Domain.Webhooks;

namespace Portal.Application.Webhooks;

/// <summary>One webhook as its page shows it, without its secret.</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record GetWebhook(int Id) : IStaffRequest, IRequest<WebhookView>;

public sealed record WebhookView(int Id, string Url, WebhookEvents Events, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed class GetWebhookHandler(IReadRepository<Webhook> webhooks) : IRequestHandler<GetWebhook, WebhookView>
{
    public async ValueTask<WebhookView> Handle(GetWebhook query, CancellationToken cancellationToken) =>
        await webhooks.FirstOrDefaultAsync(new WebhookViewSpec(query.Id), cancellationToken) ?? throw new NotFoundException("Webhook");
}

public sealed class WebhookViewSpec : Specification<Webhook, WebhookView>, ISingleResultSpecification<Webhook, WebhookView>
{
    public WebhookViewSpec(int id)
    {
        Query.Where(w => w.Id == id).AsNoTracking();
        Query.Select(w => new WebhookView(w.Id, w.Url, w.Events, w.Enabled, w.CreatedAt, w.UpdatedAt));
    }
}
