using System.Net;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>Lockout after repeated wrong passwords, with one generic message for every refusal and a trace in the activity.</summary>
public sealed class SignInProtectionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string GenericFailure = "The e-mail address or password is not correct.";

    [Fact]
    public async Task Five_wrong_passwords_in_a_row_lock_the_account_for_15_minutes_even_against_the_right_password()
    {
        const string email = "leo.lockout@example.com";
        using var admin = await factory.SignedInAdminAsync();
        (await factory.ActiveCustomerAsync(admin, "Leo Lockout", email)).Customer.Dispose();
        using var browser = factory.NewBrowser();

        for (var attempt = 1; attempt <= 5; attempt++)
            (await browser.SignInAsync(email, $"Wrong-Guess-Pebble-River-{attempt}")).Text.ShouldContain(GenericFailure);

        var locked = await browser.SignInAsync(email, Flows.CustomerPassword);
        locked.Path.ShouldBe("/account/sign-in");
        ErrorSummary(locked).ShouldBe(GenericFailure);

        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        (await browser.SignInAsync(email, Flows.CustomerPassword)).Path.ShouldBe("/account/sign-in", "still locked after 14 minutes");

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        (await browser.SignInAsync(email, Flows.CustomerPassword)).Path.ShouldBe("/my", "unlocked after 15 minutes");
    }

    [Fact]
    public async Task A_locked_account_an_unknown_address_and_a_wrong_password_get_the_very_same_message()
    {
        const string email = "lena.same@example.com";
        using var admin = await factory.SignedInAdminAsync();
        (await factory.ActiveCustomerAsync(admin, "Lena Same", email)).Customer.Dispose();
        using var browser = factory.NewBrowser();

        var wrongPassword = ErrorSummary(await browser.SignInAsync(email, "Wrong-Guess-Pebble-River-0"));
        var unknownAddress = ErrorSummary(await browser.SignInAsync("not.a.customer@example.com", Flows.CustomerPassword));
        for (var attempt = 1; attempt <= 4; attempt++) await browser.SignInAsync(email, $"Wrong-Guess-Pebble-River-{attempt}");
        var lockedRightPassword = ErrorSummary(await browser.SignInAsync(email, Flows.CustomerPassword));

        wrongPassword.ShouldBe(GenericFailure);
        unknownAddress.ShouldBe(GenericFailure);
        lockedRightPassword.ShouldBe(GenericFailure);
    }

    [Fact]
    public async Task Wrong_current_passwords_on_a_my_form_lock_the_account_and_end_the_session()
    {
        const string email = "gert.guess@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Gert Guess", email);
        using var _1 = customer;

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var refused = await customer.SubmitAsync(await customer.GetAsync("/my/security"), "Change password",
                new Dictionary<string, string?>
                {
                    ["Password.CurrentPassword"] = $"Wrong-Guess-Pebble-River-{attempt}",
                    ["Password.NewPassword"] = "Copper-Willow-Sunrise-Atlas-5",
                    ["Password.ConfirmPassword"] = "Copper-Willow-Sunrise-Atlas-5",
                });
            refused.Document.QuerySelector("#current-error")!.TextContent.ShouldContain("The current password is not correct.");
        }

        (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect, "the session ended");
        using var fresh = factory.NewBrowser();
        ErrorSummary(await fresh.SignInAsync(email, Flows.CustomerPassword)).ShouldBe(GenericFailure, "the account is locked");
    }

    [Fact]
    public async Task A_successful_sign_in_starts_the_failure_count_over()
    {
        const string email = "sven.success@example.com";
        using var admin = await factory.SignedInAdminAsync();
        (await factory.ActiveCustomerAsync(admin, "Sven Success", email)).Customer.Dispose();

        for (var round = 0; round < 2; round++)
        {
            using var browser = factory.NewBrowser();
            for (var attempt = 1; attempt <= 4; attempt++) await browser.SignInAsync(email, $"Wrong-Guess-Pebble-River-{attempt}");
            (await browser.SignInAsync(email, Flows.CustomerPassword)).Path.ShouldBe("/my", $"round {round + 1}: four failures never lock");
        }
    }

    [Fact]
    public async Task Failed_sign_ins_and_the_lockout_show_in_the_customers_activity()
    {
        const string email = "ada.activity@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Ada Activity", email);
        using var _1 = customer;
        using var attacker = factory.NewBrowser();
        for (var attempt = 1; attempt <= 5; attempt++) await attacker.SignInAsync(email, $"Wrong-Guess-Pebble-River-{attempt}");

        var security = await customer.GetAsync("/my/security");

        security.Status.ShouldBe(HttpStatusCode.OK);
        var kinds = security.Document.QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => td.TextContent).ToList();
        kinds.Count(k => k == "Failed sign-in").ShouldBe(5);
        kinds.Count(k => k == "Locked after too many failed sign-ins").ShouldBe(1);
        kinds.ShouldContain("Signed in");
    }

    private static string ErrorSummary(Page page) =>
        page.Document.QuerySelector(".validation-summary-errors")?.TextContent.Trim() ?? "";
}
