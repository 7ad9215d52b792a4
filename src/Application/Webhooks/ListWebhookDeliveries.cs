using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;
using Portal.Domain.Webhooks;

namespace Portal.Application.Webhooks;

/// <summary>A webhook's delivery log, newest first: what was sent, how the receiver answered, and what is still tried.</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record ListWebhookDeliveries(int WebhookId, PageRequest? Paging = null) : IStaffRequest, IRequest<WebhookDeliveryLog>
{
    public const int PageSize = 50;
}

public sealed record WebhookDeliveryLog(WebhookView Webhook, KeysetPage<WebhookDeliveryItem> Deliveries);

public sealed record WebhookDeliveryItem(
    Guid Id,
    Guid EventId,
    string EventType,
    DateTimeOffset CreatedAt,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset NextAttemptAt,
    int? ResponseStatusCode,
    string? LastError);

public sealed class ListWebhookDeliveriesHandler(
    IReadRepository<Webhook> webhooks,
    IRecordReader<WebhookDelivery> deliveries,
    IListCounter counter) : IRequestHandler<ListWebhookDeliveries, WebhookDeliveryLog>
{
    public async ValueTask<WebhookDeliveryLog> Handle(ListWebhookDeliveries query, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.FirstOrDefaultAsync(new WebhookViewSpec(query.WebhookId), cancellationToken)
            ?? throw new NotFoundException("Webhook");
        var page = await deliveries.KeysetPageAsync(WebhookDeliveryPageSpec.Order, query.Paging ?? PageRequest.First,
            ListWebhookDeliveries.PageSize, position => new WebhookDeliveryPageSpec(query.WebhookId, position), counter, filtered: true,
            cancellationToken);
        return new WebhookDeliveryLog(webhook, page);
    }
}

/// <summary>Newest first, served by the (WebhookId, CreatedAt, Id) index.</summary>
public sealed class WebhookDeliveryPageSpec : Specification<WebhookDelivery, WebhookDeliveryItem>
{
    public static KeysetOrder<WebhookDelivery, WebhookDeliveryItem> Order { get; } =
        new KeysetOrder<WebhookDelivery, WebhookDeliveryItem>("webhook-deliveries", descending: true)
            .By(d => d.CreatedAt, d => d.CreatedAt).By(d => d.Id, d => d.Id);

    public WebhookDeliveryPageSpec(int webhookId, KeysetPosition position)
    {
        Query.Where(d => d.WebhookId == webhookId);
        Order.Apply(Query, position, ListWebhookDeliveries.PageSize + 1);
        Query.AsNoTracking();
        Query.Select(d => new WebhookDeliveryItem(d.Id, d.EventId, d.EventType, d.CreatedAt, d.Status, d.Attempts, d.LastAttemptAt,
            d.NextAttemptAt, d.ResponseStatusCode, d.LastError));
    }
}
