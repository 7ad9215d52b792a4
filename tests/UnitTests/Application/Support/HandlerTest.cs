using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Application.Account;
using Portal.Application.Contacts;
using Portal.Application.MyAccount;
using Portal.Application.PortalAccess;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;
using Portal.Infrastructure.Persistence;

namespace Portal.UnitTests.Application.Support;

/// <summary>
/// Handlers against a real, migrated SQLite database. Every "request" gets a fresh context, as it would
/// in the web app; seeding and checking use contexts of their own, so nothing is read from a cache.
/// </summary>
public abstract class HandlerTest : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected PortalDatabase Database { get; } = new();
    protected FakeTimeProvider Clock { get; } = new(Start);
    protected FakeTokenGenerator Tokens { get; } = new();
    protected FakePasswordHasher Hasher { get; } = new();
    protected RecordingMailComposer Mails { get; } = new();
    protected FakeCurrentUser CurrentUser { get; } = new();
    protected FakePortalSettings Settings { get; } = new();

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Request NewRequest() => new Request(Database.CreateContext()).Counted();

    protected sealed class Request(PortalDbContext db) : IDisposable
    {
        public PortalDbContext Db { get; } = db;
        public TestUnitOfWork UnitOfWork { get; } = new(db);
        /// <summary>Every SaveChanges on the context, whoever calls it (unit of work or repository).</summary>
        public int DatabaseSaves { get; private set; }
        public Request Counted()
        {
            Db.SavingChanges += (_, _) => DatabaseSaves++;
            return this;
        }
        public TestRepository<T> Repository<T>() where T : class => new(Db);
        public LoginOwnership Logins => new(Repository<UserAccount>());
        public void Dispose() => Db.Dispose();
    }

    protected GrantPortalAccessHandler GrantHandler(Request r) => new(
        r.Repository<Contact>(), new InvitationOutbox(r.Repository<OutboxMessage>(), Mails, CurrentUser, Settings), r.Logins, Tokens, CurrentUser,
        Settings, r.UnitOfWork, Clock);

    protected ReInvitePortalUserHandler ReInviteHandler(Request r) => new(
        r.Repository<Contact>(), new InvitationOutbox(r.Repository<OutboxMessage>(), Mails, CurrentUser, Settings), r.Logins, Tokens, CurrentUser,
        Settings, r.UnitOfWork, Clock);

    protected RevokePortalAccessHandler RevokeHandler(Request r) => new(r.Repository<Contact>(), CurrentUser, r.UnitOfWork, Clock);

    protected AcceptInvitationHandler AcceptHandler(Request r) => new(r.Repository<PortalUser>(), Tokens, Hasher, SecurityLogFor(r), r.UnitOfWork, Clock);

    protected Portal.Application.Account.SecurityLog SecurityLogFor(Request r) => new(r.Repository<Portal.Domain.Security.SecurityEvent>(), CurrentUser, Clock);

    protected GetInvitationHandler GetInvitationHandler(Request r) => new(r.Repository<PortalUser>(), Tokens, Clock);

    protected GetPortalAccessWizardHandler WizardHandler(Request r) => new(r.Repository<Contact>(), r.Logins);

    protected ListContactsHandler ListHandler(Request r) => new(r.Repository<Contact>());

    protected SignInHandler SignInHandler(Request r) => new(r.Repository<UserAccount>(), Hasher, SecurityLogFor(r),
        Options.Create(new Portal.Application.Account.AccountSecurityOptions()), r.UnitOfWork, Clock);

    protected SaveContactHandler SaveContactHandler(Request r) => new(r.Repository<Contact>(), r.UnitOfWork, Clock);

    protected GetContactHandler GetContactHandler(Request r) => new(r.Repository<Contact>(), r.Repository<OutboxMessage>(), Clock);

    protected UpdateMyDetailsHandler UpdateMyDetailsHandler(Request r) => new(r.Repository<PortalUser>(), CurrentUser, r.UnitOfWork, Clock);

    protected GetMyDetailsHandler GetMyDetailsHandler(Request r) => new(r.Repository<PortalUser>(), CurrentUser);

    // ---- seeding, straight through the domain ----

    protected async Task<int> AddCompanyAsync(string name, string? email = null)
    {
        await using var db = Database.CreateContext();
        var company = Contact.CreateCompany(new ContactDetails(name), email, Clock.GetUtcNow());
        db.Contacts.Add(company);
        await db.SaveChangesAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        return company.Id;
    }

    protected async Task<int> AddPersonAsync(string name, string? email, int? companyId = null, string? companyName = null, string language = "en")
    {
        await using var db = Database.CreateContext();
        var company = companyId is { } id ? await db.Contacts.SingleAsync(c => c.Id == id) : null;
        var person = Contact.CreatePerson(new ContactDetails(name, CompanyName: companyName, PreferredLanguage: language), email, company, Clock.GetUtcNow());
        db.Contacts.Add(person);
        await db.SaveChangesAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        return person.Id;
    }

    protected async Task<int> AddInternalUserAsync(string email, string displayName, string? password = null)
    {
        await using var db = Database.CreateContext();
        var user = InternalUser.Create(email, displayName);
        if (password is not null) user.SetPassword(FakePasswordHasher.HashOf(password));
        db.InternalUsers.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>Grants access through the domain and returns the token the mail would carry.</summary>
    protected async Task<string> SeedGrantAsync(int contactId, string? email = null)
    {
        await using var db = Database.CreateContext();
        var contact = await db.Contacts.Include(c => c.PortalUser).ThenInclude(u => u!.Invitations).SingleAsync(c => c.Id == contactId);
        var token = Tokens.Create();
        contact.GrantPortalAccess(email ?? contact.Email, EmailOwner.Nobody, token.Hash, Clock.GetUtcNow(), Settings.Current.InvitationValidity, "seed");
        await db.SaveChangesAsync();
        return token.Token;
    }

    protected async Task<string> SeedActiveAsync(int contactId, string password)
    {
        var token = await SeedGrantAsync(contactId);
        await using var db = Database.CreateContext();
        var user = await db.PortalUsers.Include(u => u.Invitations).SingleAsync(u => u.ContactId == contactId);
        user.AcceptInvitation(Tokens.Hash(token), FakePasswordHasher.HashOf(password), Clock.GetUtcNow());
        user.RecordSignIn(Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return token;
    }

    protected async Task SeedRevokeAsync(int contactId)
    {
        await using var db = Database.CreateContext();
        var contact = await db.Contacts.Include(c => c.PortalUser).ThenInclude(u => u!.Invitations).SingleAsync(c => c.Id == contactId);
        contact.RevokePortalAccess(Clock.GetUtcNow(), "seed");
        await db.SaveChangesAsync();
    }

    // ---- checking, with a fresh context ----

    protected async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = Database.CreateContext();
        return await read(db);
    }

    protected Task<PortalUser?> PortalUserOfAsync(int contactId) => ReadAsync(db => db.PortalUsers.AsNoTracking()
        .Include(u => u.Invitations).Include(u => u.History).Include(u => u.Contact)
        .SingleOrDefaultAsync(u => u.ContactId == contactId));

    protected Task<Contact> ContactAsync(int contactId) => ReadAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId));

    protected Task<RowCounts> CountRowsAsync() => ReadAsync(async db => new RowCounts(
        await db.Users.CountAsync(),
        await db.Invitations.CountAsync(),
        await db.PortalAccessEvents.CountAsync(),
        await db.OutboxMessages.CountAsync()));

    protected sealed record RowCounts(int Users, int Invitations, int HistoryEntries, int OutboxMessages);
}
