using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.Contacts;

/// <summary>The back office's start page: how many contacts, how many with access, and whether mail is flowing.</summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record GetBackOfficeOverview : IRequest<BackOfficeOverview>;

public sealed record BackOfficeOverview(int Contacts, int Invited, int Active, int PendingMails, int FailedMails);

public sealed class GetBackOfficeOverviewHandler(IReadRepository<Contact> contacts, IRecordReader<OutboxMessage> outbox)
    : IRequestHandler<GetBackOfficeOverview, BackOfficeOverview>
{
    public async ValueTask<BackOfficeOverview> Handle(GetBackOfficeOverview query, CancellationToken cancellationToken) => new(
        await contacts.CountAsync(cancellationToken),
        await contacts.CountAsync(new ContactsWithAccessStateSpec(PortalAccessState.Invited), cancellationToken),
        await contacts.CountAsync(new ContactsWithAccessStateSpec(PortalAccessState.Active), cancellationToken),
        await outbox.CountAsync(new OutboxWithStatusSpec(OutboxStatus.Pending), cancellationToken),
        await outbox.CountAsync(new OutboxWithStatusSpec(OutboxStatus.Failed), cancellationToken));
}

public sealed class ContactsWithAccessStateSpec : Specification<Contact>
{
    public ContactsWithAccessStateSpec(PortalAccessState state) => Query.Where(c => c.PortalUser!.State == state);
}

public sealed class OutboxWithStatusSpec : Specification<OutboxMessage>
{
    public OutboxWithStatusSpec(OutboxStatus status) => Query.Where(m => m.Status == status);
}
