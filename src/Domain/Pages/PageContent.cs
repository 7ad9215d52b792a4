namespace Portal.Domain.Pages;

/// <summary>What the back office writes on a page, as one value so that creating and editing check it the same way.</summary>
public sealed record PageContent(
    PortalPageKind Kind,
    string Title,
    string Slug,
    string Language,
    string BodyMarkdown,
    DateOnly? PublishedOn = null);
