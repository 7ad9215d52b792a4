using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common;
using Portal.Application.Pages;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;

namespace Portal.Web.Pages.Content;

/// <summary>
/// Published blog posts, newest first: public ones for everyone, portal-only ones too for signed-in readers
/// (customers only while the pages section is on).
/// </summary>
public sealed class BlogModel : PortalPageModel
{
    // From the query only: "page" is also the route value Razor Pages uses to pick the page.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public PagedList<BlogPostItem> Posts { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        ModelState.Clear();
        var reader = User.PageReader();
        // Portal-only posts belong to the "pages" section of My Account: switched off, a customer reads the blog as a visitor does.
        // So are they for a customer who must still set up the required two-factor sign-in.
        if (reader == PageReader.PortalUser && (!await HttpContext.SectionShownAsync(Portal.Application.Settings.MyAccountSection.Pages)
                || await TwoFactorRequirement.MustSetUpTwoFactorAsync(HttpContext)))
            reader = PageReader.Visitor;
        Posts = await SendAsync(new ListBlogPosts(reader, Math.Max(1, PageNumber)));
    }
}
