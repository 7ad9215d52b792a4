using Portal.Domain.Common;

namespace Portal.Domain.Documents;

/// <summary>
/// When a customer first opened a document, through its page or straight from its PDF link: the moment another system hears
/// of (<see cref="DocumentViewed"/>), once per customer and document however often they open it again.
/// </summary>
public sealed class DocumentFirstView : AggregateRoot
{
    private DocumentFirstView() { }

    public int DocumentId { get; private set; }
    public int ContactId { get; private set; }
    public DateTimeOffset ViewedAt { get; private set; }

    public static DocumentFirstView Record(Document document, int viewerContactId, DateTimeOffset now)
    {
        var view = new DocumentFirstView { DocumentId = document.Id, ContactId = viewerContactId, ViewedAt = now };
        view.Raise(new DocumentViewed(document, viewerContactId, now));
        return view;
    }
}
