using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;
using Portal.Domain.Webhooks;

namespace Portal.Application.Webhooks;

/// <summary>Queues a <c>ping</c> event to the webhook, signed and retried like any other, so a receiver can be tried out.</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record SendWebhookTestEvent(int Id) : IStaffRequest, IRequest<Unit>;

public sealed class SendWebhookTestEventHandler(IRepository<Webhook> webhooks, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<SendWebhookTestEvent, Unit>
{
    public async ValueTask<Unit> Handle(SendWebhookTestEvent command, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.GetByIdAsync(command.Id, cancellationToken) ?? throw new NotFoundException("Webhook");
        webhook.SendTestEvent(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
