using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.Settings;

/// <summary>Which parts of My Account customers see; a hidden part is unreachable as well.</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record UpdateMyAccountSections(bool Details, bool PaymentMethods, bool Documents, bool Pages) : IStaffRequest, IRequest<Unit>;

public sealed class UpdateMyAccountSectionsHandler(SettingsChanges changes) : IRequestHandler<UpdateMyAccountSections, Unit>
{
    public async ValueTask<Unit> Handle(UpdateMyAccountSections command, CancellationToken cancellationToken)
    {
        await changes.ApplyAsync((settings, now, actor) => settings.ChangeSections(
            command.Details, command.PaymentMethods, command.Documents, command.Pages, now, actor), cancellationToken);
        return Unit.Value;
    }
}
