using Portal.Application.MyAccount;
using Portal.Domain.Contacts;

namespace Portal.Infrastructure.Persistence;

/// <summary>My Account's details of an active portal user: every page of a customer's own area reads them.</summary>
internal sealed class MyDetailsReader(PortalDbContext db) : IMyDetailsReader
{
    private static readonly string DetailsSql = $"""
        SELECT COALESCE(c."Email", u."Login"), c."Name", c."Phone", c."Street", c."PostalCode", c."City", c."CountryCode",
               c."VatNumber", c."CompanyName", c."PreferredLanguage", company."Name", u."LastSignInAt",
               u."IsCompanyAdministrator" AND c."CompanyId" IS NOT NULL
        FROM "Users" AS u
        INNER JOIN "Contacts" AS c ON c."Id" = u."ContactId"
        LEFT JOIN "Contacts" AS company ON company."Id" = c."CompanyId"
        WHERE {DirectStatement.IsActivePortalUser}
        LIMIT 1
        """;

    public Task<MyDetails?> ReadAsync(int userId, CancellationToken cancellationToken) =>
        DirectStatement.FirstOrDefaultAsync(db, DetailsSql, command => command.Bind("@userId", userId), row =>
            new MyDetails(
                row.String(0),
                new ContactDetails(row.String(1), row.NullableString(2), row.NullableString(3), row.NullableString(4),
                    row.NullableString(5), row.NullableString(6), row.NullableString(7), row.NullableString(8), row.String(9)),
                row.NullableString(10),
                row.NullableInstant(11),
                row.Bool(12)),
            cancellationToken);
}
