using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Common;
using Portal.Domain.Users;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>A new portal asks administrators for a second factor right after they sign in.</summary>
public sealed class NewPortalSecurityTests(NewPortalFactory factory) : IClassFixture<NewPortalFactory>
{
    [Fact]
    public async Task A_new_portal_sends_an_administrator_without_two_factor_to_the_setup_right_after_sign_in()
    {
        using var admin = factory.NewBrowser();

        var landed = await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        landed.Path.ShouldBe(PortalRoutes.Admin.AccountTwoFactor);
        landed.Document.QuerySelector("[data-testid=two-factor-required]")!.TextContent.ShouldBe(
            "Contoso Trading requires two-factor authentication for your role in the back office. Please set it up to continue.");
        (await admin.GetAsync(PortalRoutes.Admin.Settings)).Path.ShouldBe(PortalRoutes.Admin.AccountTwoFactor);
        (await admin.GetAsync(PortalRoutes.Admin.Contacts)).Path.ShouldBe(PortalRoutes.Admin.AccountTwoFactor);
        (await admin.GetAsync(PortalRoutes.Admin.Account, followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
        var (manager, _) = await factory.SignedInColleagueAsync("mona.manager@contoso.example", "Mona Manager", StaffRole.PortalManager);
        using var _1 = manager;
        (await manager.GetAsync(PortalRoutes.Admin.Contacts, followRedirects: false)).Status
            .ShouldBe(HttpStatusCode.OK, "the default asks it of administrators only");

        await admin.EnableTwoFactorAsync(factory, PortalFactory.AdminPassword, PortalRoutes.Admin.AccountTwoFactor);

        var settings = await admin.GetAsync(PortalRoutes.Admin.Settings, followRedirects: false);
        settings.Status.ShouldBe(HttpStatusCode.OK);
        settings.Document.QuerySelector("select[name='Security.RequireStaffTwoFactor'] option[selected]")!.GetAttribute("value")
            .ShouldBe("Administrators");
    }
}
