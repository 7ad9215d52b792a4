using Mediator;
using Portal.Application.Common;
using Portal.Domain.Mail;
using Portal.Domain.Users;

namespace Portal.Application.Mail;

/// <summary>Sends waiting or failed mail at once instead of after its backoff, e.g. once the mail server works again.</summary>
[RequiresPermission(StaffPermission.ManageMail)]
public sealed record RetryMail(Guid Id) : IStaffRequest, IRequest<Unit>;

/// <summary>
/// Changes only the outbox row's status and due time; committing it wakes the dispatcher, as new mail does.
/// </summary>
public sealed class RetryMailHandler(IRecordReader<OutboxMessage> outbox, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<RetryMail, Unit>
{
    public async ValueTask<Unit> Handle(RetryMail command, CancellationToken cancellationToken)
    {
        var message = await outbox.GetByIdAsync(command.Id, cancellationToken) ?? throw new NotFoundException("E-mail");
        message.RetryNow(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
