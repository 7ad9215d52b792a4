using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Settings;
using Portal.Domain.Users;

namespace Portal.Application.Settings;

/// <summary>Two-factor requirements for customers and for staff, the shortest password allowed, and when an idle session ends.</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record UpdateSecuritySettings(
    bool RequirePortalTwoFactor,
    StaffTwoFactorRequirement RequireStaffTwoFactor,
    int PasswordMinLength,
    int SessionIdleTimeoutMinutes) : IStaffRequest, IRequest<Unit>;

public sealed class UpdateSecuritySettingsValidator : AbstractValidator<UpdateSecuritySettings>
{
    public const string PasswordLengthOutOfRange = "The minimum password length must be between {0} and {1} characters.";
    public const string StaffTwoFactorChoice = "Please choose who of the staff must use two-factor authentication.";
    public const string IdleTimeoutOutOfRange = "The idle timeout must be between {0} and {1} minutes.";

    public UpdateSecuritySettingsValidator()
    {
        RuleFor(c => c.RequireStaffTwoFactor).IsInEnum().WithMessage(StaffTwoFactorChoice);
        RuleFor(c => c.PasswordMinLength)
            .InclusiveBetween(PortalSettings.MinPasswordLength, PortalSettings.MaxPasswordLength)
            .WithMessage(PasswordLengthOutOfRange, PortalSettings.MinPasswordLength, PortalSettings.MaxPasswordLength);
        RuleFor(c => c.SessionIdleTimeoutMinutes)
            .InclusiveBetween(PortalSettings.MinIdleTimeoutMinutes, PortalSettings.MaxIdleTimeoutMinutes)
            .WithMessage(IdleTimeoutOutOfRange, PortalSettings.MinIdleTimeoutMinutes, PortalSettings.MaxIdleTimeoutMinutes);
    }
}

public sealed class UpdateSecuritySettingsHandler(SettingsChanges changes) : IRequestHandler<UpdateSecuritySettings, Unit>
{
    public async ValueTask<Unit> Handle(UpdateSecuritySettings command, CancellationToken cancellationToken)
    {
        await changes.ApplyAsync((settings, now, actor) => settings.ChangeSecurity(
            command.RequirePortalTwoFactor, command.RequireStaffTwoFactor, command.PasswordMinLength, command.SessionIdleTimeoutMinutes,
            now, actor), cancellationToken);
        return Unit.Value;
    }
}
