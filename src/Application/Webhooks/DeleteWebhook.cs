using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;
using Portal.Domain.Webhooks;

namespace Portal.Application.Webhooks;

/// <summary>Removes a webhook with its delivery log; what was still waiting is not sent.</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record DeleteWebhook(int Id) : IStaffRequest, IRequest<Unit>;

public sealed class DeleteWebhookHandler(
    IRepository<Webhook> webhooks,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<DeleteWebhook, Unit>
{
    public async ValueTask<Unit> Handle(DeleteWebhook command, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.GetByIdAsync(command.Id, cancellationToken) ?? throw new NotFoundException("Webhook");
        webhook.Delete(currentUser.ActorName, clock.GetUtcNow());
        await webhooks.DeleteAsync(webhook, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
