using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Users;
using Portal.Domain.Webhooks;

namespace Portal.Application.Webhooks;

/// <summary>Adds a webhook: its address, the events it hears of, and a new signing secret; it is enabled at once.</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record CreateWebhook(string? Url, IReadOnlyList<string> Events) : IStaffRequest, IRequest<int>;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhook>
{
    public CreateWebhookValidator(IOptions<WebhookOptions> options)
    {
        RuleFor(c => c.Url).WebhookAddress(options.Value.Policy);
        RuleFor(c => c.Events).WebhookEvents();
    }
}

public sealed class CreateWebhookHandler(
    IRepository<Webhook> webhooks,
    IWebhookSecrets secrets,
    IOptions<WebhookOptions> options,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<CreateWebhook, int>
{
    public async ValueTask<int> Handle(CreateWebhook command, CancellationToken cancellationToken)
    {
        var webhook = Webhook.Create(command.Url ?? "", WebhookEventTypes.Parse(command.Events) ?? WebhookEvents.None,
            secrets.CreateProtected(), options.Value.Policy, currentUser.ActorName, clock.GetUtcNow());
        await webhooks.AddAsync(webhook, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return webhook.Id;
    }
}

/// <summary>The rules a webhook's form shares between creating and changing it, with the domain's messages.</summary>
public static class WebhookRules
{
    public static IRuleBuilderOptionsConditions<T, string?> WebhookAddress<T>(this IRuleBuilder<T, string?> rule, WebhookAddressPolicy policy) =>
        rule.Custom((url, context) =>
        {
            if (Domain.Webhooks.WebhookAddress.Problem(url, policy) is { } problem)
                context.AddFailure(new ValidationFailure(context.PropertyPath, problem.Message) { CustomState = problem.Arguments });
        });

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> WebhookEvents<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.Must(events => WebhookEventTypes.Parse(events) is { } parsed && parsed != Domain.Webhooks.WebhookEvents.None)
            .WithMessage(DomainErrors.WebhookNeedsEvents.Message);
}
