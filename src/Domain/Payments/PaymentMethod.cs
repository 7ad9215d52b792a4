using Portal.Domain.Common;

namespace Portal.Domain.Payments;

/// <summary>
/// A SEPA bank account a customer authorised for direct debit. The IBAN is kept only encrypted; pages, logs and
/// exports see the masked form. Which of a contact's accounts is the default is decided by
/// <see cref="ContactPaymentMethods"/>, the one place that sees all of them.
/// </summary>
public sealed class PaymentMethod : AggregateRoot
{
    public const int AccountHolderMaxLength = 70;
    public const int MandateReferenceMaxLength = 35;
    public static readonly IReadOnlyList<string> MandateLanguages = ["en", "de"];

    private PaymentMethod() { }

    public int Id { get; private set; }
    public int ContactId { get; private set; }
    public string AccountHolder { get; private set; } = "";
    /// <summary>The IBAN encrypted by the application (Data Protection); never the plain value.</summary>
    public string ProtectedIban { get; private set; } = "";
    /// <summary>For display, e.g. "DE89 **** **** **** **30 00".</summary>
    public string MaskedIban { get; private set; } = "";
    public string? Bic { get; private set; }
    public string MandateReference { get; private set; } = "";
    /// <summary>When the customer agreed to the SEPA direct-debit mandate text, and in which language it was shown.</summary>
    public DateTimeOffset MandateAgreedAt { get; private set; }
    public string MandateLanguage { get; private set; } = "en";
    public bool IsDefault { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// A bank account the customer has just given a mandate for, now. <paramref name="protectedIban"/> is
    /// <paramref name="iban"/> encrypted by the caller: the entity never holds the plain value.
    /// </summary>
    internal static PaymentMethod Authorise(
        int contactId, string accountHolder, Iban iban, string protectedIban, string? bic, string mandateReference, string mandateLanguage,
        DateTimeOffset now)
    {
        var holder = accountHolder?.Trim() ?? "";
        if (holder.Length == 0 || holder.Length > AccountHolderMaxLength) throw new DomainException(DomainErrors.AccountHolderInvalid);
        ArgumentNullException.ThrowIfNull(iban);
        if (string.IsNullOrEmpty(protectedIban) || protectedIban.Contains(iban.Value, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("The IBAN must be encrypted before it is stored.", nameof(protectedIban));
        var normalizedBic = Payments.Bic.Normalize(bic);
        if (normalizedBic is not null)
        {
            if (!Payments.Bic.IsWellFormed(normalizedBic)) throw new DomainException(DomainErrors.BicInvalid);
            if (!Payments.Bic.MatchesCountryOf(normalizedBic, iban)) throw new DomainException(DomainErrors.BicCountryMismatch);
        }
        if (!Payments.MandateReference.IsWellFormed(mandateReference))
            throw new ArgumentException(
                $"A mandate reference has at most {Payments.MandateReference.MaxLength} SEPA characters.", nameof(mandateReference));
        if (!MandateLanguages.Contains(mandateLanguage))
            throw new ArgumentException("The mandate text exists in English and German only.", nameof(mandateLanguage));

        return new PaymentMethod
        {
            ContactId = contactId,
            AccountHolder = holder,
            ProtectedIban = protectedIban,
            MaskedIban = iban.Masked,
            Bic = normalizedBic,
            MandateReference = mandateReference,
            MandateAgreedAt = now,
            MandateLanguage = mandateLanguage,
            CreatedAt = now,
        };
    }

    internal void MarkDefault() => IsDefault = true;

    internal void ClearDefault() => IsDefault = false;
}
