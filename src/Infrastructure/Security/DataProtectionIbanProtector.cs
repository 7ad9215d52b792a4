using Microsoft.AspNetCore.DataProtection;
using Portal.Application.Payments;
using Portal.Domain.Payments;

namespace Portal.Infrastructure.Security;

/// <summary>
/// IBANs encrypted with ASP.NET Core Data Protection under a purpose of their own, with the keys in the database,
/// so every instance reads what another wrote and a protector for another purpose (cookies, 2FA) cannot.
/// </summary>
internal sealed class DataProtectionIbanProtector(IDataProtectionProvider dataProtection) : IIbanProtector
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Portal.Payments.Iban.v1");

    public string Protect(Iban iban) => _protector.Protect(iban.Value);

    public Iban Unprotect(string protectedIban) => Iban.Parse(_protector.Unprotect(protectedIban));
}
