using System.Net;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>/my/security: changing the password, signing out everywhere, and the activity list.</summary>
public sealed class SecuritySettingsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "Copper-Willow-Sunrise-Atlas-5";

    [Fact]
    public async Task My_Account_leads_to_the_security_settings()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Sina Settings", "sina.settings@example.com");
        using var _1 = customer;
        var home = await customer.GetAsync("/my");
        var link = home.Document.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Edit security settings"));
        var security = await customer.GetAsync(link.GetAttribute("href")!);
        security.Status.ShouldBe(HttpStatusCode.OK);
        security.Document.QuerySelector("h1")!.TextContent.ShouldBe("Security settings");
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_ends_every_other_one_and_sends_a_notice()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Carl Change", "carl.change@example.com");
        using var _1 = customer;
        using var otherDevice = factory.NewBrowser();
        (await otherDevice.SignInAsync("carl.change@example.com", Flows.CustomerPassword)).Path.ShouldBe("/my");

        var form = await customer.GetAsync("/my/security");
        var changed = await customer.SubmitAsync(form, "Change password", new Dictionary<string, string?>
        {
            ["Password.CurrentPassword"] = Flows.CustomerPassword,
            ["Password.NewPassword"] = NewPassword,
            ["Password.ConfirmPassword"] = NewPassword,
        });
        changed.Path.ShouldBe("/my/security");
        changed.Text.ShouldContain("Your password has been changed.");

        (await customer.GetAsync("/my/account", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
        (await otherDevice.GetAsync("/my/account", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);

        using var fresh = factory.NewBrowser();
        (await fresh.SignInAsync("carl.change@example.com", Flows.CustomerPassword)).Path.ShouldBe("/account/sign-in");
        (await fresh.SignInAsync("carl.change@example.com", NewPassword)).Path.ShouldBe("/my");

        var notice = await factory.Smtp.WaitForAsync("carl.change@example.com", count: 2);
        notice[^1].Subject!.ShouldContain("password");
        notice[^1].Subject!.ShouldContain("changed");
    }

    [Fact]
    public async Task A_wrong_current_password_or_a_weak_new_one_is_refused_and_the_old_password_still_works()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Wanda Wrong", "wanda.wrong@example.com");
        using var _1 = customer;

        async Task<Page> Change(string current, string next, string confirm) =>
            await customer.SubmitAsync(await customer.GetAsync("/my/security"), "Change password", new Dictionary<string, string?>
            {
                ["Password.CurrentPassword"] = current,
                ["Password.NewPassword"] = next,
                ["Password.ConfirmPassword"] = confirm,
            });

        (await Change("Not-The-Password-123", NewPassword, NewPassword)).Document.QuerySelector("#current-error")!.TextContent
            .ShouldContain("The current password is not correct.");
        (await Change(Flows.CustomerPassword, "password1234", "password1234")).Document.QuerySelector("#new-error")!.TextContent
            .ShouldContain("too easy to guess");
        (await Change(Flows.CustomerPassword, "wanda.wrong-is-my-name-42", "wanda.wrong-is-my-name-42"))
            .Document.QuerySelector("#new-error")!.TextContent.ShouldContain("must not contain your e-mail address or name");
        (await Change(Flows.CustomerPassword, NewPassword, NewPassword + "!")).Document.QuerySelector("#confirm-error")!.TextContent
            .ShouldContain("don't match");

        using var fresh = factory.NewBrowser();
        (await fresh.SignInAsync("wanda.wrong@example.com", Flows.CustomerPassword)).Path.ShouldBe("/my");
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_including_this_one()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Emil Everywhere", "emil.everywhere@example.com");
        using var _1 = customer;
        using var otherDevice = factory.NewBrowser();
        await otherDevice.SignInAsync("emil.everywhere@example.com", Flows.CustomerPassword);

        var done = await customer.SubmitAsync(await customer.GetAsync("/my/security"), "Sign out everywhere");
        done.Path.ShouldBe("/account/sign-in");
        done.Text.ShouldContain("You have been signed out everywhere.");

        (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await otherDevice.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
        using var fresh = factory.NewBrowser();
        (await fresh.SignInAsync("emil.everywhere@example.com", Flows.CustomerPassword)).Path.ShouldBe("/my");
    }

    [Fact]
    public async Task Recent_activity_lists_sign_ins_failures_and_password_changes_with_time_and_address()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Alma Activity", "alma.activity@example.com");
        using var _1 = customer;
        using var other = factory.NewBrowser();
        await other.SignInAsync("alma.activity@example.com", "Wrong-Password-For-Alma-1");
        await customer.SubmitAsync(await customer.GetAsync("/my/security"), "Change password", new Dictionary<string, string?>
        {
            ["Password.CurrentPassword"] = Flows.CustomerPassword,
            ["Password.NewPassword"] = NewPassword,
            ["Password.ConfirmPassword"] = NewPassword,
        });

        var page = await customer.GetAsync("/my/security");
        var rows = page.Document.QuerySelectorAll("section[aria-labelledby=activity-heading] tbody tr").Select(r => r.TextContent).ToList();
        rows[0].ShouldContain("Password changed");
        rows[1].ShouldContain("Failed sign-in");
        rows[2].ShouldContain("Signed in");
        rows.ShouldAllBe(r => r.Contains("UTC"));
    }

    [Fact]
    public async Task Activity_shows_at_most_the_last_twenty_events()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Tara Twenty", "tara.twenty@example.com");
        using var _1 = customer;
        using var other = factory.NewBrowser();
        for (var i = 0; i < 21; i++) await other.SignInAsync("tara.twenty@example.com", Flows.CustomerPassword);
        var page = await customer.GetAsync("/my/security");
        page.Document.QuerySelectorAll("section[aria-labelledby=activity-heading] tbody tr").Length.ShouldBe(20);
    }
}
