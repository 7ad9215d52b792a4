using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.FunctionalTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Portal.FunctionalTests.Browser;

/// <summary>
/// Settings → API keys and Settings → Webhooks in headless Chromium: every state an administrator meets (the list, the form
/// and its errors, the secret shown once, the question before a revoke, the delivery log after a test event) passes axe,
/// reads in German, and works by keyboard.
/// </summary>
public sealed class IntegrationSettingsBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [SkippableFact]
    public Task An_administrator_creates_copies_and_revokes_an_api_key_and_adds_and_tests_a_webhook() =>
        WalkAsync(PageChecks.For(), "en-US", "ERP sync");

    [SkippableFact]
    public Task The_api_key_and_webhook_pages_speak_German() =>
        WalkAsync(PageChecks.For(german: true), "de-DE", "Warenwirtschaft");

    [SkippableFact]
    public async Task An_administrator_opts_in_to_the_daily_digest_by_keyboard_in_German()
    {
        var checks = PageChecks.For(german: true);
        var admin = await portal.NewPageAsync("de-DE");
        await admin.GotoAsync("/account/sign-in");
        await admin.SignInAsync(checks, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await admin.GotoAsync("/admin/account");
        var digest = admin.GetByTestId("daily-digest");
        await Expect(digest.GetByRole(AriaRole.Heading, new() { Name = checks.T("Daily digest") })).ToBeVisibleAsync();
        await checks.StepAsync(admin, "daily-digest");
        var choice = digest.GetByLabel(checks.T("Send me the daily digest"));
        await choice.FocusAsync();
        await admin.Keyboard.PressAsync("Space");
        await digest.GetByRole(AriaRole.Button, new() { Name = checks.T("Save digest choice") }).ClickAsync();
        await Expect(admin.GetByText(checks.T("You will receive the daily digest."))).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("daily-digest").GetByLabel(checks.T("Send me the daily digest"))).ToBeCheckedAsync();
        await checks.StepAsync(admin, "daily-digest-chosen");
    }

    private async Task WalkAsync(PageChecks checks, string locale, string keyName)
    {
        var admin = await portal.NewPageAsync(locale);
        await admin.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await admin.GotoAsync("/account/sign-in");
        await admin.SignInAsync(checks, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await admin.ShouldBeAtAsync("/admin");

        // Settings → API keys: the form's error is read with its field
        await admin.GotoAsync("/admin/settings");
        await admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = checks.T("API keys"), Exact = true }).ClickAsync();
        await admin.ShouldBeAtAsync("/admin/settings/api-keys");
        await checks.StepAsync(admin, "api-keys");
        await admin.Button(checks.T("Create API key")).ClickAsync();
        (await admin.Field(checks.T("Name")).ErrorTiedToFieldAsync())
            .ShouldBe(checks.T("Please name the key (one line, at most {0} characters).", Portal.Domain.ApiKeys.ApiKey.NameMaxLength));
        await checks.StepAsync(admin, "api-key-refused");

        // The secret, shown once, has the focus, its warning is read with it, and Copy puts it on the clipboard.
        await admin.Field(checks.T("Name")).FillAsync(keyName);
        await admin.Field(checks.T("Role")).SelectOptionAsync("PortalManager");
        await admin.Button(checks.T("Create API key")).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/admin/settings/api-keys$"));
        var secret = admin.Field(checks.T("Your new API key"));
        await Expect(secret).ToBeFocusedAsync();
        (await secret.GetAttributeAsync("aria-describedby"))!.ShouldContain("created-secret-help");
        var value = await secret.InputValueAsync();
        value.ShouldNotBeNullOrWhiteSpace();
        await admin.Button(checks.T("Copy")).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = checks.T("The API key was copied.") })).ToBeVisibleAsync();
        (await admin.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe(value);
        await checks.StepAsync(admin, "api-key-created");
        await admin.ReloadAsync();
        (await admin.ContentAsync()).ShouldNotContain(value, customMessage: "the secret is shown only once");
        await Expect(admin.Locator("tr[data-api-key-id]").Filter(new() { HasText = keyName })).ToHaveCountAsync(1);

        // Revoke asks first, on a page of its own; Cancel changes nothing, the question's button does.
        await admin.Link(checks.T("Revoke {0}", keyName)).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = checks.T("Revoke API key {0}?", keyName), Level = 1 })).ToBeVisibleAsync();
        await checks.StepAsync(admin, "api-key-revoke-question");
        await admin.Button(checks.T("Revoke API key")).FocusAsync();
        await admin.Keyboard.PressAsync("Enter");
        await admin.ShouldBeAtAsync("/admin/settings/api-keys");
        await Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = checks.T("The API key was revoked. Its next call is refused.") }))
            .ToBeVisibleAsync();
        await checks.StepAsync(admin, "api-key-revoked");

        // Settings → Webhooks: the empty list, the form with its errors, the webhook's page, the secret, the delivery log
        await admin.GotoAsync("/admin/settings/webhooks");
        await checks.StepAsync(admin, "webhooks");
        await admin.Link(checks.T("Add webhook")).ClickAsync();
        await admin.ShouldBeAtAsync("/admin/settings/webhooks/new");
        await checks.StepAsync(admin, "webhook-new");
        await admin.Field(checks.T("Receiver address (URL)")).FillAsync("https://hooks.invalid/portal");
        await admin.Button(checks.T("Add webhook")).ClickAsync();
        await Expect(admin.GetByText(checks.T("Please choose at least one event."))).ToBeVisibleAsync();
        (await admin.GetByRole(AriaRole.Group, new() { Name = checks.T("Events") }).GetAttributeAsync("aria-describedby")).ShouldBe("events-error");
        await checks.StepAsync(admin, "webhook-refused");
        await admin.GetByLabel(checks.T("Portal access revoked")).CheckAsync();
        await admin.Button(checks.T("Add webhook")).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex(@"/admin/settings/webhooks/\d+$"));
        await checks.StepAsync(admin, "webhook-edit");
        await admin.Button(checks.T("Show signing secret")).ClickAsync();
        var signingSecret = admin.GetByRole(AriaRole.Textbox, new() { Name = checks.T("Signing secret"), Exact = true });
        await Expect(signingSecret).ToBeFocusedAsync();
        (await signingSecret.InputValueAsync()).ShouldStartWith("whsec_");
        await checks.StepAsync(admin, "webhook-secret");
        await admin.Button(checks.T("Send test event")).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex(@"/admin/settings/webhooks/\d+/deliveries$"));
        await Expect(admin.GetByRole(AriaRole.Status).Filter(new()
        {
            HasText = checks.T("A test event is on its way. The delivery log shows how the receiver answered.")
        })).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Table).GetByText("ping", new() { Exact = true }).First).ToBeVisibleAsync();
        await checks.StepAsync(admin, "webhook-deliveries");
        await admin.GotoAsync("/admin/settings/webhooks");
        await checks.StepAsync(admin, "webhooks-listed");
    }
}
