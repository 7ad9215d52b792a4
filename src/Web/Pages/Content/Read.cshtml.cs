using Microsoft.AspNetCore.Mvc;
using Portal.Application.Pages;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Pages.Content;

/// <summary>
/// A page of the site. A portal-only page sends a visitor to sign in and back here afterwards, and a customer who must
/// still set up the required two-factor sign-in to do that first.
/// </summary>
public sealed class ReadPageModel : PortalPageModel
{
    public PageView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        switch (await SendAsync(new ReadPage(slug, User.PageReader())))
        {
            // Portal-only pages are a My Account section the business can switch off; public pages stay public.
            case ReadPageResult.Readable { Page.Visibility: Portal.Domain.Pages.PageVisibility.PortalUsers } when
                !User.IsInRole(SessionClaims.InternalRole)
                && !await HttpContext.SectionShownAsync(Portal.Application.Settings.MyAccountSection.Pages):
                return NotFound();
            case ReadPageResult.SignInRequired when
                !await HttpContext.SectionShownAsync(Portal.Application.Settings.MyAccountSection.Pages):
                return NotFound();
            // Portal-only content is behind the same second factor as My Account when the business requires it.
            case ReadPageResult.Readable { Page.Visibility: Portal.Domain.Pages.PageVisibility.PortalUsers } when
                await TwoFactorRequirement.MustSetUpTwoFactorAsync(HttpContext):
                return TwoFactorRequirement.SetUpTwoFactor(User);
            case ReadPageResult.Readable readable:
                View = readable.Page;
                return Page();
            default:
                // The cookie scheme's challenge is the sign-in page with this address as ReturnUrl.
                return Challenge();
        }
    }
}
