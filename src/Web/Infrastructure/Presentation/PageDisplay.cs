using System.Globalization;
using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Portal.Application.Pages;
using Portal.Domain.Pages;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Infrastructure.Presentation;

/// <summary>How pages and blog posts read in lists and menus, and who the current reader is.</summary>
public static class PageDisplay
{
    private static readonly object CustomerPagesKey = new();

    public static string PageKind(this IStringLocalizer t, PortalPageKind kind) =>
        kind == PortalPageKind.BlogPost ? t["Blog post"] : t["Page"];

    public static string PageVisibility(this IStringLocalizer t, PageVisibility visibility) => visibility switch
    {
        Domain.Pages.PageVisibility.Public => t["Public"],
        Domain.Pages.PageVisibility.PortalUsers => t["Portal users"],
        _ => t["Draft"],
    };

    public static string VisibilityBadge(PageVisibility visibility) => visibility switch
    {
        Domain.Pages.PageVisibility.Public => "badge text-bg-success",
        Domain.Pages.PageVisibility.PortalUsers => "badge text-bg-info",
        _ => "badge text-bg-secondary",
    };

    /// <summary>A language's own name ("Deutsch", "English"): a reader recognises it whatever language the site speaks.</summary>
    public static string LanguageName(string language) => language == "de" ? "Deutsch" : "English";

    /// <summary>A date as a &lt;time&gt; element, formatted for the user's culture.</summary>
    public static IHtmlContent Date(DateOnly? value)
    {
        if (value is not { } date) return new HtmlString("—");
        var text = System.Net.WebUtility.HtmlEncode(date.ToString("d", CultureInfo.CurrentCulture));
        return new HtmlString($"<time datetime=\"{date:yyyy-MM-dd}\">{text}</time>");
    }

    public static PageReader PageReader(this ClaimsPrincipal user) =>
        user.IsInRole(SessionClaims.PortalRole) ? Application.Pages.PageReader.PortalUser
        : user.IsInRole(SessionClaims.InternalRole) ? Application.Pages.PageReader.Staff
        : Application.Pages.PageReader.Visitor;

    /// <summary>
    /// The portal-only pages for the signed-in customer's menu and My Account. The layout asks on every page a
    /// customer opens, so it is looked up at most once per request, and never for anyone else.
    /// </summary>
    public static async Task<IReadOnlyList<CustomerPageLink>> CustomerPagesAsync(this HttpContext http)
    {
        if (!http.User.IsInRole(SessionClaims.PortalRole)) return [];
        if (!await http.SectionShownAsync(Application.Settings.MyAccountSection.Pages)) return [];
        // Not even their titles before the required second factor is set up.
        if (await TwoFactorRequirement.MustSetUpTwoFactorAsync(http)) return [];
        if (http.Items.TryGetValue(CustomerPagesKey, out var known) && known is IReadOnlyList<CustomerPageLink> cached) return cached;
        var pages = await http.RequestServices.GetRequiredService<ISender>().Send(new ListCustomerPages(), http.RequestAborted);
        http.Items[CustomerPagesKey] = pages;
        return pages;
    }
}
