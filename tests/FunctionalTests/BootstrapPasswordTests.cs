using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Common;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>The first administrator's password: a generated one is replaced at the first sign-in, a configured one is checked at start.</summary>
public sealed class BootstrapPasswordTests(GeneratedAdminPasswordFactory factory) : IClassFixture<GeneratedAdminPasswordFactory>
{
    private const string Printed = "Slate-Harbour-Quill-Ember-31";
    private const string Chosen = "Velvet-Canyon-Thistle-Drum-64";

    [Fact]
    public async Task A_generated_administrator_password_must_be_changed_at_the_first_sign_in()
    {
        (await factory.StaffAsync(await factory.AdministratorIdAsync())).MustChangePassword.ShouldBeTrue();
        // The generated password is printed once on the console: the test gives the account one it knows, keeping the flag.
        await factory.WithDbAsync(async db =>
        {
            var admin = await db.InternalUsers.SingleAsync(u => u.Login == PortalFactory.AdminEmail);
            var hash = factory.Services.GetRequiredService<IPasswordHasher>().Hash(admin, Printed);
            db.Entry(admin).Property(u => u.PasswordHash).CurrentValue = hash;
            await db.SaveChangesAsync();
        });
        using var browser = factory.NewBrowser();

        var landed = await browser.SignInAsync(PortalFactory.AdminEmail, Printed);

        landed.Path.ShouldBe(PortalRoutes.Admin.Account);
        landed.Document.QuerySelector("[data-testid=password-change-required]").ShouldNotBeNull(landed.Text);
        (await browser.GetAsync(PortalRoutes.Admin.Contacts)).Path.ShouldBe(PortalRoutes.Admin.Account);
        (await browser.GetAsync(PortalRoutes.Admin.AccountTwoFactor)).Path.ShouldBe(PortalRoutes.Admin.Account);

        var changed = await browser.ChangePasswordAsync(PortalRoutes.Admin.Account, Printed, Chosen);

        changed.Document.QuerySelector("[data-testid=password-change-required]").ShouldBeNull(changed.Text);
        (await browser.GetAsync(PortalRoutes.Admin.Contacts, followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
        (await factory.StaffAsync(await factory.AdministratorIdAsync())).MustChangePassword.ShouldBeFalse();
    }

    [Fact]
    public async Task A_configured_administrator_password_that_fails_the_policy_stops_the_start_naming_the_setting()
    {
        await using var weak = new AdminPasswordFactory("password1234");

        var failure = Should.Throw<Exception>(() => weak.Server);

        failure.ToString().ShouldContain("Portal:Admin:Password");
        failure.ToString().ShouldContain("too easy to guess");
    }
}
