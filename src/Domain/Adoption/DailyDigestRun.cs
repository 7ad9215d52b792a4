using Portal.Domain.Common;

namespace Portal.Domain.Adoption;

/// <summary>
/// The day's digest of invitations that need attention, compiled once per day (the business's day). Its day is the key: a
/// second compilation of the same day, by another instance or after a restart, can't be stored, and so can't send its mails.
/// </summary>
public sealed class DailyDigestRun : AggregateRoot
{
    /// <summary>How many contacts each section of the mail names; its count and the list link cover the rest.</summary>
    public const int ContactsPerSection = 20;

    private DailyDigestRun() { }

    public DateOnly Day { get; private set; }
    public DateTimeOffset CompiledAt { get; private set; }
    /// <summary>How many colleagues were sent the digest: none when nobody asked for it or nothing needed attention.</summary>
    public int Recipients { get; private set; }

    /// <summary>
    /// Compiles <paramref name="day"/>'s digest from what needs attention now. Mail goes to every recipient only when at least
    /// one section has something in it.
    /// </summary>
    public static DailyDigestRun Compile(
        DateOnly day, DateTimeOffset now, IReadOnlyList<DigestRecipient> recipients, IReadOnlyList<DigestSection> sections)
    {
        var run = new DailyDigestRun { Day = day, CompiledAt = now };
        if (recipients.Count > 0 && sections.Any(s => s.Count > 0))
        {
            run.Recipients = recipients.Count;
            run.Raise(new DailyDigestCompiled(day, now, recipients, sections));
        }
        return run;
    }
}

/// <summary>What a section of the digest lists; each is one of the back office's "needs attention" filters.</summary>
public enum DigestSectionKind
{
    /// <summary>An open invitation whose mail the outbox gave up on.</summary>
    MailFailed = 1,
    /// <summary>Invited, and no link left that works.</summary>
    Expired = 2,
    /// <summary>An open invitation that ends within 48 hours.</summary>
    ExpiringSoon = 3,
}

/// <summary>A contact named in a section, with the end of the invitation the section is about.</summary>
public sealed record DigestContact(int ContactId, string Name, string? Email, DateTimeOffset? LinkEnds);

/// <summary>A section: how many contacts it covers, and the first <see cref="DailyDigestRun.ContactsPerSection"/> by name.</summary>
public sealed record DigestSection(DigestSectionKind Kind, int Count, IReadOnlyList<DigestContact> Contacts);

/// <summary>A colleague who gets the digest, in their language.</summary>
public sealed record DigestRecipient(int StaffId, string Email, string Name, string Language);

/// <summary>The day's digest is ready for its recipients; its mails go into the outbox with the run that records the day.</summary>
public sealed record DailyDigestCompiled(
    DateOnly Day, DateTimeOffset CompiledAt, IReadOnlyList<DigestRecipient> Recipients, IReadOnlyList<DigestSection> Sections)
    : IDomainEvent;
