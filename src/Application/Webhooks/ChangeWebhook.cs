using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Domain.Users;
using Portal.Domain.Webhooks;

namespace Portal.Application.Webhooks;

/// <summary>Changes a webhook's address and events, or switches it off and on; its secret stays.</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record ChangeWebhook(int Id, string? Url, IReadOnlyList<string> Events, bool Enabled) : IStaffRequest, IRequest<Unit>;

public sealed class ChangeWebhookValidator : AbstractValidator<ChangeWebhook>
{
    public ChangeWebhookValidator(IOptions<WebhookOptions> options)
    {
        RuleFor(c => c.Url).WebhookAddress(options.Value.Policy);
        RuleFor(c => c.Events).WebhookEvents();
    }
}

public sealed class ChangeWebhookHandler(
    IRepository<Webhook> webhooks,
    IOptions<WebhookOptions> options,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ChangeWebhook, Unit>
{
    public async ValueTask<Unit> Handle(ChangeWebhook command, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.GetByIdAsync(command.Id, cancellationToken) ?? throw new NotFoundException("Webhook");
        webhook.Change(command.Url ?? "", WebhookEventTypes.Parse(command.Events) ?? WebhookEvents.None, command.Enabled,
            options.Value.Policy, currentUser.ActorName, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
