using Portal.Domain.Common;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Domain.Payments;

/// <summary>
/// A change to a customer's bank accounts. The customer's security activity shows it and a notice mail names the
/// account by its masked IBAN only.
/// </summary>
public abstract record PaymentMethodChanged(int ContactId, string MaskedIban, SecurityEventKind Kind) : IDomainEvent;

public sealed record PaymentMethodAdded(int ContactId, string MaskedIban)
    : PaymentMethodChanged(ContactId, MaskedIban, SecurityEventKind.PaymentMethodAdded);

public sealed record PaymentMethodRemoved(int ContactId, string MaskedIban)
    : PaymentMethodChanged(ContactId, MaskedIban, SecurityEventKind.PaymentMethodRemoved);

public sealed record DefaultPaymentMethodChanged(int ContactId, string MaskedIban)
    : PaymentMethodChanged(ContactId, MaskedIban, SecurityEventKind.DefaultPaymentMethodChanged);

/// <summary>
/// A change to a customer's bank accounts as their account records it, so its security activity line and notice mail
/// follow like those of every other security move (see <see cref="PortalAccess.PortalUser.NoteBankAccountChange"/>).
/// </summary>
public sealed record BankAccountChanged(UserAccount Account, SecurityEventKind Kind, string MaskedIban)
    : AccountSecurityEvent(Account, Kind);
