using Portal.Application.Common;

namespace Portal.FunctionalTests.Support;

/// <summary>Steps for the customer's own account pages: e-mail change, closing the account, and reading field errors.</summary>
public static class SelfServiceSteps
{
    public static async Task<Page> RequestEmailChangeAsync(this PortalBrowser customer, string newEmail,
        string password = Flows.CustomerPassword)
    {
        var form = await customer.GetAsync(PortalRoutes.My.ChangeEmail);
        return await customer.SubmitAsync(form, "Send confirmation link", new Dictionary<string, string?>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.CurrentPassword"] = password,
        });
    }

    public static async Task<Page> CloseAccountAsync(this PortalBrowser customer, string password = Flows.CustomerPassword)
    {
        var form = await customer.GetAsync(PortalRoutes.My.CloseAccount);
        return await customer.SubmitAsync(form, "Close my account",
            new Dictionary<string, string?> { ["Input.CurrentPassword"] = password });
    }

    /// <summary>
    /// Turns two-factor authentication on through the security pages (the customer's, or the one at <paramref name="path"/>),
    /// with a code computed from the shown key; returns the recovery codes shown.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EnableTwoFactorAsync(this PortalBrowser customer, PortalFactory factory,
        string password = Flows.CustomerPassword, string path = PortalRoutes.My.TwoFactor)
    {
        var page = await customer.GetAsync(path);
        var setup = await customer.SubmitAsync(page, "Set up two-factor authentication");
        var secret = setup.Document.QuerySelector(".two-factor-secret")?.TextContent.Replace(" ", "").Trim()
            ?? throw new InvalidOperationException("No key on the setup page:\n" + setup.Text);
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(factory.Clock.GetUtcNow().UtcDateTime);
        var enabled = await customer.SubmitAsync(setup, "Turn on two-factor authentication",
            new Dictionary<string, string?> { ["Enable.Code"] = code, ["Enable.CurrentPassword"] = password });
        var codes = enabled.Document.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(10, enabled.Text);
        return codes;
    }

    /// <summary>The error shown next to a field (tied to it through aria-describedby), or null.</summary>
    public static string? FieldError(this Page page, string fieldName)
    {
        var input = page.Document.QuerySelector($"[name='{fieldName}']")
            ?? throw new InvalidOperationException($"No field {fieldName} on {page.Url}:\n{page.Text[..Math.Min(2000, page.Text.Length)]}");
        var ids = (input.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(" ",
            ids.Select(id => page.Document.GetElementById(id)).Where(e => e is not null && e.ClassList.Contains("text-danger"))
            .Select(e => e!.TextContent.Trim()).Where(t => t.Length > 0));
        return text.Length == 0 ? null : text;
    }
}
