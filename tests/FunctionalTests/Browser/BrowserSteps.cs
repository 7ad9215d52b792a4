using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.FunctionalTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Portal.FunctionalTests.Browser;

/// <summary>The steps browser tests share, done as a person would: by role, label and visible text.</summary>
public static class BrowserSteps
{
    public static ILocator Link(this IPage page, string name, bool exact = true) =>
        page.GetByRole(AriaRole.Link, new() { Name = name, Exact = exact });

    public static ILocator Button(this IPage page, string name, bool exact = true) =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = exact });

    public static ILocator Field(this IPage page, string label) =>
        page.GetByLabel(label, new() { Exact = true });

    public static async Task ShouldBeAtAsync(this IPage page, string path) =>
        await Expect(page).ToHaveURLAsync(new Regex("^[^?#]*" + Regex.Escape(path) + "([?#].*)?$"));

    public static async Task SignInAsync(this IPage page, PageChecks checks, string email, string password)
    {
        await page.Field(checks.T("E-mail")).FillAsync(email);
        await page.Field(checks.T("Password")).FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = checks.T("Sign in"), Exact = true }).ClickAsync();
    }

    /// <summary>Through the back office's "New contact" form; ends on the new contact's page.</summary>
    public static async Task CreateContactAsync(this IPage admin, PageChecks checks, string name, string? email,
        string preferredLanguage = "en")
    {
        await admin.GotoAsync("/admin/contacts/new");
        await admin.Field(checks.T("Name")).FillAsync(name);
        if (email is not null) await admin.Field(checks.T("E-mail")).FillAsync(email);
        await admin.Field(checks.T("City")).FillAsync("Hamburg");
        await admin.Field(checks.T("Country")).SelectOptionAsync("DE");
        await admin.Field(checks.T("Preferred language")).SelectOptionAsync(preferredLanguage);
        await admin.Button(checks.T("Save")).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex(@"/admin/contacts/\d+$"));
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>On a contact's page: Action ▾ → Grant portal access.</summary>
    public static async Task OpenGrantWizardAsync(this IPage admin, PageChecks checks)
    {
        await admin.GetByText(checks.T("Action") + " ▾", new() { Exact = true }).ClickAsync();
        await admin.Link(checks.T("Grant portal access")).ClickAsync();
        await admin.ShouldBeAtAsync("/admin/portal-access");
    }

    /// <summary>Reloads the page until <paramref name="text"/> shows (the mail dispatcher works in the background).</summary>
    public static async Task ReloadUntilVisibleAsync(this IPage page, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!(await page.InnerTextAsync("main")).Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"\"{text}\" never showed on {page.Url}:\n{await page.InnerTextAsync("main")}");
            await Task.Delay(100);
            await page.ReloadAsync();
        }
    }

    /// <summary>The invitation link from the latest mail to <paramref name="email"/>, on the portal's real address.</summary>
    public static async Task<string> InvitationLinkAsync(this BrowserPortal portal, string email)
    {
        var mails = await portal.Smtp.WaitForAsync(email);
        return new Uri(portal.BaseAddress, mails[^1].InvitationPath()).ToString();
    }

    /// <summary>
    /// Presses Tab until the focused element is called <paramref name="name"/> (its aria-label or text); fails after
    /// <paramref name="maxPresses"/>.
    /// </summary>
    public static async Task TabToAsync(this IPage page, string name, int maxPresses = 60)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? " +
                "(e.getAttribute('aria-label') || e.innerText || '').trim() : ''; }");
            if (focused == name) return;
        }
        throw new Xunit.Sdk.XunitException($"Tab never reached \"{name}\" on {page.Url} within {maxPresses} presses.");
    }

    /// <summary>The focused element shows a focus indicator: it matches :focus-visible and has an outline or focus shadow.</summary>
    public static async Task FocusShouldBeVisibleAsync(this IPage page)
    {
        var indicator = await page.EvaluateAsync<string>("""
            () => {
              const e = document.activeElement;
              if (!e || !e.matches(':focus-visible')) return 'not :focus-visible';
              const s = getComputedStyle(e);
              return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? 'outline' : s.boxShadow !== 'none' ? 'shadow' : 'none';
            }
            """);
        indicator.ShouldBeOneOf("outline", "shadow");
    }

    /// <summary>The field's aria-describedby points at a visible error text, so a screen reader reads the error with the field.</summary>
    public static async Task<string> ErrorTiedToFieldAsync(this ILocator field)
    {
        var error = await field.EvaluateAsync<string>("""
            e => (e.getAttribute('aria-describedby') || '').split(/\s+/)
                   .map(id => document.getElementById(id))
                   .filter(d => d && d.classList.contains('text-danger'))
                   .map(d => d.innerText.trim()).join(' ').trim()
            """);
        error.ShouldNotBeNullOrWhiteSpace("the field's aria-describedby names no visible error");
        return error;
    }
}
