using Ardalis.Specification;
using Mediator;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Adoption;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.Adoption;

public sealed class DailyDigestOptions
{
    public const string Section = "Portal:Digest";

    /// <summary>The hour of the business's day (0–23) from which the digest goes out. Default 7.</summary>
    public int Hour { get; set; } = 7;

    /// <summary>
    /// The business's time zone (an IANA id such as "Europe/Berlin"): its day and hour are the digest's. The portal settings
    /// have none, so the default is UTC.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How often an instance checks whether the digest is due. Default 5 minutes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    public DailyDigestSchedule Schedule() => new(Hour, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));

    public static bool IsValid(DailyDigestOptions options) =>
        options.Hour is >= 0 and <= 23 && options.Interval > TimeSpan.Zero
        && TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _);
}

/// <summary>
/// Compiles the day's digest once it is due and hands it to every colleague who asked for it: the lists are read once, the
/// run that records the day and one mail per recipient are stored together. Two instances, or one restarted, that compile the
/// same day clash on the day's key, and the one that comes second stores nothing.
/// </summary>
public sealed class DailyDigests(
    IRepository<DailyDigestRun> runs,
    IReadRepository<InternalUser> staff,
    IReadRepository<Contact> contacts,
    IContactSearch search,
    AccessConditions conditions,
    IUnitOfWork unitOfWork,
    IOptions<DailyDigestOptions> options,
    TimeProvider clock)
{
    /// <summary>The sections in the order the mail shows them, with the contacts-list filter behind each.</summary>
    public static readonly IReadOnlyList<(DigestSectionKind Kind, AccessFilter Filter)> Sections =
    [
        (DigestSectionKind.MailFailed, AccessFilter.InvitationMailFailed),
        (DigestSectionKind.Expired, AccessFilter.InvitationExpired),
        (DigestSectionKind.ExpiringSoon, AccessFilter.InvitationExpiringSoon),
    ];

    public static AccessFilter FilterOf(DigestSectionKind kind) => Sections.Single(s => s.Kind == kind).Filter;

    /// <summary>
    /// Sends the day's digest if it is due and not yet sent: returns how many colleagues it went to (0 when nobody asked for
    /// it or nothing needs attention; the day counts as done either way), or null when nothing was due.
    /// </summary>
    public async Task<int?> SendIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var schedule = options.Value.Schedule();
        var lastDay = await runs.FirstOrDefaultAsync(new LastDigestDaySpec(), cancellationToken);
        if (schedule.DueDay(now, lastDay == default ? null : lastDay) is not { } day) return null;

        var recipients = await staff.ListAsync(new DigestRecipientsSpec(), cancellationToken);
        var sections = recipients.Count == 0 ? [] : await CompileSectionsAsync(now, cancellationToken);
        var run = DailyDigestRun.Compile(day, now, recipients, sections);
        await runs.AddAsync(run, cancellationToken);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // Another instance stored the day first: its mails are the day's.
            unitOfWork.DiscardChanges();
            return null;
        }
        return run.Recipients;
    }

    private async Task<List<DigestSection>> CompileSectionsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sections = new List<DigestSection>();
        foreach (var (kind, filter) in Sections)
        {
            // The contacts list's own selection, as on the dashboard: the mail, the dashboard and the list agree.
            var selection = new ContactSelection(null, filter);
            var count = await contacts.CountAsync(new MatchingContactIdsSpec(selection, search, conditions), cancellationToken);
            var rows = count == 0 ? []
                : await contacts.ListAsync(new DigestContactRowsSpec(selection, search, conditions), cancellationToken);
            sections.Add(new DigestSection(kind, count, rows.Select(r => r.ToContact(kind, now)).ToList()));
        }
        return sections;
    }
}

/// <summary>A contact of a section as read, with the ends of its invitations to pick the one the section is about.</summary>
public sealed record DigestContactRow(int Id, string Name, string? Email, IReadOnlyList<DigestInvitationEnd> Invitations)
{
    public DigestContact ToContact(DigestSectionKind kind, DateTimeOffset now)
    {
        var open = Invitations.Where(i => i.Open).Select(i => (DateTimeOffset?)i.ExpiresAt).ToList();
        var ends = kind switch
        {
            // The link that runs out first is the one to act on.
            DigestSectionKind.ExpiringSoon => open.Where(e => e > now).Min(),
            DigestSectionKind.MailFailed => open.Max(),
            _ => Invitations.Select(i => (DateTimeOffset?)i.ExpiresAt).Max(),
        };
        return new DigestContact(Id, Name, Email, ends);
    }
}

public sealed record DigestInvitationEnd(DateTimeOffset ExpiresAt, bool Open);

/// <summary>The first contacts of a "needs attention" filter by name, as the digest names them.</summary>
public sealed class DigestContactRowsSpec : Specification<Contact, DigestContactRow>
{
    public DigestContactRowsSpec(ContactSelection selection, IContactSearch search, AccessConditions conditions)
    {
        Query.AsNoTracking();
        ContactSelection.Apply(Query, selection, search, conditions);
        Query.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(DailyDigestRun.ContactsPerSection);
        Query.Select(c => new DigestContactRow(c.Id, c.Name, c.Email,
            c.PortalUser!.Invitations.Select(i => new DigestInvitationEnd(i.ExpiresAt, i.UsedAt == null && i.VoidedAt == null)).ToList()));
    }
}

/// <summary>The day of the latest digest run.</summary>
public sealed class LastDigestDaySpec : Specification<DailyDigestRun, DateOnly>
{
    public LastDigestDaySpec()
    {
        Query.AsNoTracking().OrderByDescending(r => r.Day).Take(1);
        Query.Select(r => r.Day);
    }
}

/// <summary>Colleagues who asked for the digest and may have it now: a role that re-invites, and able to sign in.</summary>
public sealed class DigestRecipientsSpec : Specification<InternalUser, DigestRecipient>
{
    public DigestRecipientsSpec()
    {
        Query.AsNoTracking()
            .Where(u => u.DailyDigest && u.DeactivatedAt == null && u.PasswordHash != null
                && (u.Role == StaffRole.Administrator || u.Role == StaffRole.PortalManager))
            .OrderBy(u => u.Id);
        Query.Select(u => new DigestRecipient(u.Id, u.Login, u.DisplayName, u.Language ?? InternalUser.DefaultLanguage));
    }
}

public sealed record DailyDigestMailContent(DigestRecipient Recipient, DateOnly Day, IReadOnlyList<DigestSection> Sections);

public interface IDailyDigestMailComposer
{
    /// <summary>Renders one colleague's digest in their language, with the portal settings' current branding.</summary>
    ValueTask<OutboxMessage> ComposeAsync(DailyDigestMailContent content, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>One digest mail per recipient, in the transaction that records the day.</summary>
public sealed class SendDailyDigestMails(IRecordWriter<OutboxMessage> outbox, IDailyDigestMailComposer mails)
    : INotificationHandler<DailyDigestCompiled>
{
    public async ValueTask Handle(DailyDigestCompiled notification, CancellationToken cancellationToken)
    {
        foreach (var recipient in notification.Recipients)
            outbox.Append(await mails.ComposeAsync(new(recipient, notification.Day, notification.Sections), notification.CompiledAt,
                cancellationToken));
    }
}
