using System.Text.Json;
using System.Text.Json.Serialization;
using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Payments;
using Portal.Domain.Payments;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;

namespace Portal.Application.MySecurity;

/// <summary>
/// Everything the portal keeps about the signed-in customer, as a JSON file (GDPR art. 15 and 20): the contact's
/// details, the portal account, payment methods, the access history and the security activity. Credentials are
/// never part of it — no password hash, security stamp, second-factor secret, recovery code or link token.
/// </summary>
public sealed record DownloadMyData : IRequest<MyDataFile>;

public sealed record MyDataFile(string FileName, byte[] Content);

public sealed class DownloadMyDataHandler(
    IReadRepository<PortalUser> users,
    IRecordReader<SecurityEvent> events,
    IReadRepository<PaymentMethod> paymentMethods,
    ICurrentUser currentUser,
    TimeProvider clock)
    : IRequestHandler<DownloadMyData, MyDataFile>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async ValueTask<MyDataFile> Handle(DownloadMyData query, CancellationToken cancellationToken)
    {
        var me = await users.FirstOrDefaultAsync(new MyDataSpec(currentUser.UserId ?? 0), cancellationToken)
            ?? throw new NotFoundException("Portal user");
        var activity = await events.ListAsync(new AllSecurityEventsSpec(me.Id), cancellationToken);
        var bankAccounts = await paymentMethods.ListAsync(new PaymentMethodListSpec(me.ContactId), cancellationToken);
        var now = clock.GetUtcNow();
        var c = me.Contact;
        var history = me.History.OrderBy(h => h.OccurredAt).ThenBy(h => h.Id).ToList();

        var document = new MyDataDocument(
            now,
            new ContactData(c.Name, c.Kind, c.Email, c.Phone, new AddressData(c.Street, c.PostalCode, c.City, c.CountryCode),
                c.VatNumber, c.Company?.Name ?? c.CompanyName, c.PreferredLanguage, c.CreatedAt, c.UpdatedAt),
            new PortalUserData(me.Login, me.State, history.FirstOrDefault()?.OccurredAt, me.LastSignInAt, me.TwoFactorEnabled),
            // Masked like everywhere else: the file may end up in a mailbox or a downloads folder.
            bankAccounts.Select(p => new PaymentMethodData(p.AccountHolder, p.MaskedIban, p.Bic, p.MandateReference, p.MandateAgreedAt,
                p.MandateLanguage, p.IsDefault)).ToList(),
            history.Select(h => new AccessHistoryData(h.Kind, h.OccurredAt)).ToList(),
            activity);
        return new MyDataFile($"my-data-{now.UtcDateTime:yyyy-MM-dd}.json", JsonSerializer.SerializeToUtf8Bytes(document, Json));
    }

    private sealed record MyDataDocument(
        DateTimeOffset ExportedAt,
        ContactData Contact,
        PortalUserData PortalUser,
        IReadOnlyList<PaymentMethodData> PaymentMethods,
        IReadOnlyList<AccessHistoryData> AccessHistory,
        IReadOnlyList<SecurityActivityItem> SecurityActivity);

    private sealed record ContactData(
        string Name,
        Domain.Contacts.ContactKind Kind,
        string? Email,
        string? Phone,
        AddressData Address,
        string? VatNumber,
        string? Company,
        string PreferredLanguage,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt);

    private sealed record PaymentMethodData(
        string AccountHolder,
        string MaskedIban,
        string? Bic,
        string MandateReference,
        DateTimeOffset MandateAgreedAt,
        string MandateLanguage,
        bool IsDefault);

    private sealed record AddressData(string? Street, string? PostalCode, string? City, string? Country);

    private sealed record PortalUserData(
        string Login,
        PortalAccessState AccessState,
        DateTimeOffset? CreatedAt,
        DateTimeOffset? LastSignInAt,
        bool TwoFactorEnabled);

    /// <remarks>Who acted is left out: for an admin's move that is a member of staff's name and address, not the customer's data.</remarks>
    private sealed record AccessHistoryData(PortalAccessEventKind Kind, DateTimeOffset OccurredAt);
}

/// <summary>The signed-in customer with contact, company and access history, read only; only an active user is found.</summary>
public sealed class MyDataSpec : Specification<PortalUser>, ISingleResultSpecification<PortalUser>
{
    public MyDataSpec(int userId) =>
        Query.Where(u => u.Id == userId && u.State == PortalAccessState.Active)
            .Include(u => u.Contact).ThenInclude(c => c.Company)
            .Include(u => u.History)
            .AsNoTracking()
            .AsSplitQuery();
}

public sealed class AllSecurityEventsSpec : Specification<SecurityEvent, SecurityActivityItem>
{
    public AllSecurityEventsSpec(int userId)
    {
        Query.Where(e => e.UserAccountId == userId)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .AsNoTracking();
        Query.Select(e => new SecurityActivityItem(e.Kind, e.OccurredAt, e.IpAddress));
    }
}
