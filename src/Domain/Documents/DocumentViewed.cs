using Portal.Domain.Common;

namespace Portal.Domain.Documents;

/// <summary>A customer (<see cref="ViewerContactId"/>) opened <see cref="Document"/> in the portal.</summary>
public sealed record DocumentViewed(Document Document, int ViewerContactId, DateTimeOffset OccurredAt) : IDomainEvent;
