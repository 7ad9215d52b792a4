using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>Settings → API keys: created by administrators, shown once, stored as a hash, listed, revoked at once.</summary>
public sealed class ApiKeyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_new_key_is_shown_once_stored_only_as_a_hash_and_listed_with_its_role_and_expiry()
    {
        using var admin = await factory.SignedInAdminAsync();

        var created = await admin.SubmitCreateApiKeyAsync("ERP sync", "ReadOnly", expiresOn: "2027-01-31");

        created.Status.ShouldBe(HttpStatusCode.OK);
        created.Text.ShouldContain("The API key ERP sync was created.");
        var secret = created.Document.QuerySelector("#created-secret")!.GetAttribute("value")!;
        secret.ShouldMatch("^pk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$");
        var row = KeyRow(created, "ERP sync").TextContent;
        row.ShouldContain("ERP sync");
        row.ShouldContain("Read-only");
        row.ShouldContain("Active");
        row.ShouldContain(secret[..16]);
        row.ShouldNotContain(secret);

        var stored = await factory.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "ERP sync"));
        stored.SecretHash.ShouldNotContain(secret[16..]);
        stored.SecretHash.Length.ShouldBe(64);
        stored.ExpiresAt.ShouldBe(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero));

        var again = await admin.GetAsync(ApiFlows.KeysPage);
        again.Html.ShouldNotContain(secret);
        again.Document.QuerySelector("#created-secret").ShouldBeNull();
    }

    [Fact]
    public async Task A_key_is_refused_without_a_name_or_with_an_expiry_in_the_past_with_messages_on_the_form()
    {
        using var admin = await factory.SignedInAdminAsync();

        var nameless = await admin.SubmitCreateApiKeyAsync("  ");
        nameless.Status.ShouldBe(HttpStatusCode.OK);
        nameless.Text.ShouldContain("Please name the key (one line, at most 100 characters).");
        nameless.Document.QuerySelector("#created-secret").ShouldBeNull();

        var past = await admin.SubmitCreateApiKeyAsync("Old key", expiresOn: "2020-01-01");
        past.Text.ShouldContain("The expiry date must be in the future.");

        var german = await factory.SignedInAdminAsync("de");
        (await german.SubmitCreateApiKeyAsync("")).Text.ShouldContain("Bitte benennen Sie den Schlüssel");
    }

    [Fact]
    public async Task Reloading_the_page_that_showed_a_new_key_creates_no_second_key()
    {
        using var admin = await factory.SignedInAdminAsync();

        var answer = await admin.SubmitCreateApiKeyAsync("Reload check", followRedirects: false);

        answer.Status.ShouldBe(HttpStatusCode.Found);
        answer.Location.ShouldBe(ApiFlows.KeysPage);
        var shown = await admin.GetAsync(answer.Location!);
        shown.Text.ShouldContain("The API key Reload check was created.");
        var secret = shown.Document.QuerySelector("#created-secret")!.GetAttribute("value")!;
        secret.ShouldMatch("^pk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$");

        var reloaded = await admin.GetAsync(answer.Location!);

        reloaded.Status.ShouldBe(HttpStatusCode.OK);
        reloaded.Html.ShouldNotContain(secret);
        reloaded.Document.QuerySelector("#created-secret").ShouldBeNull();
        reloaded.Text.ShouldNotContain("The API key Reload check was created.");
        reloaded.Document.QuerySelectorAll("tr[data-api-key-id]").Count(r => r.QuerySelector("th")!.TextContent.Trim() == "Reload check")
            .ShouldBe(1);
        (await factory.WithDbAsync(db => db.ApiKeys.CountAsync(k => k.Name == "Reload check"))).ShouldBe(1);
        using var api = factory.ApiClient(secret);
        (await api.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_new_secret_crosses_the_redirect_only_in_a_protected_cookie_never_in_the_address_or_a_log()
    {
        using var admin = await factory.SignedInAdminAsync();

        var answer = await admin.SubmitCreateApiKeyAsync("Sealed carrier", followRedirects: false);
        var shown = await admin.GetAsync(answer.Location!);

        var secret = shown.Document.QuerySelector("#created-secret")!.GetAttribute("value")!;
        var randomPart = secret[16..];
        answer.Location!.ShouldNotContain(randomPart);
        var cookies = answer.Response.Headers.GetValues("Set-Cookie").ToList();
        var tempData = cookies.Single(c => c.StartsWith("__Host-portal.tempdata=", StringComparison.Ordinal));
        tempData.ShouldContain("httponly", Case.Insensitive);
        tempData.ShouldContain("secure", Case.Insensitive);
        cookies.ShouldAllBe(cookie => !cookie.Contains(randomPart));
        var carried = tempData.Split(';')[0]["__Host-portal.tempdata=".Length..];
        System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(carried))
            .ShouldNotContain(randomPart, customMessage: "the cookie is data-protected, not just encoded");
        shown.Response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        factory.Logs.Lines.ShouldNotContain(line => line.Everything.Contains(randomPart));
    }

    [Fact]
    public async Task A_refused_key_keeps_the_form_with_its_values_and_message_instead_of_redirecting()
    {
        using var admin = await factory.SignedInAdminAsync();

        var past = await admin.SubmitCreateApiKeyAsync("Kept values", "ReadOnly", expiresOn: "2020-01-01", requestsPerMinute: 30,
            followRedirects: false);

        past.Status.ShouldBe(HttpStatusCode.OK);
        past.Text.ShouldContain("The expiry date must be in the future.");
        past.Document.QuerySelector("#created-secret").ShouldBeNull();
        Value(past, "input[name='Input.Name']").ShouldBe("Kept values");
        Value(past, "input[name='Input.ExpiresOn']").ShouldBe("2020-01-01");
        Value(past, "input[name='Input.RequestsPerMinute']").ShouldBe("30");
        ((AngleSharp.Html.Dom.IHtmlSelectElement)past.Document.QuerySelector("select[name='Input.Role']")!).Value.ShouldBe("ReadOnly");

        var nameless = await admin.SubmitCreateApiKeyAsync("", expiresOn: "2027-05-31", followRedirects: false);

        nameless.Status.ShouldBe(HttpStatusCode.OK);
        nameless.Text.ShouldContain("Please name the key (one line, at most 100 characters).");
        Value(nameless, "input[name='Input.ExpiresOn']").ShouldBe("2027-05-31");
        (await factory.WithDbAsync(db => db.ApiKeys.AnyAsync(k => k.Name == "Kept values"))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_last_use_is_shown_and_revoking_refuses_the_next_call_at_once()
    {
        using var admin = await factory.SignedInAdminAsync();
        var secret = await admin.CreateApiKeyAsync("CRM bridge");
        using var api = factory.ApiClient(secret);

        (await api.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = await admin.GetAsync(ApiFlows.KeysPage);
        KeyRow(listed, "CRM bridge").QuerySelectorAll("td")[4].QuerySelector("time").ShouldNotBeNull("last used is shown");

        var question = await admin.GetAsync(KeyRow(listed, "CRM bridge").QuerySelector("a[aria-label='Revoke CRM bridge']")!
            .GetAttribute("href")!);
        question.Text.ShouldContain("Revoke API key CRM bridge?");
        (await factory.WithDbAsync(db => db.ApiKeys.AnyAsync(k => k.Name == "CRM bridge" && k.RevokedAt != null)))
            .ShouldBeFalse("asking is not revoking");
        var revoked = await admin.SubmitAsync(question, "Revoke API key");
        revoked.Text.ShouldContain("The API key was revoked. Its next call is refused.");
        KeyRow(revoked, "CRM bridge").TextContent.ShouldContain("Revoked");

        var refused = await api.GetAsync("/api/v1/contacts");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.JsonAsync())["status"]!.GetValue<int>().ShouldBe(401);

        var activity = await admin.GetAsync("/admin/activity");
        activity.Text.ShouldContain("API key created");
        activity.Text.ShouldContain("API key revoked");
    }

    [Fact]
    public async Task Only_administrators_open_the_api_keys_page()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (manager, _) = await factory.ActiveStaffAsync(admin, "Mona Manager", "mona.manager@contoso.example", "PortalManager");
        using var _1 = manager;

        var page = await manager.GetAsync(ApiFlows.KeysPage, followRedirects: false);

        page.Status.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
        (await admin.GetAsync("/admin/settings")).Document.QuerySelector($"a[href='{ApiFlows.KeysPage}']").ShouldNotBeNull();
    }

    private static string? Value(Page page, string selector) => page.Document.QuerySelector(selector)!.GetAttribute("value");

    private static AngleSharp.Dom.IElement KeyRow(Page page, string name) =>
        page.Document.QuerySelectorAll("tr[data-api-key-id]").Single(r => r.QuerySelector("th")!.TextContent.Trim() == name);
}
