using Ardalis.Specification;
using Portal.Application.Common;
using Portal.Application.MySecurity;
using Portal.Domain.Payments;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Payments;

/// <summary>A bank account as every page shows it: masked, with its mandate.</summary>
public sealed record PaymentMethodItem(
    int Id,
    string AccountHolder,
    string MaskedIban,
    string? Bic,
    string MandateReference,
    DateTimeOffset MandateAgreedAt,
    string MandateLanguage,
    bool IsDefault,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RemovedAt = null,
    string? CreditorIdentifier = null)
{
    /// <summary>Until when a removed account's mandate is kept as evidence; null while the account is in use.</summary>
    public DateTimeOffset? KeptUntil => RemovedAt?.AddMonths(PaymentMethod.KeepMandateEvidenceMonths);
}

/// <summary>
/// A contact's bank accounts, masked and read only: the default first, then the newest. The customer sees those in use; the back
/// office also the removed ones whose mandate is kept as evidence, after them.
/// </summary>
public sealed class PaymentMethodListSpec : Specification<PaymentMethod, PaymentMethodItem>
{
    public PaymentMethodListSpec(int contactId, bool includeRemoved = false)
    {
        Query.Where(p => p.ContactId == contactId && (includeRemoved || p.RemovedAt == null))
            .OrderBy(p => p.RemovedAt != null).ThenByDescending(p => p.IsDefault).ThenByDescending(p => p.CreatedAt)
            .ThenByDescending(p => p.Id)
            .AsNoTracking();
        Query.Select(p => new PaymentMethodItem(p.Id, p.AccountHolder, p.MaskedIban, p.Bic, p.MandateReference,
            p.MandateAgreedAt, p.MandateLanguage, p.IsDefault, p.CreatedAt, p.RemovedAt, p.CreditorIdentifier));
    }
}

/// <summary>A contact's bank accounts in use, tracked, for a move that may touch several of them.</summary>
public sealed class ContactPaymentMethodsSpec : Specification<PaymentMethod>
{
    public ContactPaymentMethodsSpec(int contactId) => Query.Where(p => p.ContactId == contactId && p.RemovedAt == null);
}

/// <summary>The contact of the signed-in portal user; only an active user has one here.</summary>
public sealed class MyContactIdSpec : Specification<PortalUser, int>, ISingleResultSpecification<PortalUser, int>
{
    public MyContactIdSpec(int userId)
    {
        Query.Where(u => u.Id == userId && u.State == PortalAccessState.Active).AsNoTracking();
        Query.Select(u => u.ContactId);
    }
}

internal static class MyPaymentMethods
{
    /// <summary>The signed-in customer's bank accounts, tracked, for a move whose rule spans all of them.</summary>
    public static async Task<ContactPaymentMethods> MineAsync(
        this IRepository<PaymentMethod> methods, IRepository<PortalUser> users, ICurrentUser currentUser,
        CancellationToken cancellationToken)
    {
        var me = await users.MeAsync(currentUser, cancellationToken);
        return new ContactPaymentMethods(me.ContactId,
            await methods.ListAsync(new ContactPaymentMethodsSpec(me.ContactId), cancellationToken));
    }
}
