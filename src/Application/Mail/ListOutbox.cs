using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Mail;
using Portal.Domain.Users;

namespace Portal.Application.Mail;

/// <summary>The back office's view of outgoing mail: what is waiting, what went out, what failed and why.</summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ListOutbox(OutboxStatus? Status = null, PageRequest? Paging = null) : IStaffRequest, IRequest<KeysetPage<OutboxItem>>
{
    public const int PageSize = 50;
}

public sealed record OutboxItem(
    Guid Id,
    string ToAddress,
    string Subject,
    DateTimeOffset CreatedAt,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt,
    string? LastError);

public sealed class ListOutboxHandler(IRecordReader<OutboxMessage> outbox, IListCounter counter)
    : IRequestHandler<ListOutbox, KeysetPage<OutboxItem>>
{
    public async ValueTask<KeysetPage<OutboxItem>> Handle(ListOutbox query, CancellationToken cancellationToken)
    {
        return await outbox.KeysetPageAsync(OutboxPageSpec.Order, query.Paging ?? PageRequest.First, ListOutbox.PageSize,
            position => new OutboxPageSpec(query.Status, position), counter, query.Status is not null, cancellationToken);
    }
}

/// <summary>Newest first; with a status filter the (Status, CreatedAt, Id) index serves the order.</summary>
public sealed class OutboxPageSpec : Specification<OutboxMessage, OutboxItem>
{
    public static KeysetOrder<OutboxMessage, OutboxItem> Order { get; } =
        new KeysetOrder<OutboxMessage, OutboxItem>("emails", descending: true).By(m => m.CreatedAt, m => m.CreatedAt).By(m => m.Id, m => m.Id);

    public OutboxPageSpec(OutboxStatus? status, KeysetPosition position)
    {
        if (status is { } wanted) Query.Where(m => m.Status == wanted);
        Order.Apply(Query, position, ListOutbox.PageSize + 1);
        Query.AsNoTracking();
        Query.Select(m => new OutboxItem(
            m.Id, m.ToAddress, m.Subject, m.CreatedAt, m.Status, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError));
    }
}
