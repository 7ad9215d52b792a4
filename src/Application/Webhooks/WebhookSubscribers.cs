using Ardalis.Specification;
using Portal.Application.Common;
using Portal.Domain.Webhooks;

namespace Portal.Application.Webhooks;

/// <summary>
/// The enabled webhooks and what they listen to, read once per unit of work: a batch granting thousands of contacts asks for
/// every invitation, and the answer is the same each time.
/// </summary>
public sealed class WebhookSubscribers(IReadRepository<Webhook> webhooks)
{
    private List<WebhookSubscription>? _enabled;

    public async Task<IReadOnlyList<int>> ForAsync(WebhookEvents single, CancellationToken cancellationToken)
    {
        _enabled ??= await webhooks.ListAsync(new EnabledWebhooksSpec(), cancellationToken);
        return _enabled.Where(w => (w.Events & single) == single).Select(w => w.Id).ToList();
    }

    public async Task<bool> AnyForAsync(WebhookEvents single, CancellationToken cancellationToken) =>
        (await ForAsync(single, cancellationToken)).Count > 0;
}

public sealed record WebhookSubscription(int Id, WebhookEvents Events);

public sealed class EnabledWebhooksSpec : Specification<Webhook, WebhookSubscription>
{
    public EnabledWebhooksSpec()
    {
        Query.Where(w => w.Enabled).AsNoTracking();
        Query.Select(w => new WebhookSubscription(w.Id, w.Events));
    }
}
