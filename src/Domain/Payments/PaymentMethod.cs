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
    /// <summary>The creditor identifier the mandate text named when the customer agreed to it (null while none was set).</summary>
    public string? CreditorIdentifier { get; private set; }
    public bool IsDefault { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>
    /// When the customer removed the account. The mandate stays on record for <see cref="KeepMandateEvidenceMonths"/> as evidence
    /// (a debit can be disputed for 13 months after it was taken), hidden from the customer, and is then deleted.
    /// </summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    public const int KeepMandateEvidenceMonths = 14;

    public bool IsRemoved => RemovedAt is not null;

    /// <summary>The moment before which removed accounts are deleted, at <paramref name="now"/>.</summary>
    public static DateTimeOffset EvidenceCutoff(DateTimeOffset now) => now.AddMonths(-KeepMandateEvidenceMonths);

    /// <summary>
    /// A bank account the customer has just given a mandate for, now. <paramref name="protectedIban"/> is
    /// <paramref name="iban"/> encrypted by the caller: the entity never holds the plain value.
    /// </summary>
    internal static PaymentMethod Authorise(
        int contactId, string accountHolder, Iban iban, string protectedIban, string? bic, string mandateReference, string mandateLanguage,
        DateTimeOffset now, string? creditorIdentifier = null)
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
        if (creditorIdentifier is not null && !Payments.CreditorIdentifier.IsValid(creditorIdentifier))
            throw new ArgumentException("Not a valid creditor identifier.", nameof(creditorIdentifier));

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
            CreditorIdentifier = creditorIdentifier,
            CreatedAt = now,
        };
    }

    /// <summary>No longer usable and no longer the customer's to see; kept only as mandate evidence.</summary>
    internal void MarkRemoved(DateTimeOffset now)
    {
        RemovedAt = now;
        IsDefault = false;
    }

    internal void MarkDefault() => IsDefault = true;

    internal void ClearDefault() => IsDefault = false;
}
