using Microsoft.EntityFrameworkCore;
using Portal.Application.Adoption;
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
        var activeSince = now - AdoptionFunnel.ActiveWithin;
        // One pass over the period's grants: every step is a column of the grants' index, the delivery of the current grant's
        // link included (kept with the outbox's status, see InvitationMailStatuses).
        var steps = await Granted(scope).GroupBy(u => 1).Select(g => new AdoptionFunnel(
                g.Count(),
                g.Count(u => u.InvitationDeliveredAt != null),
                g.Count(u => u.AcceptedAt != null),
                g.Count(u => u.AcceptedAt != null && u.State == PortalAccessState.Active && u.LastSignInAt >= activeSince)))
            .FirstOrDefaultAsync(cancellationToken);
        return steps ?? new AdoptionFunnel(0, 0, 0, 0);
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
        var result = new List<AdoptionWeek>(weeks);
        for (var week = 0; week < weeks; week++)
        {
            var startsOn = firstWeek.AddDays(7 * week);
            var from = new DateTimeOffset(startsOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var until = from.AddDays(7);
            var accepted = await customers.CountAsync(u => u.AcceptedAt >= from && u.AcceptedAt < until, cancellationToken);
            // Each sign-in of the week looks its user up by key: a list of every customer's id would be built per week.
            var signedIn = await db.SecurityEvents
                .Where(e => e.Kind == SecurityEventKind.SignedIn && e.OccurredAt >= from && e.OccurredAt < until
                    && customers.Any(u => u.Id == e.UserAccountId))
                .Select(e => e.UserAccountId).Distinct().CountAsync(cancellationToken);
            result.Add(new AdoptionWeek(startsOn, accepted, signedIn));
        }
        return result;
    }

    private IQueryable<PortalUser> Customers(int? companyId)
    {
        var users = db.PortalUsers.AsNoTracking();
        if (companyId is not { } id) return users;
        // The company's contacts first, each user then by its contact: an OR across both tables would read every user.
        var people = db.Contacts.Where(c => c.Id == id || c.CompanyId == id).Select(c => c.Id);
        return users.Where(u => people.Contains(u.ContactId));
    }

    private IQueryable<PortalUser> Granted(AdoptionScope scope)
    {
        var users = Customers(scope.CompanyId).Where(u => u.GrantedAt != null);
        if (scope.GrantedFrom is { } from) users = users.Where(u => u.GrantedAt >= from);
        if (scope.GrantedBefore is { } before) users = users.Where(u => u.GrantedAt < before);
        return users;
    }
}
