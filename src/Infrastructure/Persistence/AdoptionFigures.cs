using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Adoption;
using Portal.Application.Contacts;
using Portal.Domain.Adoption;
using Portal.Domain.PortalAccess;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The dashboard's figures as counts on indexes: portal users by grant and acceptance time, customers' kept sign-in weeks. The
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
        // Grouped by the kind, which the query fixes to one value, rather than by a constant: SQLite then knows the rows come
        // in one group and counts as it reads, where a constant key makes it sort every row of the period first.
        var steps = await Granted(scope).GroupBy(u => u.Kind).Select(g => new AdoptionFunnel(
                g.Count(),
                g.Count(u => u.InvitationDeliveredAt != null),
                g.Count(u => u.AcceptedAt != null),
                g.Count(u => u.AcceptedAt != null && u.State == PortalAccessState.Active && u.LastSignInAt >= activeSince)))
            .FirstOrDefaultAsync(cancellationToken);
        return steps ?? new AdoptionFunnel(0, 0, 0, 0);
    }

    public async Task<TimeSpan?> MedianTimeToAcceptAsync(AdoptionScope scope, int accepted, CancellationToken cancellationToken)
    {
        var (skip, take) = Median.Window(accepted);
        if (take == 0) return null;
        // The customers of the scope who accepted are those with a time to accept: it is kept with the acceptance of a grant
        // (PortalUser.AcceptInvitation, AdoptionBackfillSql), so the funnel's count of them places the median. They are walked
        // in the order of IX_Users_TimeToAccept up to the middle; the period's bounds are written through COALESCE so that no
        // index serves them, else SQLite reads the period from the grants' index and sorts all its acceptances instead.
        var window = Customers(scope.CompanyId).Where(u => u.TimeToAccept != null);
        if (scope.GrantedFrom is { } from) window = window.Where(u => (u.GrantedAt ?? DateTimeOffset.UnixEpoch) >= from);
        if (scope.GrantedBefore is { } before) window = window.Where(u => (u.GrantedAt ?? before) < before);
        var middle = await window.OrderBy(u => u.TimeToAccept).ThenBy(u => u.Id).Skip(skip).Take(take)
            .Select(u => u.TimeToAccept!.Value).ToListAsync(cancellationToken);
        return Median.Of(middle);
    }

    public async Task<IReadOnlyList<AdoptionWeek>> WeeksAsync(
        int? companyId, DateOnly firstWeek, int weeks, CancellationToken cancellationToken)
    {
        var customers = Customers(companyId);
        var from = new DateTimeOffset(firstWeek.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = from.AddDays(7 * weeks);
        // All weeks' acceptances in one range of their index, sorted into weeks here: one statement instead of one per week.
        var acceptedAt = await customers.Where(u => u.AcceptedAt >= from && u.AcceptedAt < until)
            .Select(u => u.AcceptedAt!.Value).ToListAsync(cancellationToken);
        var accepted = acceptedAt.CountBy(CustomerSignInWeek.WeekOf).ToDictionary();
        // A customer's week is one kept row however often they signed in (CustomerSignInWeek): counted per week on its index,
        // never the sign-ins themselves.
        var signInWeeks = db.CustomerSignInWeeks.Where(w => w.WeekStart >= firstWeek && w.WeekStart < firstWeek.AddDays(7 * weeks));
        if (companyId is not null) signInWeeks = signInWeeks.Where(w => customers.Any(u => u.Id == w.PortalUserId));
        var signedIn = await signInWeeks.GroupBy(w => w.WeekStart).Select(g => new { Week = g.Key, Customers = g.Count() })
            .ToDictionaryAsync(g => g.Week, g => g.Customers, cancellationToken);
        return Enumerable.Range(0, weeks).Select(week => firstWeek.AddDays(7 * week))
            .Select(startsOn => new AdoptionWeek(startsOn, accepted.GetValueOrDefault(startsOn), signedIn.GetValueOrDefault(startsOn)))
            .ToList();
    }

    public Task<int> CountCustomersAsync(int? companyId, Expression<Func<PortalUser, bool>> condition, CancellationToken cancellationToken) =>
        Customers(companyId).CountAsync(condition, cancellationToken);

    private IQueryable<PortalUser> Customers(int? companyId)
    {
        var users = db.PortalUsers.AsNoTracking();
        if (companyId is not { } id) return users;
        // The company's contacts first, each user then by its contact: an OR across both tables would read every user.
        var people = db.Contacts.Where(ContactSelection.OfCompany(id)).Select(c => c.Id);
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
