using Microsoft.EntityFrameworkCore;
using Portal.Application.MyAccount;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.Infrastructure.Persistence;

internal sealed class MyDetailsReader(PortalDbContext db) : IMyDetailsReader
{
    private static readonly Func<PortalDbContext, int, CancellationToken, Task<MyDetails?>> DetailsQuery =
        EF.CompileAsyncQuery((PortalDbContext db, int userId, CancellationToken _) =>
            db.PortalUsers.AsNoTracking()
                .Where(u => u.Id == userId && u.State == PortalAccessState.Active)
                .Select(u => new MyDetails(
                    u.Contact.Email ?? u.Login,
                    new ContactDetails(u.Contact.Name, u.Contact.Phone, u.Contact.Street, u.Contact.PostalCode, u.Contact.City,
                        u.Contact.CountryCode, u.Contact.VatNumber, u.Contact.CompanyName, u.Contact.PreferredLanguage),
                    u.Contact.Company == null ? null : u.Contact.Company.Name,
                    u.LastSignInAt,
                    u.IsCompanyAdministrator && u.Contact.CompanyId != null))
                .FirstOrDefault());

    public Task<MyDetails?> ReadAsync(int userId, CancellationToken cancellationToken) =>
        DetailsQuery(db, userId, cancellationToken);
}
