using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;
using Portal.Domain.Webhooks;

namespace Portal.Application.Webhooks;

/// <summary>Every webhook, oldest first.</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record ListWebhooks : IStaffRequest, IRequest<IReadOnlyList<WebhookView>>;

public sealed class ListWebhooksHandler(IReadRepository<Webhook> webhooks) : IRequestHandler<ListWebhooks, IReadOnlyList<WebhookView>>
{
    public async ValueTask<IReadOnlyList<WebhookView>> Handle(ListWebhooks query, CancellationToken cancellationToken) =>
        await webhooks.ListAsync(new WebhookListSpec(), cancellationToken);
}

public sealed class WebhookListSpec : Specification<Webhook, WebhookView>
{
    public WebhookListSpec()
    {
        Query.OrderBy(w => w.Id).AsNoTracking();
        Query.Select(w => new WebhookView(w.Id, w.Url, w.Events, w.Enabled, w.CreatedAt, w.UpdatedAt));
    }
}
