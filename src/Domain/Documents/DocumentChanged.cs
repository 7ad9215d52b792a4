using Portal.Domain.Activity;

namespace Portal.Domain.Documents;

/// <summary>
/// Staff or an API key created, revised, moved or re-filed a document: the contact's activity says who touched which of their
/// documents. The document is named by kind and number as they were at that moment; <see cref="Detail"/> is what changed
/// ("Sent>Paid", "Number,Lines", the PDF's file name), language-neutral.
/// </summary>
public sealed record DocumentChanged(
    int ContactId,
    DocumentKind DocumentKind,
    string Number,
    ActivityKind Kind,
    string? Detail,
    string Actor,
    DateTimeOffset OccurredAt) : IRecordedActivity
{
    public ActivityEntry ToActivity(int? actorUserId) =>
        ActivityEntry.ForDocument(Kind, OccurredAt, actorUserId, Actor, ContactId, DocumentKind, Number, Detail);
}
