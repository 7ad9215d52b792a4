using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>"Download my data": the customer's own data as a JSON file, and never a credential or anyone else's data.</summary>
public sealed class OwnDataTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_download_is_a_json_attachment_with_the_contact_the_account_payment_methods_and_the_activity()
    {
        const string email = "dora.data@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Dora Data", email);
        using var _1 = customer;
        var details = await customer.GetAsync("/my/account");
        await customer.SubmitAsync(details, "Save", new Dictionary<string, string?>
        {
            ["Details.Phone"] = "+49 40 123456",
            ["Details.Street"] = "Hafenstraße 1",
            ["Details.PostalCode"] = "20457",
            ["Details.VatNumber"] = "DE123456789",
            ["Details.CompanyName"] = "Data & Söhne",
        });

        var download = await DownloadAsync(customer);

        download.Status.ShouldBe(HttpStatusCode.OK);
        download.Response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var disposition = download.Response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileName!.Trim('"').ShouldBe($"my-data-{factory.Clock.GetUtcNow():yyyy-MM-dd}.json");
        download.Response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        download.Html.ShouldContain("\n  \"contact\": {", customMessage: "indented, camelCase");

        using var json = JsonDocument.Parse(download.Html);
        var root = json.RootElement;
        var contact = root.GetProperty("contact");
        contact.GetProperty("name").GetString().ShouldBe("Dora Data");
        contact.GetProperty("email").GetString().ShouldBe(email);
        contact.GetProperty("phone").GetString().ShouldBe("+49 40 123456");
        contact.GetProperty("address").GetProperty("street").GetString().ShouldBe("Hafenstraße 1");
        contact.GetProperty("address").GetProperty("postalCode").GetString().ShouldBe("20457");
        contact.GetProperty("address").GetProperty("city").GetString().ShouldBe("Hamburg");
        contact.GetProperty("address").GetProperty("country").GetString().ShouldBe("DE");
        contact.GetProperty("vatNumber").GetString().ShouldBe("DE123456789");
        contact.GetProperty("company").GetString().ShouldBe("Data & Söhne");
        contact.GetProperty("preferredLanguage").GetString().ShouldBe("en");

        var user = root.GetProperty("portalUser");
        user.GetProperty("login").GetString().ShouldBe(email);
        user.GetProperty("accessState").GetString().ShouldBe("active");
        user.GetProperty("twoFactorEnabled").GetBoolean().ShouldBeFalse();
        user.GetProperty("createdAt").ValueKind.ShouldBe(JsonValueKind.String);
        user.GetProperty("lastSignInAt").ValueKind.ShouldBe(JsonValueKind.String);

        root.GetProperty("paymentMethods").ValueKind.ShouldBe(JsonValueKind.Array);
        root.GetProperty("paymentMethods").GetArrayLength().ShouldBe(0);
        root.GetProperty("accessHistory").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(["granted", "accepted"]);
        var activity = root.GetProperty("securityActivity").EnumerateArray().ToList();
        activity.ShouldContain(e => e.GetProperty("kind").GetString() == "signedIn");
        activity.Where(e => !e.TryGetProperty("occurredAt", out _) || !e.TryGetProperty("ipAddress", out _)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_file_holds_no_password_hash_security_stamp_secret_or_token()
    {
        const string email = "sam.sample@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Sam Sample", email);
        using var _ = customer;
        await customer.EnableTwoFactorAsync(factory);
        await customer.RequestEmailChangeAsync("sam.elsewhere@example.com");

        var download = await DownloadAsync(customer);
        download.Status.ShouldBe(HttpStatusCode.OK);
        var text = download.Html;

        var stored = await factory.WithDbAsync(db => db.PortalUsers.AsNoTracking()
            .Include(u => u.Tokens).Include(u => u.RecoveryCodes).Include(u => u.Invitations).SingleAsync(u => u.ContactId == contactId));
        stored.PasswordHash.ShouldNotBeNull();
        text.ShouldNotContain(stored.PasswordHash);
        text.ShouldNotContain(stored.SecurityStamp);
        text.ShouldNotContain(stored.TwoFactorSecret!);
        stored.RecoveryCodes.ShouldAllBe(c => !text.Contains(c.CodeHash));
        stored.Tokens.ShouldAllBe(t => !text.Contains(t.TokenHash));
        stored.Invitations.ShouldAllBe(i => !text.Contains(i.TokenHash));
        foreach (var word in new[] { "hash", "stamp", "secret", "token", "recovery", "password" })
            text.ShouldNotContain(word, Case.Insensitive);
        JsonDocument.Parse(text).RootElement.GetProperty("portalUser").GetProperty("twoFactorEnabled").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Another_customers_data_never_appears_in_the_file()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (mine, _) = await factory.ActiveCustomerAsync(admin, "Mia Mine", "mia.mine@example.com");
        using var _1 = mine;
        var (theirs, _) = await factory.ActiveCustomerAsync(admin, "Theo Theirs", "theo.theirs@example.com");
        using var _2 = theirs;

        var text = (await DownloadAsync(mine)).Html;

        text.ShouldContain("mia.mine@example.com");
        text.ShouldNotContain("Theo Theirs");
        text.ShouldNotContain("theo.theirs@example.com");
        text.ShouldNotContain(PortalFactory.AdminEmail, customMessage: "who acted in the history is staff data, not the customer's");
        var theirText = (await DownloadAsync(theirs)).Html;
        theirText.ShouldContain("Theo Theirs");
        theirText.ShouldNotContain("Mia Mine");
    }

    [Fact]
    public async Task Only_a_signed_in_customer_can_download_and_only_with_the_sites_form()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Fritz Form", "fritz.form@example.com");
        using var _1 = customer;

        var page = await customer.GetAsync("/my/security/data");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var forged = await customer.Client.PostAsync("/my/security/data", new FormUrlEncodedContent([]));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "no antiforgery token, no file");

        using var visitor = factory.NewBrowser();
        var anonymous = await visitor.GetAsync("/my/security/data", followRedirects: false);
        anonymous.Status.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Location!.ShouldContain("/account/sign-in");
        (await admin.GetAsync("/my/security/data", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>Presses the download button on the security page, as the customer would.</summary>
    private static async Task<Page> DownloadAsync(PortalBrowser customer)
    {
        var security = await customer.GetAsync("/my/security");
        security.Document.QuerySelector("#data-heading")!.TextContent.ShouldBe("Your data");
        return await customer.SubmitAsync(security, "Download my data");
    }
}
