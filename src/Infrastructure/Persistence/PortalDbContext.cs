using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Documents;
using Portal.Domain.Mail;
using Portal.Domain.Pages;
using Portal.Domain.Payments;
using Portal.Domain.PortalAccess;
using Portal.Domain.PortalAccess.Jobs;
using Portal.Domain.Security;
using Portal.Domain.Settings;
using Portal.Domain.Users;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The portal's database. Each provider has a subclass of its own (<see cref="SqlitePortalDbContext"/>,
/// <see cref="PostgresPortalDbContext"/>) only so that each keeps its own migrations; the model is this one.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactImport> ContactImports => Set<ContactImport>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<PortalUser> PortalUsers => Set<PortalUser>();
    public DbSet<InternalUser> InternalUsers => Set<InternalUser>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<PortalAccessEvent> PortalAccessEvents => Set<PortalAccessEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<InstanceHeartbeat> InstanceHeartbeats => Set<InstanceHeartbeat>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<PaymentMethod> PaymentMethods => Set<PaymentMethod>();
    public DbSet<PortalPage> Pages => Set<PortalPage>();
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();
    public DbSet<UserSession> Sessions => Set<UserSession>();
    public DbSet<ActivityEntry> ActivityEntries => Set<ActivityEntry>();
    public DbSet<PortalSettings> Settings => Set<PortalSettings>();
    public DbSet<PortalAccessJob> PortalAccessJobs => Set<PortalAccessJob>();
    public DbSet<PortalAccessJobItem> PortalAccessJobItems => Set<PortalAccessJobItem>();
    public DbSet<Portal.Domain.ApiKeys.ApiKey> ApiKeys => Set<Portal.Domain.ApiKeys.ApiKey>();
    public DbSet<Api.IdempotentResponse> IdempotentResponses => Set<Api.IdempotentResponse>();
    public DbSet<Portal.Domain.CompanyAccounts.ColleagueRequest> ColleagueRequests => Set<Portal.Domain.CompanyAccounts.ColleagueRequest>();
    public DbSet<Portal.Domain.Webhooks.Webhook> Webhooks => Set<Portal.Domain.Webhooks.Webhook>();
    public DbSet<Portal.Domain.Webhooks.WebhookDelivery> WebhookDeliveries => Set<Portal.Domain.Webhooks.WebhookDelivery>();
    public DbSet<Portal.Domain.Adoption.DailyDigestRun> DailyDigestRuns => Set<Portal.Domain.Adoption.DailyDigestRun>();
    public DbSet<Portal.Domain.Adoption.CustomerSignInWeek> CustomerSignInWeeks => Set<Portal.Domain.Adoption.CustomerSignInWeek>();

    /// <summary>
    /// A save that changes an outbox mail's status changes its invitation's copy of it in the same transaction
    /// (<see cref="InvitationMailStatuses"/>), and a save that records a customer's sign-in keeps its week
    /// (<see cref="SignInWeeks"/>), whoever saves it: the dispatcher, a retry, a sign-in, a test.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var mailChanges = InvitationMailStatuses.Pending(ChangeTracker);
        var signInWeeks = SignInWeeks.Pending(ChangeTracker);
        if (mailChanges.Count == 0 && signInWeeks.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await InvitationMailStatuses.KeepAsync(this, mailChanges, cancellationToken);
        await SignInWeeks.KeepAsync(this, signInWeeks, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        InvitationMailStatuses.Pending(ChangeTracker).Count == 0 && SignInWeeks.Pending(ChangeTracker).Count == 0
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new InvalidOperationException("A change of an outbox mail's status or a sign-in is saved with SaveChangesAsync.");

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Events live in memory until the unit of work dispatches them; they are never stored.
        configurationBuilder.IgnoreAny<IReadOnlyCollection<IDomainEvent>>();
        if (Database.IsSqlite())
        {
            // SQLite has no date type that sorts or compares; UTC ticks as an integer do both.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            // SQLite stores decimals as text, which neither sorts nor sums as numbers; ten-thousandths as an integer do both.
            configurationBuilder.Properties<decimal>().HaveConversion<FixedPointConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        Mail.OutboxSequence.Configure(modelBuilder, Database.IsNpgsql());
        if (Database.IsSqlite())
        {
            // A broad search tests the rows of the name order one by one until a page is full (ListContacts): with both
            // search texts in the name index, SQLite tests each row there and seeks in the table for the page's rows alone,
            // not for every row it tests. (PostgreSQL reads the row to test it either way, and limits an index entry's size.)
            var contact = modelBuilder.Entity<Contact>();
            var byName = contact.Metadata.FindIndex([
                contact.Metadata.FindProperty(nameof(Contact.Name))!, contact.Metadata.FindProperty(nameof(Contact.Id))!])!;
            contact.Metadata.RemoveIndex(byName);
            contact.HasIndex(nameof(Contact.Name), nameof(Contact.Id), nameof(Contact.SearchText), CompanySearchTextSql.Column);
        }
        if (Database.IsNpgsql())
        {
            // Byte order, as SQLite compares: a prefix search is then a plain range on the B-tree index, whatever the
            // database's locale (a linguistic collation ignores punctuation and would let other rows into the range).
            modelBuilder.Entity<Contact>().Property(c => c.SearchText).UseCollation(ContactSearchSql.PostgresCollation);
            modelBuilder.Entity<Contact>().Property<string>(CompanySearchTextSql.Column).UseCollation(ContactSearchSql.PostgresCollation);
            // A customer seeing their own and their company's documents gets the two ranges merged in memory, ordinally:
            // the database must order numbers the same way.
            modelBuilder.Entity<Document>().Property(d => d.Number).UseCollation(ContactSearchSql.PostgresCollation);
        }
    }

    private sealed class FixedPointConverter() : ValueConverter<decimal, long>(
        value => (long)decimal.Round(value * 10_000m, MidpointRounding.AwayFromZero),
        stored => stored / 10_000m);

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
