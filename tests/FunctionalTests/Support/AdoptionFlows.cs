using Microsoft.EntityFrameworkCore;
using Portal.Domain.Adoption;
using Portal.Domain.Security;
using Portal.Infrastructure.Persistence;

namespace Portal.FunctionalTests.Support;

public static class AdoptionFlows
{
    /// <summary>
    /// Moves every stored time of a contact's access back by <paramref name="by"/>: grant, acceptance, sign-ins and their kept
    /// weeks, links and their history. The test clock cannot skip months (its timers fire once per period skipped), so "long ago" is made this way.
    /// </summary>
    public static Task MoveAccessBackAsync(this PortalFactory factory, int contactId, TimeSpan by) =>
        factory.WithDbAsync(async db =>
        {
            var user = await db.PortalUsers.Include(u => u.Invitations).Include(u => u.History).SingleAsync(u => u.ContactId == contactId);
            var signIns = await db.SecurityEvents.Where(e => e.UserAccountId == user.Id).ToListAsync();
            void Move(object entity, params string[] properties)
            {
                foreach (var property in properties)
                {
                    var value = db.Entry(entity).Property(property);
                    if (value.CurrentValue is DateTimeOffset time) value.CurrentValue = time - by;
                }
            }

            Move(user, "GrantedAt", "AcceptedAt", "LastSignInAt", "InvitationDeliveredAt");
            foreach (var invitation in user.Invitations) Move(invitation, "CreatedAt", "ExpiresAt", "UsedAt", "VoidedAt", "RemindAt");
            foreach (var change in user.History) Move(change, "OccurredAt");
            foreach (var signIn in signIns) Move(signIn, "OccurredAt");
            await db.SaveChangesAsync();
            // The weeks kept for the sign-ins move with them: as the app would have kept them, had they happened then.
            await db.CustomerSignInWeeks.Where(w => w.PortalUserId == user.Id).ExecuteDeleteAsync();
            await SignInWeeks.KeepAsync(db, signIns.Where(e => e.Kind == SecurityEventKind.SignedIn)
                .Select(e => new SignInWeeks.Mark(e.UserAccountId, CustomerSignInWeek.WeekOf(e.OccurredAt))).Distinct().ToList(), default);
        });
}
