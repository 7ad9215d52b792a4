using Microsoft.EntityFrameworkCore;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

/// <summary>
/// Confirming an e-mail change against a real database, including the race the ownership check can't see:
/// another user takes the address between the check and the commit, and the unique login index refuses it.
/// </summary>
public sealed class ConfirmEmailChangeHandlerTests : HandlerTest
{
    private const string Password = "Amber-Falcon-Meadow-Tide-19";
    private const string OldEmail = "anna.berg@example.com";
    private const string NewEmail = "Anna.Neu@Example.org";

    [Fact]
    public async Task Confirming_changes_login_and_contact_email_records_the_activity_and_returns_the_new_session_data()
    {
        var (contactId, token) = await ActiveUserWithPendingChangeAsync();

        using var request = NewRequest();
        var user = await request.SendAsync(new ConfirmEmailChange(token));

        user.Login.ShouldBe("anna.neu@example.org");
        request.DatabaseSaves.ShouldBe(1);
        var stored = await PortalUserOfAsync(contactId);
        stored!.Login.ShouldBe("anna.neu@example.org");
        stored.Contact.Email.ShouldBe(NewEmail);
        user.SecurityStamp.ShouldBe(stored.SecurityStamp);
        (await ReadAsync(db => db.SecurityEvents.Where(e => e.UserAccountId == stored.Id).Select(e => e.Kind).ToListAsync()))
            .ShouldContain(SecurityEventKind.EmailChanged);
        var notice = AccountMails.Composed.ShouldHaveSingleItem("the old address is told; the new one already had its link");
        (notice.Kind, notice.ToAddress, notice.Detail, notice.Token).ShouldBe(
            (AccountMailKind.EmailChanged, OldEmail, "anna.neu@example.org", (string?)null));
    }

    [Fact]
    public async Task An_address_taken_after_the_check_but_before_the_commit_is_refused_by_the_unique_login_with_a_clear_message()
    {
        var (contactId, token) = await ActiveUserWithPendingChangeAsync();
        var racing = Meanwhile(() => AddInternalUserAsync(NewEmail, "Quick Colleague"));

        var refused = await Should.ThrowAsync<DomainException>(() => SendAsync(new ConfirmEmailChange(token)).AsTask());

        refused.Error.ShouldBe(DomainErrors.EmailUsedByAnotherUser);
        racing.Looks.ShouldBe(2, "checked before the commit, and once more to explain the clash");
        var stored = await PortalUserOfAsync(contactId);
        (stored!.Login, stored.Contact.Email).ShouldBe((OldEmail, OldEmail));
        var link = await ReadAsync(db => db.AccountTokens.SingleAsync(t => t.Purpose == AccountTokenPurpose.EmailChange));
        link.UsedAt.ShouldBeNull("nothing of the refused confirmation was stored");
    }

    [Fact]
    public async Task A_clash_that_is_not_about_the_address_stays_a_conflict()
    {
        var (contactId, token) = await ActiveUserWithPendingChangeAsync();
        Meanwhile(async () =>
        {
            // Someone else changes the same account meanwhile: the optimistic concurrency token catches it.
            await using var db = Database.CreateContext();
            (await db.PortalUsers.SingleAsync(u => u.ContactId == contactId)).EndAllSessions();
            await db.SaveChangesAsync();
        });

        await Should.ThrowAsync<ConflictException>(() => SendAsync(new ConfirmEmailChange(token)).AsTask());

        (await PortalUserOfAsync(contactId))!.Login.ShouldBe(OldEmail);
    }

    private async Task<(int ContactId, string Token)> ActiveUserWithPendingChangeAsync()
    {
        var contactId = await AddPersonAsync("Anna Berg", OldEmail);
        await SeedActiveAsync(contactId, Password);
        await using var db = Database.CreateContext();
        var user = await db.PortalUsers.Include(u => u.Tokens).Include(u => u.Contact).SingleAsync(u => u.ContactId == contactId);
        var issued = Tokens.Create();
        user.RequestEmailChange(NewEmail, EmailOwner.Nobody, issued, Tokens.Create(), Clock.GetUtcNow(), TimeSpan.FromHours(24), OldEmail);
        await db.SaveChangesAsync();
        return (contactId, issued.Token);
    }

    /// <summary>
    /// Right before the request commits, after its ownership check, <paramref name="meanwhile"/> happens; the answer
    /// counts how often the request looked up who holds a login.
    /// </summary>
    private LoginLookups Meanwhile(Func<Task> meanwhile)
    {
        var lookups = new LoginLookups();
        var happened = false;
        Hooks.OnQuery = command => { if (LoginLookups.IsOne(command.CommandText)) lookups.Looks++; };
        Hooks.BeforeSave = async (_, _) =>
        {
            if (happened) return;
            happened = true;
            await meanwhile();
        };
        return lookups;
    }

    private sealed class LoginLookups
    {
        public int Looks { get; set; }

        // LoginHoldersSpec is the one query of users that reads neither tokens nor contacts.
        public static bool IsOne(string sql) => sql.Contains("FROM \"Users\"", StringComparison.Ordinal)
            && !sql.Contains("Tokens", StringComparison.Ordinal) && !sql.Contains("Contacts", StringComparison.Ordinal);
    }
}
