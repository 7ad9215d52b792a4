using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.CompanyAccounts;
using Portal.Domain.Settings;
using Portal.Domain.Users;

namespace Portal.Application.Settings;

/// <summary>
/// What company administrators may do: invite colleagues (off, on, or with staff approval), edit their company's details,
/// and how many portal users a company may have (none: no cap).
/// </summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record UpdateCompanyAccountSettings(
    ColleagueInvitationMode ColleagueInvitations,
    bool AdministratorsEditDetails,
    int? MaxPortalUsersPerCompany) : IStaffRequest, IRequest<Unit>;

public sealed class UpdateCompanyAccountSettingsValidator : AbstractValidator<UpdateCompanyAccountSettings>
{
    public const string InvitationsChoice = "Please choose whether company administrators may invite colleagues.";
    public const string MaxPortalUsersOutOfRange = "The maximum must be between {0} and {1}, or empty for no cap.";

    public UpdateCompanyAccountSettingsValidator()
    {
        RuleFor(c => c.ColleagueInvitations).IsInEnum().WithMessage(InvitationsChoice);
        RuleFor(c => c.MaxPortalUsersPerCompany).InclusiveBetween(1, PortalSettings.MaxPortalUsersCap)
            .When(c => c.MaxPortalUsersPerCompany is not null)
            .WithMessage(MaxPortalUsersOutOfRange, 1, PortalSettings.MaxPortalUsersCap);
    }
}

public sealed class UpdateCompanyAccountSettingsHandler(SettingsChanges changes) : IRequestHandler<UpdateCompanyAccountSettings, Unit>
{
    public async ValueTask<Unit> Handle(UpdateCompanyAccountSettings command, CancellationToken cancellationToken)
    {
        await changes.ApplyAsync((settings, now, actor) => settings.ChangeCompanyAccounts(
            command.ColleagueInvitations, command.AdministratorsEditDetails, command.MaxPortalUsersPerCompany, now, actor),
            cancellationToken);
        return Unit.Value;
    }
}
