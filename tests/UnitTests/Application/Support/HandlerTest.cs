using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Application.Settings;
using Portal.Application.Staff;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;
using Portal.Infrastructure.Persistence;
using Portal.Web.Infrastructure.Composition;

namespace Portal.UnitTests.Application.Support;

/// <summary>
/// Use cases sent through the app's own mediator and pipeline, built by the app's own registration
/// (<see cref="CoreServices.AddPortalCore"/>), against a real, migrated SQLite database. Only what lies outside the
/// application is replaced: the clock, the signed-in user, the password hasher (for speed), the token generator (for
/// known tokens) and the portal settings. Every "request" is a DI scope of its own with a fresh context, as in the web
/// app; seeding and checking use contexts of their own, so nothing is read from a cache.
/// </summary>
public abstract class HandlerTest : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly Lazy<ServiceProvider> _services;
    private int? _backOfficeSender;
    private readonly SemaphoreSlim _senderCreation = new(1, 1);

    protected HandlerTest() => _services = new Lazy<ServiceProvider>(BuildServices);

    protected PortalDatabase Database { get; } = new();
    protected FakeTimeProvider Clock { get; } = new(Start);
    protected FakeTokenGenerator Tokens { get; } = new();
    protected FakePasswordHasher Hasher { get; } = new();
    protected ComposedMails<InvitationMailContent> Mails { get; } = new();
    protected ComposedMails<StaffInvitationMailContent> StaffMails { get; } = new();
    protected ComposedMails<AccountMailContent> AccountMails { get; } = new();
    protected FakeCurrentUser CurrentUser { get; } = new();
    protected FakePortalSettings Settings { get; } = new();
    protected DatabaseHooks Hooks { get; } = new();

    /// <summary>The app's services; a test may replace what lies outside the application before the first request.</summary>
    protected virtual void Replace(IServiceCollection services) { }

    public void Dispose()
    {
        if (_services.IsValueCreated) _services.Value.Dispose();
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A request of the web app: a scope of its own, sent by <paramref name="sender"/> or <see cref="CurrentUser"/>.</summary>
    protected Request NewRequest(FakeCurrentUser? sender = null) => new(this, _services.Value.CreateAsyncScope(), sender ?? CurrentUser);

    protected async ValueTask<T> SendAsync<T>(IRequest<T> message)
    {
        using var request = NewRequest();
        return await request.SendAsync(message);
    }

    private ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:DataFolder"] = Database.Folder,
            ["ConnectionStrings:Portal"] = Database.ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalCore(configuration, Database.Folder);

        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ITokenGenerator>(Tokens);
        services.AddSingleton<IPasswordHasher>(Hasher);
        services.AddSingleton<IPortalSettings>(Settings);
        services.AddScoped<RequestSender>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<RequestSender>());

        services.Decorate<IInvitationMailComposer>((inner, _) => new RecordingInvitationMails(inner, Mails));
        services.Decorate<IStaffInvitationMailComposer>((inner, _) => new RecordingStaffInvitationMails(inner, StaffMails));
        services.Decorate<IAccountMailComposer>((inner, _) => new RecordingAccountMails(inner, AccountMails));
        services.AddScoped<PublishedNotifications>();
        services.Decorate<IPublisher>((inner, sp) => new RecordingPublisher(inner, sp.GetRequiredService<PublishedNotifications>()));
        services.ConfigureDbContext<SqlitePortalDbContext>(options => options.AddInterceptors(Hooks));
        Replace(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
    }

    /// <summary>
    /// A back-office request sent while nobody is signed in goes out in the name of a portal manager the test adds
    /// for that; row counts leave that colleague out, as they were no part of the story.
    /// </summary>
    private async Task<FakeCurrentUser> SenderOfAsync(object message, FakeCurrentUser sender)
    {
        if (sender.UserId is not null || RequiredPermission.Of(message.GetType()) is null) return sender;
        // Requests sent at the same moment must share one sender, not each add it.
        await _senderCreation.WaitAsync();
        try
        {
            _backOfficeSender ??= await AddInternalUserAsync("back-office@portal.example", "Back Office", "Quiet-Lighthouse-Orchard-77",
                StaffRole.PortalManager);
        }
        finally
        {
            _senderCreation.Release();
        }
        return new FakeCurrentUser { UserId = _backOfficeSender, ActorName = sender.ActorName, IpAddress = sender.IpAddress };
    }

    /// <summary>The signed-in user of one request; read live, so a test may sign someone in between two sends.</summary>
    private sealed class RequestSender : ICurrentUser
    {
        public FakeCurrentUser User { get; set; } = new();
        public int? UserId => User.UserId;
        public string ActorName => User.ActorName;
        public string? IpAddress => User.IpAddress;
        public string? SessionToken => User.SessionToken;
    }

    protected sealed class Request : IDisposable
    {
        private readonly HandlerTest _test;
        private readonly AsyncServiceScope _scope;
        private readonly FakeCurrentUser _sender;

        internal Request(HandlerTest test, AsyncServiceScope scope, FakeCurrentUser sender)
        {
            (_test, _scope, _sender) = (test, scope, sender);
            Db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Db.SavingChanges += CountSave;
            Db.SavedChanges += CountCommit;
        }

        public PortalDbContext Db { get; }

        /// <summary>Every SaveChanges on the request's context, whoever calls it.</summary>
        public int DatabaseSaves { get; private set; }

        /// <summary>The saves that went through.</summary>
        public int Commits { get; private set; }

        public IReadOnlyList<object> PublishedEvents => Resolve<PublishedNotifications>();

        public IServiceProvider Services => _scope.ServiceProvider;

        public T Resolve<T>() where T : notnull => Services.GetRequiredService<T>();

        public async ValueTask<T> SendAsync<T>(IRequest<T> message)
        {
            Resolve<RequestSender>().User = await _test.SenderOfAsync(message, _sender);
            return await Resolve<ISender>().Send(message, CancellationToken.None);
        }

        public void Dispose()
        {
            // Pooled contexts outlive the scope: leave nothing attached to them.
            Db.SavingChanges -= CountSave;
            Db.SavedChanges -= CountCommit;
            _scope.Dispose();
        }

        private void CountSave(object? sender, SavingChangesEventArgs e) => DatabaseSaves++;

        private void CountCommit(object? sender, SavedChangesEventArgs e) => Commits++;
    }

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

    protected async Task<int> AddPersonAsync(string name, string? email, int? companyId = null, string? companyName = null,
        string language = "en")
    {
        await using var db = Database.CreateContext();
        var company = companyId is { } id ? await db.Contacts.SingleAsync(c => c.Id == id) : null;
        var person = Contact.CreatePerson(new ContactDetails(name, CompanyName: companyName, PreferredLanguage: language), email, company,
            Clock.GetUtcNow());
        db.Contacts.Add(person);
        await db.SaveChangesAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        return person.Id;
    }

    protected async Task<int> AddInternalUserAsync(string email, string displayName, string? password = null,
        StaffRole role = StaffRole.Administrator)
    {
        await using var db = Database.CreateContext();
        var user = InternalUser.Create(email, displayName, role);
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
        contact.GrantPortalAccess(email ?? contact.Email, EmailOwner.Nobody, token, Clock.GetUtcNow(), Settings.Current.InvitationValidity,
            "seed");
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

    /// <summary>
    /// The first <paramref name="requests"/> saves wait until all of them have got there, so every request has read the
    /// state before any writes it back, as requests at the same moment do; the saves after those (the ones that decide
    /// again) go straight through.
    /// </summary>
    protected void HoldFirstSavesUntilAllHaveRead(int requests)
    {
        var arrived = 0;
        var allHaveRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Hooks.BeforeSave = async (_, cancellationToken) =>
        {
            var arrival = Interlocked.Increment(ref arrived);
            if (arrival > requests) return;
            if (arrival == requests) allHaveRead.SetResult();
            await allHaveRead.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        };
    }

    /// <summary>
    /// Sends <paramref name="message"/> from <paramref name="requests"/> requests at the same moment, all reading before
    /// any saves. Each outcome is null when that request went through, or its refusal.
    /// </summary>
    protected async Task<DomainError?[]> SendAtTheSameMomentAsync(IRequest<Unit> message, int requests)
    {
        HoldFirstSavesUntilAllHaveRead(requests);
        return await Task.WhenAll(Enumerable.Range(0, requests).Select(_ => Task.Run(async () =>
        {
            using var request = NewRequest();
            try
            {
                await request.SendAsync(message);
                return null;
            }
            catch (DomainException refused)
            {
                return refused.Error;
            }
        })));
    }

    // ---- checking, with a fresh context ----

    /// <summary>One round of housekeeping, as the maintenance lease's holder does it.</summary>
    protected async Task RunMaintenanceAsync()
    {
        using var request = NewRequest();
        var worker = request.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>()
            .OfType<Portal.Infrastructure.Persistence.MaintenanceWorker>().Single();
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldNotBeNull();
    }

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
        await db.Users.CountAsync(u => u.Id != _backOfficeSender),
        await db.Invitations.CountAsync(),
        await db.PortalAccessEvents.CountAsync(),
        await db.OutboxMessages.CountAsync()));

    protected sealed record RowCounts(int Users, int Invitations, int HistoryEntries, int OutboxMessages);
}
