using Portal.Domain.Common;

namespace Portal.Domain.Payments;

/// <summary>
/// All bank accounts of one contact, for the moves whose rule spans them: while there is any, exactly one is the
/// default — the first one added becomes it, choosing another clears the old one, and removing the default hands
/// it to the newest that remains. Accounts removed earlier are not among them: they are only mandate evidence.
/// </summary>
public sealed class ContactPaymentMethods
{
    public const int MaxCount = 10;

    private readonly List<PaymentMethod> _methods;

    public ContactPaymentMethods(int contactId, IEnumerable<PaymentMethod> methods)
    {
        ContactId = contactId;
        _methods = methods.ToList();
        if (_methods.Any(m => m.ContactId != contactId))
            throw new ArgumentException("Every payment method must belong to the contact.", nameof(methods));
        if (_methods.Any(m => m.IsRemoved))
            throw new ArgumentException("A removed payment method is no longer one of the contact's.", nameof(methods));
    }

    public int ContactId { get; }

    public IReadOnlyList<PaymentMethod> All => _methods.AsReadOnly();

    public PaymentMethod? Default => _methods.FirstOrDefault(m => m.IsDefault);

    public PaymentMethod? Find(int paymentMethodId) => _methods.FirstOrDefault(m => m.Id == paymentMethodId);

    /// <summary>The accounts whose masked IBAN equals <paramref name="iban"/>'s: the only ones that can hold the same account.</summary>
    public IEnumerable<PaymentMethod> WithSameMaskAs(Iban iban) => _methods.Where(m => m.MaskedIban == iban.Masked);

    /// <summary>Adds a bank account with the mandate the customer just agreed to; the first one becomes the default.</summary>
    public PaymentMethod Add(
        string accountHolder,
        Iban iban,
        string protectedIban,
        string? bic,
        string mandateReference,
        string mandateLanguage,
        DateTimeOffset now,
        string? creditorIdentifier = null)
    {
        if (_methods.Count >= MaxCount) throw new DomainException(DomainErrors.PaymentMethodLimitReached);
        var method = PaymentMethod.Authorise(ContactId, accountHolder, iban, protectedIban, bic, mandateReference, mandateLanguage, now,
            creditorIdentifier);
        _methods.Add(method);
        if (Default is null) method.MarkDefault();
        method.Raise(new PaymentMethodAdded(ContactId, method.MaskedIban));
        return method;
    }

    /// <summary>Makes <paramref name="method"/> the one default. Returns false when it already was.</summary>
    public bool MakeDefault(PaymentMethod method)
    {
        EnsureMine(method);
        if (method.IsDefault && _methods.Count(m => m.IsDefault) == 1) return false;
        foreach (var other in _methods) other.ClearDefault();
        method.MarkDefault();
        method.Raise(new DefaultPaymentMethodChanged(ContactId, method.MaskedIban));
        return true;
    }

    /// <summary>
    /// Takes <paramref name="method"/> out (it stays on record as mandate evidence, see <see cref="PaymentMethod.RemovedAt"/>); if it
    /// was the default, the newest remaining account becomes the default (returned).
    /// </summary>
    public PaymentMethod? Remove(PaymentMethod method, DateTimeOffset now)
    {
        EnsureMine(method);
        var wasDefault = method.IsDefault;
        _methods.Remove(method);
        method.MarkRemoved(now);
        method.Raise(new PaymentMethodRemoved(ContactId, method.MaskedIban));
        if (!wasDefault || _methods.Count == 0) return null;
        var newest = _methods.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).First();
        foreach (var other in _methods) other.ClearDefault();
        newest.MarkDefault();
        return newest;
    }

    private void EnsureMine(PaymentMethod method)
    {
        if (!_methods.Contains(method)) throw new ArgumentException("The payment method is not one of this contact's.", nameof(method));
    }
}
