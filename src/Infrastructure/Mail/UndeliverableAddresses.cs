using Microsoft.EntityFrameworkCore;
using Portal.Domain.Mail;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Mail;

/// <summary>
/// Keeps <see cref="Domain.Contacts.Contact.EmailUndeliverableSince"/> in step with what the mail server says: an invitation
/// that fails for good marks its contact's address, a later delivery to that address clears it. One statement each, outside
/// the contact's own changes (and its version), so the dispatcher never clashes with someone editing the contact.
/// </summary>
internal static class UndeliverableAddresses
{
    /// <summary>The contact whose invitation this was, while its address is still the one the mail went to.</summary>
    public static Task<int> MarkUndeliverableAsync(this PortalDbContext db, OutboxMessage message, DateTimeOffset now) =>
        db.Contacts
            .Where(c => c.Email == message.ToAddress && c.EmailUndeliverableSince == null
                && c.PortalUser!.Invitations.Any(i => i.MailId == message.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.EmailUndeliverableSince, now), CancellationToken.None);

    public static async Task ClearUndeliverableAsync(this PortalDbContext db, IReadOnlyCollection<string> deliveredTo)
    {
        if (deliveredTo.Count == 0) return;
        await db.Contacts
            .Where(c => c.EmailUndeliverableSince != null && deliveredTo.Contains(c.Email!))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.EmailUndeliverableSince, (DateTimeOffset?)null), CancellationToken.None);
    }
}
