using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Portal.Domain.Activity;
using Portal.Domain.Adoption;
using Portal.Domain.Contacts;
using Portal.Domain.Documents;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.Domain.Settings;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Bench.Seed;

/// <summary>
/// Writes the rows straight into the tables the product's migrations created, in the product's storage formats
/// (instants as UTC ticks, money as ten-thousandths, dates as ISO text). The contacts' search text is the domain's own
/// normalisation, so the app starts without filling any in; the search index follows by its triggers.
/// </summary>
internal sealed class Seeder(SqliteConnection connection, SeedOptions options, string customerPasswordHash)
{
    private const int PeoplePerCompany = 10;
    private readonly SampleData _data = new(seed: 14);
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private readonly List<(int Id, string Name, string Email)> _people = [];
    private int _benchCompanyId;

    public IReadOnlyDictionary<string, int> Run()
    {
        // A throwaway database: no fsync, and a cache big enough that the random-keyed indexes stay in memory.
        Execute("PRAGMA synchronous = OFF");
        Execute("PRAGMA cache_size = -262144");
        // Staff two-factor is required for administrators by default; the bench admin signs in with a password only.
        Execute($"UPDATE \"Settings\" SET \"RequireStaffTwoFactor\" = {(int)StaffTwoFactorRequirement.Off}");
        var counts = new Dictionary<string, int> { ["contacts"] = SeedContacts(), ["portal users"] = SeedPortalUsers() };
        if (options.History > 0)
        {
            var adminId = Scalar($"SELECT \"Id\" FROM \"Users\" WHERE \"Kind\" = {(int)UserKind.Internal} ORDER BY \"Id\" LIMIT 1");
            counts["activity entries"] = SeedActivity(adminId);
            counts["outbox mails"] = SeedOutbox();
            counts["documents"] = SeedDocuments();
        }
        return counts;
    }

    private int SeedContacts()
    {
        var id = Scalar("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Contacts\"");
        using var insert = new BatchedInsert(connection, "Contacts",
            "Id", "Kind", "Name", "Email", "Phone", "Street", "PostalCode", "City", "CountryCode", "VatNumber", "CompanyName",
            "PreferredLanguage", "CompanyId", "CreatedAt", "UpdatedAt", "SearchText");

        int? company = null;
        void Add(ContactKind kind, string name, string? email, int? companyId, string? ownCompany)
        {
            id++;
            var place = _data.Place();
            var created = Ago(days: _data.Next(3 * 365));
            var language = place.Country is "DE" or "AT" or "CH" ? "de" : "en";
            insert.Add(id, (int)kind, name, email, _data.Chance(0.7) ? _data.Phone() : null, $"{place.Street} {1 + _data.Next(120)}",
                place.PostalCode, place.City, place.Country, kind == ContactKind.Company ? $"{place.Country}{100_000_000 + id}" : null,
                ownCompany, language, companyId, created.UtcTicks, created.UtcTicks, ContactSearchText.Of(name, email, ownCompany));
            if (kind == ContactKind.Person && email is not null) _people.Add((id, name, email));
        }

        // The bench customer, whose /my and /my/documents are measured, sees the documents of its company.
        Add(ContactKind.Company, "Müller & Größer GmbH", "info@mueller-groesser.example", null, null);
        _benchCompanyId = id;
        Add(ContactKind.Person, "Zoë Größer", options.CustomerLogin, _benchCompanyId, null);

        while (insert.Rows < options.Contacts)
        {
            if (insert.Rows % (PeoplePerCompany + 1) == 0)
            {
                var name = _data.CompanyName();
                Add(ContactKind.Company, name, _data.Chance(0.9) ? $"info.{id + 1}@{SampleData.Slug(name).Replace("&", "")}.example" : null,
                    null, null);
                company = id;
                continue;
            }
            var person = _data.PersonName();
            var linked = _data.Chance(0.8);
            Add(ContactKind.Person, person, _data.Chance(0.88) ? _data.Email(person, id + 1) : null, linked ? company : null,
                !linked && _data.Chance(0.3) ? _data.CompanyName() : null);
        }
        return insert.Rows;
    }

