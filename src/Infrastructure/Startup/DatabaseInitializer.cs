using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Contacts;
using Portal.Domain.Users;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Startup;

/// <summary>
/// Every start: applies the migrations not applied yet and fills in contacts' search text where it is missing; on the first
/// start also creates the first administrator, and in Development adds demo contacts.
/// </summary>
public sealed class DatabaseInitializer(
    PortalDbContext db,
    IPasswordHasher hasher,
    IOptions<AdministratorOptions> admin,
    IOptions<BrandingOptions> branding,
    IOptions<Portal.Application.PortalAccess.InvitationOptions> invitations,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool seedDemoContacts, CancellationToken cancellationToken)
    {
        // Migrating also compares the model with the last migration's snapshot, which builds both models and loads EF Core's
        // whole differ (4 MB that stays); that check is a test's job (MigrationTests). Reading the history table is enough
        // to know there is nothing to apply.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()) await db.Database.MigrateAsync(cancellationToken);
        await FillMissingSearchTextAsync(cancellationToken);
        await EnsureAdministratorAsync(cancellationToken);
        await EnsureSettingsAsync(cancellationToken);
        if (seedDemoContacts) await SeedDemoContactsAsync(cancellationToken);
    }

    /// <summary>
    /// Contacts that never went through the aggregate (rows from before the search, bulk inserts by plain SQL) have an empty
    /// search text; finding them is one look into the index on it. Walks by id, so a text that folds to nothing is passed once.
    /// </summary>
    private async Task FillMissingSearchTextAsync(CancellationToken cancellationToken)
    {
        const int batchSize = 1000;
        var after = 0;
        var filled = 0;
        while (true)
        {
            var batch = await db.Contacts.AsNoTracking().Where(c => c.SearchText == "" && c.Id > after).OrderBy(c => c.Id)
                .Take(batchSize).Select(c => new { c.Id, c.Name, c.Email, c.CompanyName }).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            // One statement per batch: a tracked save would send a statement per row, ten times slower at 100,000 rows.
            var values = batch.SelectMany(c => new object[] { c.Id, ContactSearchText.Of(c.Name, c.Email, c.CompanyName) }).ToArray();
            await db.Database.ExecuteSqlRawAsync(ContactSearchSql.SetSearchTexts(batch.Count), values, cancellationToken);
            after = batch[^1].Id;
            filled += batch.Count;
        }
        if (filled > 0) logger.LogInformation("Search text filled in for {Count} contacts.", filled);
    }

    private async Task EnsureAdministratorAsync(CancellationToken cancellationToken)
    {
        if (await db.InternalUsers.AnyAsync(cancellationToken)) return;

        var email = admin.Value.Email;
        var generated = string.IsNullOrWhiteSpace(admin.Value.Password);
        var password = generated ? WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(18)) : admin.Value.Password!;
        if (!generated) await RefuseWeakPasswordAsync(password, cancellationToken);
        var administrator = InternalUser.Create(email, admin.Value.Name);
        if (generated)
            administrator.SetGeneratedPassword(hasher.Hash(administrator, password));
        else
            administrator.SetPassword(hasher.Hash(administrator, password));
        db.InternalUsers.Add(administrator);
        await db.SaveChangesAsync(cancellationToken);

        var signIn = $"{branding.Value.PublicBaseUrl.TrimEnd('/')}{PortalRoutes.Account.SignIn}";
        if (generated)
        {
            // Shown once: only the hash is stored, so this is the one moment the password can be read.
            Console.WriteLine();
            Console.WriteLine("==================================================================");
            Console.WriteLine($" Administrator created. Sign in at {signIn}");
            Console.WriteLine($"   E-mail:   {administrator.Login}");
            Console.WriteLine($"   Password: {password}");
            Console.WriteLine(" This password is shown only now; you choose your own at the first sign-in,");
            Console.WriteLine(" then set up two-factor sign-in with an authenticator app (Settings -> Security decides who must).");
            Console.WriteLine("==================================================================");
            Console.WriteLine();
        }
        else
        {
            logger.LogInformation("Administrator {Email} created from configuration; sign in at {SignIn}.", administrator.Login, signIn);
        }
    }

    /// <summary>
    /// A configured first password follows the same policy as every other: a weak one stops the start, naming the setting.
    /// </summary>
    private async Task RefuseWeakPasswordAsync(string password, CancellationToken cancellationToken)
    {
        var minimum = await db.Settings.AsNoTracking().Select(s => (int?)s.PasswordMinLength).FirstOrDefaultAsync(cancellationToken)
            ?? PasswordPolicy.MinLength;
        if (PasswordPolicy.ProblemWith(password, minimum, admin.Value.Email, admin.Value.Name) is { } problem)
        {
            throw new InvalidOperationException(
                $"The administrator password in {AdministratorOptions.Section}:{nameof(AdministratorOptions.Password)} does not meet "
                + $"the password policy: {problem} Choose another one, or leave it empty to have one generated.");
        }
    }

    private async Task EnsureSettingsAsync(CancellationToken cancellationToken)
    {
        if (await db.Settings.AnyAsync(cancellationToken)) return;
        db.Settings.Add(Portal.Infrastructure.Settings.CachedPortalSettings.Defaults(branding.Value, invitations.Value));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment wrote the row first: that one is as good.
            db.ChangeTracker.Clear();
            if (!await db.Settings.AsNoTracking().AnyAsync(cancellationToken)) throw;
        }
    }

    private async Task SeedDemoContactsAsync(CancellationToken cancellationToken)
    {
        if (await db.Contacts.AnyAsync(cancellationToken)) return;
        var now = clock.GetUtcNow();

        var alpine = Contact.CreateCompany(
            new ContactDetails("Alpine Outfitters GmbH", "+49 89 1234560", "Leopoldstraße 12", "80802", "München", "DE", "DE123456789",
                PreferredLanguage: "de"),
            "info@alpine-outfitters.example", now);
        var harbor = Contact.CreateCompany(
            new ContactDetails("Harbor Coffee Ltd", "+44 20 7946 0000", "12 Wharf Road", "N1 7GR", "London", "GB", "GB123456789"),
            "hello@harbor-coffee.example", now);
        db.Contacts.AddRange(alpine, harbor);
        db.Contacts.AddRange(
            Contact.CreatePerson(
                new ContactDetails("Anna Berger", "+49 89 1234561", "Leopoldstraße 12", "80802", "München", "DE",
                    PreferredLanguage: "de"),
                "anna.berger@alpine-outfitters.example", alpine, now),
            Contact.CreatePerson(
                new ContactDetails("Lukas Huber", "+49 89 1234562", "Leopoldstraße 12", "80802", "München", "DE",
                    PreferredLanguage: "de"),
                "lukas.huber@alpine-outfitters.example", alpine, now),
            Contact.CreatePerson(
                new ContactDetails("Emma Clarke", "+44 20 7946 0001", "12 Wharf Road", "N1 7GR", "London", "GB"),
                "emma.clarke@harbor-coffee.example", harbor, now),
            Contact.CreatePerson(
                new ContactDetails("Jonas Weber", "+49 30 5550100", "Torstraße 5", "10119", "Berlin", "DE",
                    CompanyName: "Weber Design", PreferredLanguage: "de"),
                "jonas@weber-design.example", null, now),
            Contact.CreatePerson(
                new ContactDetails("Sophie Martin", null, "8 Rue de la Paix", "75002", "Paris", "FR"),
                "sophie.martin@example", null, now));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo contacts added (Development).");
    }
}
