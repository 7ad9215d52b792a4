using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Documents;
using Portal.Domain.Users;

namespace Portal.Domain.Activity;

/// <summary>
/// One line of the back-office activity list: what happened, to whom, when, and which staff member (or
/// customer) did it. Written in the same transaction as the change itself, never edited afterwards.
/// </summary>
public sealed class ActivityEntry : ISideEffectRecord
{
    public const int NameMaxLength = 254;
    public const int DetailMaxLength = 500;

    private ActivityEntry() { }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public ActivityKind Kind { get; private set; }
    /// <summary>The staff member who did it; null for the customer themselves or the system.</summary>
    public int? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    /// <summary>Staff (or the system), or a customer acting for their company: the list shows "(customer)" after the name.</summary>
    public ActivityActorKind ActorKind { get; private set; }
    public int? ContactId { get; private set; }
    /// <summary>The contact it was about, set for contacts created by the same change (their id is known only once saved).</summary>
    public Contact? Contact { get; private set; }
    public int? StaffUserId { get; private set; }
    /// <summary>The colleague a staff change was about (set for new colleagues, whose id is known only once saved).</summary>
    public InternalUser? Staff { get; private set; }
    /// <summary>Whom it was about, as it was called at that moment.</summary>
    public string SubjectName { get; private set; } = "";
    /// <summary>
    /// A language-neutral detail (a role change "PortalManager>ReadOnly", the settings that changed) the page translates.
    /// </summary>
    public string? Detail { get; private set; }

    private ActivityEntry(
        ActivityKind kind,
        DateTimeOffset occurredAt,
        int? actorUserId,
        string actorName,
        string subjectName,
        string? detail)
    {
        Kind = kind;
        OccurredAt = occurredAt;
        ActorUserId = actorUserId;
        ActorName = Clip(actorName, NameMaxLength);
        SubjectName = Clip(subjectName, NameMaxLength);
        Detail = detail is null ? null : Clip(detail, DetailMaxLength);
    }

    public static ActivityEntry ForContact(
        ActivityKind kind,
        DateTimeOffset occurredAt,
        int? actorUserId,
        string actorName,
        int contactId,
        string subjectName,
        string? detail = null,
        ActivityActorKind actorKind = ActivityActorKind.Staff) =>
        new(kind, occurredAt, actorUserId, actorName, subjectName, detail) { ContactId = contactId, ActorKind = actorKind };

    /// <summary>Like <see cref="ForContact"/>, for a contact the same change creates.</summary>
    public static ActivityEntry ForNewContact(
        ActivityKind kind,
        DateTimeOffset occurredAt,
        int? actorUserId,
        string actorName,
        Contact contact,
        string subjectName,
        ActivityActorKind actorKind = ActivityActorKind.Staff) =>
        new(kind, occurredAt, actorUserId, actorName, subjectName, null) { Contact = contact, ActorKind = actorKind };

    /// <summary>
    /// Marks who the actor is (a customer, an API key); the unit of work knows who sent the change, the domain event does not.
    /// A staff sender leaves the kind the event gave.
    /// </summary>
    public ActivityEntry By(ActivityActorKind kind)
    {
        if (kind != ActivityActorKind.Staff) ActorKind = kind;
        return this;
    }

    public static ActivityEntry ForStaff(
        ActivityKind kind,
        DateTimeOffset occurredAt,
        int? actorUserId,
        string actorName,
        InternalUser staff,
        string? detail) =>
        new(kind, occurredAt, actorUserId, actorName, $"{staff.DisplayName} <{staff.Login}>", detail)
        {
            Staff = staff,
            StaffUserId = staff.Id == 0 ? null : staff.Id,
        };

    public static ActivityEntry ForSettings(DateTimeOffset occurredAt, int? actorUserId, string actorName, string detail) =>
        new(ActivityKind.SettingsChanged, occurredAt, actorUserId, actorName, "", detail);

    /// <summary>A change to many contacts at once (an import), named by what it worked on, with its totals as the detail.</summary>
    public static ActivityEntry ForMany(
        ActivityKind kind, DateTimeOffset occurredAt, int? actorUserId, string actorName, string subjectName, string detail) =>
        new(kind, occurredAt, actorUserId, actorName, subjectName, detail);

    /// <summary>A webhook created, changed or deleted, named by its host; the detail names what changed ("Url,Events,Disabled").</summary>
    public static ActivityEntry ForWebhook(
        ActivityKind kind, DateTimeOffset occurredAt, int? actorUserId, string actorName, string host, string? detail) =>
        new(kind, occurredAt, actorUserId, actorName, host, detail);

    /// <summary>
    /// A change to one of a contact's documents, named by its number; the detail starts with the document's kind ("Invoice" or
    /// "Invoice:Sent>Paid"), so the list can say "Invoice RE-1" in the reader's language. The number goes in the subject because
    /// it may hold any character, and the contact search finds the entry by it.
    /// </summary>
    public static ActivityEntry ForDocument(
        ActivityKind kind,
        DateTimeOffset occurredAt,
        int? actorUserId,
        string actorName,
        int contactId,
        DocumentKind documentKind,
        string number,
        string? change) =>
        new(kind, occurredAt, actorUserId, actorName, number, change is null ? documentKind.ToString() : $"{documentKind}:{change}")
        {
            ContactId = contactId,
        };

    /// <summary>A bulk access job; its detail is "Kind:done/refused/total", which the page translates.</summary>
    public static ActivityEntry ForJob(DateTimeOffset occurredAt, int? actorUserId, string actorName, string selection, string detail,
        bool cancelled = false) =>
        new(cancelled ? ActivityKind.PortalAccessJobCancelled : ActivityKind.PortalAccessJobCompleted, occurredAt, actorUserId,
            actorName, selection, detail);

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
