using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Mail;
using Portal.Domain.Users;

namespace Portal.Application.Mail;

/// <summary>The back office's view of outgoing mail: what is waiting, what went out, what failed and why.</summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ListOutbox(OutboxStatus? Status = null, int Page = 1) : IRequest<PagedList<OutboxItem>>
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
    DateTimeOffset? SentAt,
    string? LastError);

public sealed class ListOutboxHandler(IRecordReader<OutboxMessage> outbox) : IRequestHandler<ListOutbox, PagedList<OutboxItem>>
{
    public async ValueTask<PagedList<OutboxItem>> Handle(ListOutbox query, CancellationToken cancellationToken)
    {
        return await outbox.PageAsync(page => new OutboxPageSpec(query.Status, page), query.Page, ListOutbox.PageSize, cancellationToken);
    }
}

public sealed class OutboxPageSpec : Specification<OutboxMessage, OutboxItem>
{
    public OutboxPageSpec(OutboxStatus? status, int page)
    {
        if (status is { } wanted) Query.Where(m => m.Status == wanted);
        Query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * ListOutbox.PageSize).Take(ListOutbox.PageSize)
            .AsNoTracking();
        Query.Select(m => new OutboxItem(m.Id, m.ToAddress, m.Subject, m.CreatedAt, m.Status, m.Attempts, m.SentAt, m.LastError));
    }
}
