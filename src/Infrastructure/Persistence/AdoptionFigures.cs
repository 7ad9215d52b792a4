using Microsoft.EntityFrameworkCore;
using Portal.Application.Adoption;
using Portal.Application.Contacts;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The dashboard's figures as counts on indexes: portal users by grant and acceptance time, sign-ins by kind and time. The
/// median is read as a window of one or two rows from the range sorted by the time to accept, which is kept in ticks on
/// both databases for exactly that.
/// </summary>
internal sealed class AdoptionFigures(PortalDbContext db) : IAdoptionFigures
{
    public async Task<AdoptionFunnel> FunnelAsync(AdoptionScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var granted = Granted(scope);
        var activeSince = now - AdoptionFunnel.ActiveWithin;
        return new AdoptionFunnel(
            await granted.CountAsync(cancellationToken),
            // A link of the current grant went out: an older grant's mail says nothing about this one.
            // A lookup of each link's mail by its key: an IN list of every sent mail is built per row and costs seconds at 100k.
            await granted.CountAsync(u => u.Invitations.Any(i => i.CreatedAt >= u.GrantedAt && i.MailId != null
                && db.OutboxMessages.Any(m => m.Id == i.MailId && m.Status == OutboxStatus.Sent)), cancellationToken),
            await granted.CountAsync(u => u.AcceptedAt != null, cancellationToken),
            await granted.CountAsync(u =>
                u.AcceptedAt != null && u.State == PortalAccessState.Active && u.LastSignInAt >= activeSince, cancellationToken));
    }

    public async Task<TimeSpan?> MedianTimeToAcceptAsync(AdoptionScope scope, CancellationToken cancellationToken)
    {
        var accepted = Granted(scope).Where(u => u.TimeToAccept != null);
        var (skip, take) = Median.Window(await accepted.CountAsync(cancellationToken));
        if (take == 0) return null;
        var window = await accepted.OrderBy(u => u.TimeToAccept).ThenBy(u => u.Id).Skip(skip).Take(take)
            .Select(u => u.TimeToAccept!.Value).ToListAsync(cancellationToken);
        return Median.Of(window);
    }

    public async Task<IReadOnlyList<AdoptionWeek>> WeeksAsync(
        int? companyId, DateOnly firstWeek, int weeks, CancellationToken cancellationToken)
    {
        var customers = Customers(companyId);
        var customerIds = customers.Select(u => u.Id);
        var result = new List<AdoptionWeek>(weeks);
        for (var week = 0; week < weeks; week++)
        {
            var startsOn = firstWeek.AddDays(7 * week);
            var from = new DateTimeOffset(startsOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var until = from.AddDays(7);
            var accepted = await customers.CountAsync(u => u.AcceptedAt >= from && u.AcceptedAt < until, cancellationToken);
            var signedIn = await db.SecurityEvents
                .Where(e => e.Kind == SecurityEventKind.SignedIn && e.OccurredAt >= from && e.OccurredAt < until
                    && customerIds.Contains(e.UserAccountId))
                .Select(e => e.UserAccountId).Distinct().CountAsync(cancellationToken);
            result.Add(new AdoptionWeek(startsOn, accepted, signedIn));
        }
        return result;
    }

    private IQueryable<PortalUser> Customers(int? companyId)
    {
        var users = db.PortalUsers.AsNoTracking();
        return companyId is { } id ? users.Where(u => u.ContactId == id || u.Contact.CompanyId == id) : users;
    }

    private IQueryable<PortalUser> Granted(AdoptionScope scope)
    {
        var users = Customers(scope.CompanyId).Where(u => u.GrantedAt != null);
        if (scope.GrantedFrom is { } from) users = users.Where(u => u.GrantedAt >= from);
        if (scope.GrantedBefore is { } before) users = users.Where(u => u.GrantedAt < before);
        return users;
    }
}

internal sealed class InvitationMailOutcomes(PortalDbContext db) : IInvitationMailOutcomes
{
    public IQueryable<Guid> FailedMailIds() => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Failed).Select(m => m.Id);
}
