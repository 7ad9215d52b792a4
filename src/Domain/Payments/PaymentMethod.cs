namespace Portal.Domain.Payments;

/// <summary>
/// A SEPA bank account a customer authorised for direct debit. The IBAN is kept only encrypted; pages, logs and
/// exports see the masked form.
/// </summary>
public sealed class PaymentMethod
{
    public const int AccountHolderMaxLength = 70;
    public const int MandateReferenceMaxLength = 35;

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
}
