using System.ComponentModel.DataAnnotations;
using Portal.Application.Pages;
using Portal.Domain.Pages;

namespace Portal.Web.Areas.Admin.Pages.Pages;

/// <summary>The page form of the back office; the rules live in <see cref="SavePageValidator"/> and the entity.</summary>
public sealed class PageInput
{
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Address")]
    public string? Slug { get; set; }

    [Display(Name = "Kind")]
    public PortalPageKind Kind { get; set; } = PortalPageKind.Page;

    [Display(Name = "Language")]
    public string? Language { get; set; } = "en";

    [Display(Name = "Publication date")]
    public DateOnly? PublishedOn { get; set; }

    [Display(Name = "Text (Markdown)")]
    public string? BodyMarkdown { get; set; }

    public SavePage ToCommand(int? id) => new(id, Kind, Title, Slug, Language, BodyMarkdown, PublishedOn);

    public static PageInput From(PageDetails page) => new()
    {
        Title = page.Title,
        Slug = page.Slug,
        Kind = page.Kind,
        Language = page.Language,
        PublishedOn = page.PublishedOn,
        BodyMarkdown = page.BodyMarkdown,
    };
}
