using FluentValidation;
using Mediator;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Application.MySecurity;
using Portal.Application.Settings;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;

namespace Portal.Application.Payments;

/// <summary>
/// The signed-in customer adds a SEPA bank account and gives the direct-debit mandate shown in
/// <paramref name="MandateLanguage"/>. The IBAN is stored encrypted; everything after this sees it masked.
/// </summary>
public sealed record AddMyPaymentMethod(string? AccountHolder, string? Iban, string? Bic, bool AgreesToMandate, string MandateLanguage)
    : IRequest<PaymentMethodItem>
{
    /// <remarks>The IBAN never appears in a log line, even when the mediator or a logger prints the message.</remarks>
    public override string ToString() =>
        $"{nameof(AddMyPaymentMethod)} {{ Iban = {(Domain.Payments.Iban.TryParse(Iban, out var iban) ? iban.Masked : "(invalid)")} }}";
}

public sealed class AddMyPaymentMethodValidator : AbstractValidator<AddMyPaymentMethod>
{
    public const string AccountHolderRequired = "Please enter the account holder's name.";
    public const string AccountHolderTooLong = "The account holder's name can have at most {0} characters.";
    public const string IbanRequired = "Please enter the IBAN.";
    public const string IbanIsCardNumber =
        "Card numbers are not accepted. Please enter the IBAN of your bank account; it starts with a country code such as DE.";
    public const string IbanInvalidCharacters =
        "An IBAN starts with a two-letter country code and two check digits, followed by letters and digits only.";
    public const string IbanUnknownCountry = "This IBAN starts with a country code that doesn't use IBANs.";
    public const string IbanWrongLength = "This IBAN has the wrong number of characters for its country. Please check it.";
    public const string IbanWrongCheckDigits = "The check digits of this IBAN don't match. Please check it for a typing error.";
    public const string MandateRequired = "Please agree to the SEPA Direct Debit mandate to save the bank account.";
    public const string MandateLanguageUnknown = "The mandate text exists in English and German only.";

    /// <summary>Generous for spaces and a pasted "IBAN " prefix; anything longer is no IBAN and is not examined further.</summary>
    private const int MaxIbanInputLength = 64;

    public AddMyPaymentMethodValidator()
    {
        RuleFor(c => c.AccountHolder).Must(h => !string.IsNullOrWhiteSpace(h)).WithMessage(AccountHolderRequired)
            .Must(h => (h?.Trim().Length ?? 0) <= PaymentMethod.AccountHolderMaxLength)
            .WithMessage(AccountHolderTooLong, PaymentMethod.AccountHolderMaxLength)
            .Must(PlainText.IsOneVisibleLine).WithMessage(ContactValidation.NameNotPlain);
        RuleFor(c => c.Iban).Custom((value, context) =>
        {
            var problem = value is { Length: > MaxIbanInputLength } ? IbanProblem.InvalidCharacters : Domain.Payments.Iban.Check(value);
            if (MessageFor(problem) is { } message) context.AddFailure(message);
        });
        RuleFor(c => c.Bic).Custom((value, context) =>
        {
            var bic = Domain.Payments.Bic.Normalize(value);
            if (bic is null) return;
            if (!Domain.Payments.Bic.IsWellFormed(bic))
                context.AddFailure(DomainErrors.BicInvalid.Message);
            else if (Domain.Payments.Iban.TryParse(context.InstanceToValidate.Iban, out var iban)
                && !Domain.Payments.Bic.MatchesCountryOf(bic, iban))
                context.AddFailure(DomainErrors.BicCountryMismatch.Message);
        });
        RuleFor(c => c.AgreesToMandate).Equal(true).WithMessage(MandateRequired);
        RuleFor(c => c.MandateLanguage).Must(l => PaymentMethod.MandateLanguages.Contains(l)).WithMessage(MandateLanguageUnknown);
    }

    public static string? MessageFor(IbanProblem problem) => problem switch
    {
        IbanProblem.None => null,
        IbanProblem.Missing => IbanRequired,
        IbanProblem.LooksLikeCardNumber => IbanIsCardNumber,
        IbanProblem.UnknownCountry => IbanUnknownCountry,
        IbanProblem.WrongLength => IbanWrongLength,
        IbanProblem.WrongCheckDigits => IbanWrongCheckDigits,
        _ => IbanInvalidCharacters,
    };
}

public sealed class AddMyPaymentMethodHandler(
    IRepository<PortalUser> users,
    IRepository<PaymentMethod> methods,
    IIbanProtector protector,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    IPortalSettings settings,
    TimeProvider clock) : IRequestHandler<AddMyPaymentMethod, PaymentMethodItem>
{
    public async ValueTask<PaymentMethodItem> Handle(AddMyPaymentMethod command, CancellationToken cancellationToken)
    {
        var mine = await methods.MineAsync(users, currentUser, cancellationToken);
        var iban = Iban.Parse(command.Iban);
        // The stored IBANs are encrypted with a random IV, so equality is only visible after decrypting the few with the same mask.
        if (mine.WithSameMaskAs(iban).Any(m => protector.Unprotect(m.ProtectedIban).Equals(iban)))
            throw new DomainException(DomainErrors.BankAccountAlreadySaved);

        // The mandate text the customer just agreed to named the creditor identifier in the settings: it is part of the evidence.
        var creditor = (await settings.CurrentAsync(cancellationToken)).CreditorIdentifier;
        var method = mine.Add(command.AccountHolder ?? "", iban, protector.Protect(iban), command.Bic, MandateReference.New(),
            command.MandateLanguage, clock.GetUtcNow(), creditor);
        await methods.AddAsync(method, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new PaymentMethodItem(method.Id, method.AccountHolder, method.MaskedIban, method.Bic, method.MandateReference,
            method.MandateAgreedAt, method.MandateLanguage, method.IsDefault, method.CreatedAt, method.RemovedAt, method.CreditorIdentifier);
    }
}
