using System.Net;
using Portal.Application.Common;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>When customers must use two-factor sign-in, portal-only pages and posts are behind it like My Account.</summary>
public sealed class PortalOnlyContentTwoFactorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Required_two_factor_keeps_portal_only_pages_and_posts_from_a_customer_without_it()
    {
        using var admin = await factory.SignedInAdminAsync();
        await admin.PublishPageAsync(await admin.CreatePageAsync("Guarded page", "guarded-page"), "PortalUsers");
        await admin.PublishPageAsync(await admin.CreatePageAsync("Guarded post", "guarded-post", kind: "BlogPost",
            publishedOn: "2026-11-01"), "PortalUsers");
        await admin.PublishPageAsync(await admin.CreatePageAsync("Open page", "open-page"), "Public");
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Gus Guarded", "gus.guarded@example.com");
        using var _1 = customer;
        (await customer.GetAsync("/pages/guarded-page", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);

        var form = await admin.GetAsync(PortalRoutes.Admin.Settings);
        var saved = await admin.SubmitAsync(form, "Save security settings",
            new Dictionary<string, string?> { ["Security.RequirePortalTwoFactor"] = "true" });
        saved.Document.QuerySelector(".alert-success").ShouldNotBeNull(saved.Text);

        (await customer.GetAsync("/pages/guarded-page")).Path.ShouldBe(PortalRoutes.My.TwoFactor);
        (await customer.GetAsync("/pages/guarded-post")).Path.ShouldBe(PortalRoutes.My.TwoFactor);
        var blog = await customer.GetAsync("/blog");
        blog.Text.ShouldNotContain("Guarded post");
        blog.Text.ShouldNotContain("Guarded page");
        (await customer.GetAsync("/pages/open-page", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/pages/guarded-page", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);

        await customer.EnableTwoFactorAsync(factory);

        (await customer.GetAsync("/pages/guarded-page", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
        (await customer.GetAsync("/blog")).Text.ShouldContain("Guarded post");
    }
}
