using Portal.Domain.Payments;

namespace Portal.Application.Payments;

/// <summary>Encrypts IBANs for storage and reads them back; the plain value exists only in memory.</summary>
public interface IIbanProtector
{
    string Protect(Iban iban);

    Iban Unprotect(string protectedIban);
}
