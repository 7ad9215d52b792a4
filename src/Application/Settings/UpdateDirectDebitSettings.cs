using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Domain.Users;

namespace Portal.Application.Settings;

/// <summary>The SEPA creditor identifier (Gläubiger-ID) that the mandate text and the bank-account mails name; empty clears it.</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record UpdateDirectDebitSettings(string? CreditorIdentifier) : IStaffRequest, IRequest<Unit>;

public sealed class UpdateDirectDebitSettingsValidator : AbstractValidator<UpdateDirectDebitSettings>
{
    public UpdateDirectDebitSettingsValidator() =>
        RuleFor(c => c.CreditorIdentifier)
            .Must(input => CreditorIdentifier.Normalize(input) is not { } id || CreditorIdentifier.IsValid(id))
            .WithMessage(DomainErrors.CreditorIdentifierInvalid.Message);
}

public sealed class UpdateDirectDebitSettingsHandler(SettingsChanges changes) : IRequestHandler<UpdateDirectDebitSettings, Unit>
{
    public async ValueTask<Unit> Handle(UpdateDirectDebitSettings command, CancellationToken cancellationToken)
    {
        await changes.ApplyAsync((settings, now, actor) => settings.ChangeDirectDebit(command.CreditorIdentifier, now, actor),
            cancellationToken);
        return Unit.Value;
    }
}
