using Ardalis.Specification;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Specifications;
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
        var user = await Handler(request, request.Logins).Handle(new ConfirmEmailChange(token), CancellationToken.None);

        user.Login.ShouldBe("anna.neu@example.org");
        request.DatabaseSaves.ShouldBe(1);
        var stored = await PortalUserOfAsync(contactId);
        stored!.Login.ShouldBe("anna.neu@example.org");
        stored.Contact.Email.ShouldBe(NewEmail);
        user.SecurityStamp.ShouldBe(stored.SecurityStamp);
        (await ReadAsync(db => db.SecurityEvents.Where(e => e.UserAccountId == stored.Id).Select(e => e.Kind).ToListAsync()))
            .ShouldContain(SecurityEventKind.EmailChanged);
    }

    [Fact]
    public async Task An_address_taken_after_the_check_but_before_the_commit_is_refused_by_the_unique_login_with_a_clear_message()
    {
        var (contactId, token) = await ActiveUserWithPendingChangeAsync();
        using var request = NewRequest();
        var racing = new RacingUsers(request.Db, () => AddInternalUserAsync(NewEmail, "Quick Colleague"));

        var refused = await Should.ThrowAsync<DomainException>(() =>
            Handler(request, new LoginOwnership(racing)).Handle(new ConfirmEmailChange(token), CancellationToken.None).AsTask());

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
        using var request = NewRequest();
        var racing = new RacingUsers(request.Db, async () =>
        {
            // Someone else changes the same account meanwhile: the optimistic concurrency token catches it.
            await using var db = Database.CreateContext();
            (await db.PortalUsers.SingleAsync(u => u.ContactId == contactId)).EndAllSessions();
            await db.SaveChangesAsync();
        });

        await Should.ThrowAsync<ConflictException>(() =>
            Handler(request, new LoginOwnership(racing)).Handle(new ConfirmEmailChange(token), CancellationToken.None).AsTask());

        (await PortalUserOfAsync(contactId))!.Login.ShouldBe(OldEmail);
    }

    private ConfirmEmailChangeHandler Handler(Request r, LoginOwnership logins) =>
        new(r.Repository<PortalUser>(), Tokens, logins, SecurityLogFor(r), new ConflictMappingUnitOfWork(r.Db), Clock);

    private async Task<(int ContactId, string Token)> ActiveUserWithPendingChangeAsync()
    {
        var contactId = await AddPersonAsync("Anna Berg", OldEmail);
        await SeedActiveAsync(contactId, Password);
        await using var db = Database.CreateContext();
        var user = await db.PortalUsers.Include(u => u.Tokens).Include(u => u.Contact).SingleAsync(u => u.ContactId == contactId);
        var issued = Tokens.Create();
        user.RequestEmailChange(NewEmail, EmailOwner.Nobody, issued.Hash, Clock.GetUtcNow(), TimeSpan.FromHours(24), OldEmail);
        await db.SaveChangesAsync();
        return (contactId, issued.Token);
    }

    /// <summary>The users table as the ownership check reads it; right after the first look, <paramref name="meanwhile"/> happens.</summary>
    private sealed class RacingUsers(PortalDbContext db, Func<Task> meanwhile) : EfRepository<UserAccount>(db), IReadRepository<UserAccount>
    {
        public int Looks { get; private set; }

        public override async Task<List<TResult>> ListAsync<TResult>(ISpecification<UserAccount, TResult> specification, CancellationToken cancellationToken = default)
        {
            var result = await base.ListAsync(specification, cancellationToken);
            if (++Looks == 1) await meanwhile();
            return result;
        }
    }

    /// <summary>Commits and, like the production unit of work, turns a unique or concurrency clash into a <see cref="ConflictException"/>.</summary>
    private sealed class ConflictMappingUnitOfWork(PortalDbContext db) : IUnitOfWork
    {
        public async Task SaveChangesAsync(CancellationToken cancellationToken)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException e)
            {
                throw new ConflictException(e);
            }
            catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 })
            {
                throw new ConflictException(e);
            }
        }
    }
}