    /// <summary>
    /// About 30% of all contacts have portal access: invited, active or revoked, each with its invitation link and the outbox
    /// mail that carried it (mostly sent, some failed, some waiting), granted over the last year. Active customers accepted
    /// within a few days and signed in now and then over the last twelve weeks (each week kept once per customer, as the app
    /// keeps it); one in fifty is locked out. Everyone who has set a password shares the bench customer's hash: hashing
    /// thousands at the product's iteration count takes minutes.
    /// </summary>
    private int SeedPortalUsers()
    {
        var userId = Scalar("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Users\"");
        var share = Math.Min(1.0, 0.3 * options.Contacts / Math.Max(1, _people.Count));
        var invitations = new List<object?[]>();
        var mails = new List<object?[]>();
        var signIns = new List<object?[]>();
        using (var users = new BatchedInsert(connection, "Users",
            "Id", "Kind", "Login", "PasswordHash", "SecurityStamp", "FailedSignInCount", "MustChangePassword", "Version", "ContactId",
            "AccessState", "LastSignInAt", "LockoutEndsAt", "GrantedAt", "AcceptedAt", "TimeToAccept", "InvitationDeliveredAt"))
        {
            foreach (var (contactId, name, email) in _people)
            {
                var bench = email == options.CustomerLogin;
                if (!bench && !_data.Chance(share)) continue;
                var state = bench ? PortalAccessState.Active : _data.Next(10) switch
                {
                    < 4 => PortalAccessState.Invited,
                    < 9 => PortalAccessState.Active,
                    _ => PortalAccessState.Revoked,
                };
                var invited = Ago(minutes: _data.Next(365 * 24 * 60));
                var accepted = state == PortalAccessState.Active ? invited + TimeSpan.FromMinutes(10 + _data.Next(5 * 24 * 60)) : (DateTimeOffset?)null;
                if (accepted > _now) accepted = _now;
                DateTimeOffset? lastSignIn = null;
                if (accepted is { } acceptedAt)
                {
                    lastSignIn = acceptedAt;
                    signIns.Add([userId + 1, (int)SecurityEventKind.SignedIn, acceptedAt.UtcTicks, "203.0.113.7"]);
                    for (var visit = _data.Next(4); visit > 0; visit--)
                    {
                        var at = Ago(minutes: _data.Next(84 * 24 * 60));
                        if (at <= acceptedAt) continue;
                        signIns.Add([userId + 1, (int)SecurityEventKind.SignedIn, at.UtcTicks, "203.0.113.7"]);
                        if (at > lastSignIn) lastSignIn = at;
                    }
                }
                var lockedOut = state == PortalAccessState.Active && !bench && _data.Next(50) == 0;
                var mailId = Guid.NewGuid().ToString().ToUpperInvariant();
                var status = _data.Next(10) switch { < 8 => OutboxStatus.Sent, 8 => OutboxStatus.Failed, _ => OutboxStatus.Pending };
                if (accepted is not null) status = OutboxStatus.Sent;
                userId++;
                users.Add(userId, (int)UserKind.Portal, email, state == PortalAccessState.Invited ? null : customerPasswordHash,
                    Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), 0, 0, 1, contactId, (int)state, lastSignIn?.UtcTicks,
                    lockedOut ? _now.AddDays(365).UtcTicks : null, invited.UtcTicks, accepted?.UtcTicks, (accepted - invited)?.Ticks,
                    status == OutboxStatus.Sent ? invited.AddSeconds(2).UtcTicks : null);
                var text = $"Hello {name},\n\nyou have been invited to the customer portal.\n";
                mails.Add([mailId, email, name, "Your access to the customer portal", $"<p>{text}</p>", text, (int)status,
                    status == OutboxStatus.Sent ? 1 : 3, invited.UtcTicks,
                    (status == OutboxStatus.Pending ? _now.AddDays(365) : invited).UtcTicks,
                    status == OutboxStatus.Sent ? invited.AddSeconds(2).UtcTicks : null,
                    status == OutboxStatus.Failed ? "550 5.1.1 Mailbox unavailable" : null]);
                invitations.Add([userId, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), invited.UtcTicks,
                    (invited + Invitation.DefaultValidity).UtcTicks, accepted?.UtcTicks,
                    state == PortalAccessState.Revoked ? _now.UtcTicks : null, mailId, (int)status]);
            }
        }

        using (var links = new BatchedInsert(connection, "Invitations",
            "PortalUserId", "TokenHash", "CreatedAt", "ExpiresAt", "UsedAt", "VoidedAt", "MailId", "MailStatus"))
        {
            foreach (var row in invitations) links.Add(row);
        }
        using (var outbox = new BatchedInsert(connection, "OutboxMessages",
            "Id", "ToAddress", "ToName", "Subject", "HtmlBody", "TextBody", "Status", "Attempts", "CreatedAt", "NextAttemptAt", "SentAt",
            "LastError"))
        {
            foreach (var row in mails) outbox.Add(row);
        }
        using (var events = new BatchedInsert(connection, "SecurityEvents", "UserAccountId", "Kind", "OccurredAt", "IpAddress"))
        {
            foreach (var row in signIns) events.Add(row);
        }
        // Each customer's weeks with a sign-in, once each, as the app keeps them when it records a sign-in.
        using (var weeks = new BatchedInsert(connection, "CustomerSignInWeeks", "PortalUserId", "WeekStart"))
        {
            var marked = signIns
                .Select(row => ((int)row[0]!, CustomerSignInWeek.WeekOf(new DateTimeOffset((long)row[2]!, TimeSpan.Zero))))
                .Distinct();
            foreach (var (user, week) in marked) weeks.Add(user, Iso(week));
        }
        return invitations.Count;
    }

    private int SeedActivity(int adminId)
    {
        ActivityKind[] kinds =
            [ActivityKind.AccessGranted, ActivityKind.AccessReInvited, ActivityKind.InvitationAccepted, ActivityKind.AccessRevoked,
                ActivityKind.EmailChanged];
        using var insert = new BatchedInsert(connection, "ActivityEntries",
            "Kind", "OccurredAt", "ActorUserId", "ActorName", "ContactId", "SubjectName", "Detail");
        for (var i = 0; i < options.History; i++)
        {
            var (contactId, name, email) = _data.Pick(_people);
            var kind = _data.Pick(kinds);
            insert.Add((int)kind, Ago(minutes: _data.Next(2 * 365 * 24 * 60)).UtcTicks, adminId, "Bench Admin", contactId, name,
                kind == ActivityKind.EmailChanged ? email : null);
        }
        return insert.Rows;
    }

    /// <summary>
    /// Mostly sent, some failed, some waiting for a retry a year from now, so the dispatcher leaves them alone during the run.
    /// Failed mails past the keep period have empty bodies, as the maintenance worker leaves them.
    /// </summary>
    private int SeedOutbox()
    {
        using var insert = new BatchedInsert(connection, "OutboxMessages",
            "Id", "ToAddress", "ToName", "Subject", "HtmlBody", "TextBody", "Status", "Attempts", "CreatedAt", "NextAttemptAt", "SentAt",
            "LastError");
        for (var i = 0; i < options.History; i++)
        {
            var (_, name, email) = _data.Pick(_people);
            var created = Ago(minutes: _data.Next(365 * 24 * 60));
            var status = _data.Next(10) switch { < 8 => OutboxStatus.Sent, 8 => OutboxStatus.Failed, _ => OutboxStatus.Pending };
            var emptied = status == OutboxStatus.Failed && created < _now.AddDays(-30);
            var text = $"Hello {name},\n\nyou have been invited to the customer portal.\n";
            insert.Add(Guid.NewGuid().ToString().ToUpperInvariant(), email, name, "Your access to the customer portal",
                emptied ? "" : $"<p>{text}</p>", emptied ? "" : text, (int)status,
                status == OutboxStatus.Sent ? 1 : 3, created.UtcTicks,
                (status == OutboxStatus.Pending ? _now.AddDays(365) : created).UtcTicks,
                status == OutboxStatus.Sent ? created.AddSeconds(2).UtcTicks : null,
                status == OutboxStatus.Failed ? "550 5.1.1 Mailbox unavailable" : null);
        }
        return insert.Rows;
    }

    /// <summary>Every document belongs to the bench customer's company, never a draft, so the customer sees all of them.</summary>
    private int SeedDocuments()
    {
        (DocumentKind Kind, string Prefix)[] kinds =
        [
            (DocumentKind.Quotation, "QU"), (DocumentKind.SalesOrder, "SO"), (DocumentKind.Invoice, "RE"),
            (DocumentKind.CreditNote, "GS"),
        ];
        using var insert = new BatchedInsert(connection, "Documents",
            "ContactId", "Kind", "Number", "Status", "IssuedOn", "DueOn", "Currency", "NetAmount", "TaxAmount", "TotalAmount", "CreatedAt",
            "UpdatedAt");
        for (var i = 0; i < options.History; i++)
        {
            var (kind, prefix) = kinds[i % kinds.Length];
            var issued = DateOnly.FromDateTime(_now.UtcDateTime).AddDays(-_data.Next(10 * 365));
            var net = (1_000 + _data.Next(500_000)) * 100L;
            var tax = net * 19 / 100;
            insert.Add(_benchCompanyId, (int)kind, $"{prefix}-{i + 1:D7}", (int)DocumentStatus.Sent + _data.Next(4), Iso(issued),
                kind == DocumentKind.Invoice ? Iso(issued.AddDays(14)) : null, "EUR", net, tax, net + tax, _now.UtcTicks, _now.UtcTicks);
        }
        return insert.Rows;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private DateTimeOffset Ago(int days = 0, int minutes = 0) => _now.AddDays(-days).AddMinutes(-minutes);

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private int Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
