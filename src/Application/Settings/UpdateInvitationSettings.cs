using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Settings;
using Portal.Domain.Users;

namespace Portal.Application.Settings;

public enum ValidityUnit
{
    Hours = 1,
    Days = 2,
}

/// <summary>
/// How long invitation links work, the default welcome message per language, whether reminders go out (halfway, and a last
/// one <see cref="FinalReminderHoursBeforeExpiry"/> hours before the link ends), and whether a customer holding an expired
/// link may have a new one sent.
/// </summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record UpdateInvitationSettings(
    int Validity,
    ValidityUnit Unit,
    string? WelcomeMessageEnglish,
    string? WelcomeMessageGerman,
    bool SendReminders,
    int? FinalReminderHoursBeforeExpiry = null,
    bool CustomersRequestNewLinks = true) : IStaffRequest, IRequest<Mediator.Unit>
{
    public int ValidityHours => Unit == ValidityUnit.Days ? Validity * 24 : Validity;
}

public sealed class UpdateInvitationSettingsValidator : AbstractValidator<UpdateInvitationSettings>
{
    public const string ValidityOutOfRange = "Invitation links must work for at least {0} hour and at most {1} days.";
    public const string UnitInvalid = "Choose hours or days.";
    public const string WelcomeMessageTooLong = "The welcome message must be at most {0} characters long.";
    public const string FinalReminderOutOfRange = "The last reminder must go out between {0} hour and {1} days before the link ends.";

    public UpdateInvitationSettingsValidator()
    {
        RuleFor(c => c.Unit).IsInEnum().WithMessage(UnitInvalid);
        RuleFor(c => c.Validity)
            .Must((command, _) => command.Validity is > 0 and <= PortalSettings.MaxInvitationValidityHours
                && command.ValidityHours is >= PortalSettings.MinInvitationValidityHours and <= PortalSettings.MaxInvitationValidityHours)
            .WithMessage(ValidityOutOfRange, PortalSettings.MinInvitationValidityHours, PortalSettings.MaxInvitationValidityDays);
        RuleFor(c => c.FinalReminderHoursBeforeExpiry)
            .InclusiveBetween(PortalSettings.MinInvitationValidityHours, PortalSettings.MaxInvitationValidityHours)
            .WithMessage(FinalReminderOutOfRange, PortalSettings.MinInvitationValidityHours, PortalSettings.MaxInvitationValidityDays);
        RuleFor(c => c.WelcomeMessageEnglish).Must(FitsWelcome).WithMessage(WelcomeMessageTooLong, PortalSettings.WelcomeMessageMaxLength);
        RuleFor(c => c.WelcomeMessageGerman).Must(FitsWelcome).WithMessage(WelcomeMessageTooLong, PortalSettings.WelcomeMessageMaxLength);
    }

    private static bool FitsWelcome(string? message) => message is null || message.Trim().Length <= PortalSettings.WelcomeMessageMaxLength;
}

public sealed class UpdateInvitationSettingsHandler(SettingsChanges changes) : IRequestHandler<UpdateInvitationSettings, Mediator.Unit>
{
    public async ValueTask<Mediator.Unit> Handle(UpdateInvitationSettings command, CancellationToken cancellationToken)
    {
        await changes.ApplyAsync((settings, now, actor) => settings.ChangeInvitations(
            command.ValidityHours, command.WelcomeMessageEnglish, command.WelcomeMessageGerman, command.SendReminders,
            command.FinalReminderHoursBeforeExpiry, command.CustomersRequestNewLinks, now, actor),
            cancellationToken);
        return Mediator.Unit.Value;
    }
}
