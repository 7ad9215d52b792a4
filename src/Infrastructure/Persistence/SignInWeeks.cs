using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Domain.Adoption;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Keeps <see cref="CustomerSignInWeek"/>: each recorded sign-in of a portal user marks its week, in the transaction that
/// records it. "If absent" is the database's (ON CONFLICT DO NOTHING, on both): two sign-ins of one customer at the same
/// moment, from two instances, can't make either save fail.
/// </summary>
internal static class SignInWeeks
{
    internal sealed record Mark(int UserAccountId, DateOnly WeekStart);

    /// <summary>The weeks the sign-ins this save records fall in, once each.</summary>
    public static List<Mark> Pending(ChangeTracker tracker) =>
        tracker.Entries<SecurityEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.Kind == SecurityEventKind.SignedIn)
            .Select(e => new Mark(e.Entity.UserAccountId, CustomerSignInWeek.WeekOf(e.Entity.OccurredAt)))
            .Distinct()
            .ToList();

    public static async Task KeepAsync(PortalDbContext db, IReadOnlyList<Mark> marks, CancellationToken cancellationToken)
    {
        const int portal = (int)UserKind.Portal;
        foreach (var (userId, weekStart) in marks)
        {
            // Staff sign in too; only a customer's week is kept, so the row is written only where the account is a portal user's.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "CustomerSignInWeeks" ("PortalUserId", "WeekStart")
                SELECT "Id", {weekStart} FROM "Users" WHERE "Id" = {userId} AND "Kind" = {portal}
                ON CONFLICT DO NOTHING
                """, cancellationToken);
        }
    }
}
