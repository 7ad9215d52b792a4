using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Settings;
using Portal.Domain.Users;

namespace Portal.Application.Settings;

/// <summary>The company's name, colour and contact details, as the layout and every e-mail show them.</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record UpdateBranding(
    string? CompanyName,
    string? PrimaryColour,
    string? SupportEmail,
    string? SupportPhone,
    string? ImprintUrl,
    string? PrivacyUrl) : IStaffRequest, IRequest<Unit>;

public sealed class UpdateBrandingValidator : AbstractValidator<UpdateBranding>
{
    public const string CompanyNameRequired = "Enter the company name.";
    public const string CompanyNameTooLong = "The company name must be at most {0} characters long.";
    public const string ColourFormat = "Enter the colour as #rrggbb, for example #0b5ed7.";
    public const string ColourTooLight = "White text on this colour would be hard to read. Choose a darker colour.";
    public const string EmailInvalid = "Enter a valid e-mail address.";
    public const string PhoneTooLong = "The phone number must be at most {0} characters long.";
    public const string WebAddressInvalid = "Enter a full web address starting with https://.";

    public UpdateBrandingValidator()
    {
        RuleFor(c => c.CompanyName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(CompanyNameRequired)
            .Must(name => name!.Trim().Length <= PortalSettings.CompanyNameMaxLength)
            .WithMessage(CompanyNameTooLong, PortalSettings.CompanyNameMaxLength)
            .Must(PlainText.IsOneVisibleLine).WithMessage(ContactValidation.NameNotPlain);
        RuleFor(c => c.PrimaryColour).Cascade(CascadeMode.Stop)
            .Must(colour => BrandColour.IsHex(colour?.Trim().ToLowerInvariant())).WithMessage(ColourFormat)
            .Must(colour => BrandColour.IsReadableOnWhite(colour!.Trim().ToLowerInvariant())).WithMessage(ColourTooLight);
        RuleFor(c => c.SupportEmail)
            .Must(email => string.IsNullOrWhiteSpace(email) || EmailAddress.IsValid(email.Trim())).WithMessage(EmailInvalid);
        RuleFor(c => c.SupportPhone)
            .Must(phone => phone is null || phone.Trim().Length <= PortalSettings.PhoneMaxLength)
            .WithMessage(PhoneTooLong, PortalSettings.PhoneMaxLength);
        RuleFor(c => c.ImprintUrl).Must(IsWebAddressOrEmpty).WithMessage(WebAddressInvalid);
        RuleFor(c => c.PrivacyUrl).Must(IsWebAddressOrEmpty).WithMessage(WebAddressInvalid);
    }

    private static bool IsWebAddressOrEmpty(string? value) =>
        string.IsNullOrWhiteSpace(value) || PortalSettings.IsWebAddress(value.Trim());
}

public sealed class UpdateBrandingHandler(SettingsChanges changes) : IRequestHandler<UpdateBranding, Unit>
{
    public async ValueTask<Unit> Handle(UpdateBranding command, CancellationToken cancellationToken)
    {
        await changes.ApplyAsync((settings, now, actor) => settings.ChangeBranding(
            command.CompanyName!, command.PrimaryColour!, command.SupportEmail, command.SupportPhone,
            command.ImprintUrl, command.PrivacyUrl, now, actor), cancellationToken);
        return Unit.Value;
    }
}
