namespace Portal.Domain.Pages;

/// <summary>
/// A page of the site: public, for signed-in portal users only, or a draft. Written in Markdown by the back
/// office; what visitors see is the sanitised HTML rendered from it. A blog post also has a publication date.
/// </summary>
public sealed class PortalPage
{
    public const int TitleMaxLength = 200;
    public const int SlugMaxLength = 100;

    private PortalPage() { }

    public int Id { get; private set; }
    public PortalPageKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string Language { get; private set; } = "en";
    public PageVisibility Visibility { get; private set; }
    public string BodyMarkdown { get; private set; } = "";
    /// <summary>Rendered from <see cref="BodyMarkdown"/> with raw HTML disabled and then sanitised.</summary>
    public string BodyHtml { get; private set; } = "";
    /// <summary>Blog posts: the publication date that orders /blog, newest first.</summary>
    public DateOnly? PublishedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
}

public enum PortalPageKind
{
    Page = 1,
    BlogPost = 2,
}

public enum PageVisibility
{
    Draft = 0,
    Public = 1,
    PortalUsers = 2,
}
