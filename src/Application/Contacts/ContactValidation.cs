using FluentValidation;
using Portal.Domain.Common;
using Portal.Domain.Contacts;

namespace Portal.Application.Contacts;

/// <summary>The field rules every form that edits contact details shares (back office and My Account).</summary>
public static class ContactValidation
{
    public const string NameRequired = "Please enter a name.";
    public const string TooLong = "This value is too long.";
    public const string EmailInvalid = "Please enter a valid e-mail address.";
    public const string CountryInvalid = "Please choose a country from the list.";
    public const string LanguageInvalid = "Please choose English or German.";
    public const string ReferenceNotPlain = "Please remove line breaks and invisible control characters from the reference.";
    public const string ReferenceTaken = "Another contact already has this external reference.";
    public const string NameNotPlain = "Please remove line breaks and invisible control characters from the name.";

    public static void AddDetailRules<T>(this AbstractValidator<T> validator, Func<T, ContactDetails> details)
    {
        validator.RuleFor(m => details(m).Name).NotEmpty().WithMessage(NameRequired)
            .MaximumLength(Contact.NameMaxLength).WithMessage(TooLong)
            .PlainName().OverridePropertyName("Details.Name");
        validator.RuleFor(m => details(m).Phone).MaximumLength(50).WithMessage(TooLong).OverridePropertyName("Details.Phone");
        validator.RuleFor(m => details(m).Street)
            .MaximumLength(Contact.FieldMaxLength).WithMessage(TooLong).OverridePropertyName("Details.Street");
        validator.RuleFor(m => details(m).PostalCode).MaximumLength(20).WithMessage(TooLong).OverridePropertyName("Details.PostalCode");
        validator.RuleFor(m => details(m).City).MaximumLength(100).WithMessage(TooLong).OverridePropertyName("Details.City");
        validator.RuleFor(m => details(m).VatNumber).MaximumLength(30).WithMessage(TooLong).OverridePropertyName("Details.VatNumber");
        validator.RuleFor(m => details(m).CompanyName)
            .MaximumLength(Contact.FieldMaxLength).WithMessage(TooLong)
            .PlainName().OverridePropertyName("Details.CompanyName");
        validator.RuleFor(m => details(m).CountryCode)
            .Must(code => string.IsNullOrWhiteSpace(code) || Countries.IsKnown(code))
            .WithMessage(CountryInvalid).OverridePropertyName("Details.CountryCode");
        validator.RuleFor(m => details(m).PreferredLanguage)
            .Must(language => ContactDetails.SupportedLanguages.Contains(language))
            .WithMessage(LanguageInvalid).OverridePropertyName("Details.PreferredLanguage");
    }

    /// <summary>A name is one line of visible text (see <see cref="PlainText"/>).</summary>
    public static IRuleBuilderOptions<T, string?> PlainName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(PlainText.IsOneVisibleLine).WithMessage(NameNotPlain);

    public static IRuleBuilderOptions<T, string?> ValidOptionalEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(email => string.IsNullOrWhiteSpace(email) || EmailAddress.IsValid(email)).WithMessage(EmailInvalid);
}
