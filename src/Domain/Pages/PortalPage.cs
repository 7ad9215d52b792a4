using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Portal.Domain.Common;

namespace Portal.Domain.Pages;

/// <summary>
/// A page of the site: public, for signed-in portal users only, or a draft. Written in Markdown by the back
/// office; what visitors see is the sanitised HTML rendered from it. A blog post also has a publication date.
/// A new page is a draft until it is published.
/// </summary>
public sealed partial class PortalPage : AggregateRoot
{
    public const int TitleMaxLength = 200;
    public const int SlugMaxLength = 100;
    public static readonly IReadOnlyList<string> Languages = ["en", "de"];

    /// <summary>
    /// Names the site uses for its own sections. A page called like one would read, in links and menus, as if it
    /// were that section; these names stay the site's.
    /// </summary>
    public static readonly IReadOnlyList<string> ReservedSlugs =
    [
        "admin", "my", "account", "blog", "pages", "invitation", "language", "status",
        "error", "health", "new", "edit", "lib", "css", "js",
    ];

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
    /// <summary>
    /// The renderer and sanitiser settings <see cref="BodyHtml"/> was made with; when they change, the HTML is made again
    /// from the Markdown (<see cref="RenderAgain"/>), so a tightened sanitiser reaches pages written before it.
    /// </summary>
    public string RenderedWith { get; private set; } = "";
    /// <summary>
    /// Blog posts: the publication date that orders /blog, newest first. A published post with a date still ahead is
    /// scheduled: nobody reads it on the site before that day.
    /// </summary>
    public DateOnly? PublishedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public bool IsPublished => Visibility != PageVisibility.Draft;

    /// <summary>Whether the page's date lets readers see it on <paramref name="today"/>; a page without a date always does.</summary>
    public static Expression<Func<PortalPage, bool>> DueOn(DateOnly today) => p => p.PublishedOn == null || p.PublishedOn <= today;

    /// <summary>Published, but its publication date is still ahead: the site shows it from that day.</summary>
    public bool IsScheduledOn(DateOnly today) => IsPublished && PublishedOn > today;

    /// <summary>
    /// A new draft. <paramref name="safeBodyHtml"/> is <see cref="PageContent.BodyMarkdown"/> rendered and sanitised with the
    /// settings <paramref name="renderedWith"/> names.
    /// </summary>
    public static PortalPage Create(PageContent content, string safeBodyHtml, string renderedWith, DateTimeOffset now, string createdBy)
    {
        var page = new PortalPage { Visibility = PageVisibility.Draft, CreatedAt = now };
        page.Edit(content, safeBodyHtml, renderedWith, now, createdBy);
        return page;
    }

    /// <summary>Changes what the page says and where it lives; who may read it stays as it is.</summary>
    public void Edit(PageContent content, string safeBodyHtml, string renderedWith, DateTimeOffset now, string editedBy)
    {
        var title = content.Title?.Trim() ?? "";
        if (title.Length == 0) throw new DomainException(DomainErrors.PageTitleRequired);
        if (title.Length > TitleMaxLength) throw new DomainException(DomainErrors.PageTitleTooLong);
        var slug = NormalizeSlug(content.Slug);
        if (!IsWellFormedSlug(slug)) throw new DomainException(DomainErrors.PageSlugInvalid);
        if (IsReservedSlug(slug)) throw new DomainException(DomainErrors.PageSlugReserved);
        if (!Enum.IsDefined(content.Kind)) throw new DomainException(DomainErrors.PageKindInvalid);
        if (!Languages.Contains(content.Language)) throw new DomainException(DomainErrors.PageLanguageInvalid);
        if (content.Kind == PortalPageKind.BlogPost && content.PublishedOn is null)
            throw new DomainException(DomainErrors.BlogPostNeedsPublicationDate);

        Kind = content.Kind;
        Title = title;
        Slug = slug;
        Language = content.Language;
        BodyMarkdown = content.BodyMarkdown ?? "";
        BodyHtml = safeBodyHtml;
        RenderedWith = renderedWith;
        // Only blog posts are ordered by date; a page keeps none, so switching kinds leaves nothing stale behind.
        PublishedOn = content.Kind == PortalPageKind.BlogPost ? content.PublishedOn : null;
        Touch(now, editedBy);
    }

    /// <summary>
    /// The same Markdown made into HTML again under other renderer settings. Nobody edited the page, so it keeps who
    /// changed it last and when.
    /// </summary>
    public void RenderAgain(string safeBodyHtml, string renderedWith)
    {
        BodyHtml = safeBodyHtml;
        RenderedWith = renderedWith;
    }

    /// <summary>Releases the page to <paramref name="audience"/>: everyone, or signed-in portal users only.</summary>
    public void Publish(PageVisibility audience, DateTimeOffset now, string publishedBy)
    {
        if (audience is not (PageVisibility.Public or PageVisibility.PortalUsers))
            throw new DomainException(DomainErrors.PageAudienceInvalid);
        if (Visibility == audience) return;
        Visibility = audience;
        Touch(now, publishedBy);
    }

    /// <summary>Takes the page back to a draft: nobody reads it on the site until it is published again.</summary>
    public void Unpublish(DateTimeOffset now, string unpublishedBy)
    {
        if (Visibility == PageVisibility.Draft) return;
        Visibility = PageVisibility.Draft;
        Touch(now, unpublishedBy);
    }

    /// <summary>Slugs are compared as typed, apart from surrounding blanks: "About" is refused, not silently lowered.</summary>
    public static string NormalizeSlug(string? slug) => slug?.Trim() ?? "";

    /// <summary>Lower-case letters, digits and hyphens, 1–100 characters, starting and ending with a letter or digit.</summary>
    public static bool IsWellFormedSlug(string? slug) =>
        slug is { Length: > 0 and <= SlugMaxLength } && SlugPattern().IsMatch(slug);

    public static bool IsReservedSlug(string? slug) => slug is not null && ReservedSlugs.Contains(slug);

    private void Touch(DateTimeOffset now, string by)
    {
        UpdatedAt = now;
        UpdatedBy = by;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
