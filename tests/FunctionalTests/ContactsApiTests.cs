using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>/api/v1/contacts with an API key: list, read, create, update, upsert by reference, link to a company, and refusals.</summary>
public sealed class ContactsApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> ApiAsync(string role = "PortalManager", int? requestsPerMinute = null, string? expiresOn = null,
        string? name = null)
    {
        using var admin = await factory.SignedInAdminAsync();
        return factory.ApiClient(await admin.CreateApiKeyAsync(name ?? $"Key {Guid.NewGuid():N}"[..12], role, expiresOn, requestsPerMinute));
    }

    [Fact]
    public async Task A_created_contact_is_read_back_with_its_version_and_listed_a_page_at_a_time()
    {
        using var api = await ApiAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];

        var created = await api.PostJsonAsync("/api/v1/contacts", new
        {
            name = $"Paula Pager {tag}",
            email = $"paula.{tag}@example.com",
            city = "Bremen",
            countryCode = "de",
            externalReference = $"ERP-{tag}",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.JsonAsync();
        var id = body["id"]!.GetValue<int>();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/contacts/{id}");
        body["countryCode"]!.GetValue<string>().ShouldBe("DE");
        body["kind"]!.GetValue<string>().ShouldBe("Person");
        body["accessState"].ShouldBeNull();

        var read = await api.GetAsync($"/api/v1/contacts/{id}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var contact = await read.JsonAsync();
        contact["name"]!.GetValue<string>().ShouldBe($"Paula Pager {tag}");
        contact["externalReference"]!.GetValue<string>().ShouldBe($"ERP-{tag}");
        read.Headers.ETag!.Tag.ShouldBe($"\"{contact["version"]!.GetValue<string>()}\"");

        await api.CreateContactThroughApiAsync($"Peter Pager {tag}", null);
        await api.CreateContactThroughApiAsync($"Pia Pager {tag}", null);
        var first = await (await api.GetAsync($"/api/v1/contacts?search=Pager%20{tag}&pageSize=2")).JsonAsync();
        first["items"]!.AsArray().Count.ShouldBe(2);
        var cursor = first["nextCursor"]!.GetValue<string>();
        var second = await (await api.GetAsync($"/api/v1/contacts?search=Pager%20{tag}&pageSize=2&cursor={Uri.EscapeDataString(cursor)}"))
            .JsonAsync();
        second["items"]!.AsArray().Count.ShouldBe(1);
        second["nextCursor"].ShouldBeNull();
        first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => i!["name"]!.GetValue<string>()).Order()
            .ShouldBe([$"Paula Pager {tag}", $"Peter Pager {tag}", $"Pia Pager {tag}"]);
    }

    [Fact]
    public async Task The_list_filters_by_access_state_and_by_last_change()
    {
        using var api = await ApiAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var before = factory.Clock.GetUtcNow();
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var fresh = await api.CreateContactThroughApiAsync($"Fresh {tag}", null);

        var since = Uri.EscapeDataString(before.AddMinutes(1).ToString("O"));
        var changed = await (await api.GetAsync($"/api/v1/contacts?updatedSince={since}&pageSize=100")).JsonAsync();
        changed["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()).ShouldContain(fresh);
        var later = Uri.EscapeDataString(factory.Clock.GetUtcNow().AddMinutes(1).ToString("O"));
        (await (await api.GetAsync($"/api/v1/contacts?updatedSince={later}")).JsonAsync())["items"]!.AsArray().ShouldBeEmpty();

        var noAccess = await (await api.GetAsync($"/api/v1/contacts?search={tag}&access=NoAccess")).JsonAsync();
        noAccess["items"]!.AsArray().Count.ShouldBe(1);
        var invited = await (await api.GetAsync($"/api/v1/contacts?search={tag}&access=Invited")).JsonAsync();
        invited["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_update_with_a_stale_version_is_refused_with_409_and_one_with_the_current_version_is_stored()
    {
        using var api = await ApiAsync();
        var id = await api.CreateContactThroughApiAsync("Vera Version", "vera.version@example.com");
        var read = await api.GetAsync($"/api/v1/contacts/{id}");
        var etag = read.Headers.ETag!.Tag;

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var first = await api.PutJsonAsync($"/api/v1/contacts/{id}", new { name = "Vera Version", city = "Kiel" }, ifMatch: etag);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        (await first.JsonAsync())["city"]!.GetValue<string>().ShouldBe("Kiel");
        first.Headers.ETag!.Tag.ShouldNotBe(etag);

        var stale = await api.PutJsonAsync($"/api/v1/contacts/{id}", new { name = "Vera Stale", city = "Ulm" }, ifMatch: etag);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        stale.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await factory.ContactAsync(id)).City.ShouldBe("Kiel");

        var version = (await (await api.GetAsync($"/api/v1/contacts/{id}")).JsonAsync())["version"]!.GetValue<string>();
        var inBody = await api.PutJsonAsync($"/api/v1/contacts/{id}", new { name = "Vera Version", city = "Ulm", version });
        inBody.StatusCode.ShouldBe(HttpStatusCode.OK);
        var staleInBody = await api.PutJsonAsync($"/api/v1/contacts/{id}", new { name = "Vera Version", city = "Jena", version = "12345" });
        staleInBody.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Upserting_by_reference_creates_once_and_then_updates_the_same_contact()
    {
        using var api = await ApiAsync();
        var reference = $"CRM-{Guid.NewGuid():N}"[..16];

        var created = await api.PutJsonAsync($"/api/v1/contacts/by-reference/{reference}", new { name = "Udo Upsert", email = "udo@example.com" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync())["id"]!.GetValue<int>();

        var again = await api.PutJsonAsync($"/api/v1/contacts/by-reference/{reference}", new { name = "Udo Upsert", email = "udo@example.com" });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.JsonAsync())["id"]!.GetValue<int>().ShouldBe(id);

        var changed = await api.PutJsonAsync($"/api/v1/contacts/by-reference/{reference}", new { name = "Udo Updated", email = "udo@example.com" });
        (await changed.JsonAsync())["name"]!.GetValue<string>().ShouldBe("Udo Updated");
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.ExternalReference == reference))).ShouldBe(1);
    }

    [Fact]
    public async Task A_person_is_linked_to_a_company_and_unlinked_but_never_to_another_person()
    {
        using var api = await ApiAsync();
        var company = await api.PostJsonAsync("/api/v1/contacts", new { kind = "Company", name = "Linkwerk GmbH" });
        var companyId = (await company.JsonAsync())["id"]!.GetValue<int>();
        var person = await api.CreateContactThroughApiAsync("Lina Link", null);
        var other = await api.CreateContactThroughApiAsync("Otto Other", null);

        var linked = await api.PutJsonAsync($"/api/v1/contacts/{person}/company", new { companyId });
        linked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await linked.JsonAsync())["companyId"]!.GetValue<int>().ShouldBe(companyId);

        var refused = await api.PutJsonAsync($"/api/v1/contacts/{person}/company", new { companyId = other });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.JsonAsync())["code"]!.GetValue<string>().ShouldBe("Contact.CompanyMustBeACompany");

        var unlinked = await api.PutJsonAsync($"/api/v1/contacts/{person}/company", new { companyId = (int?)null });
        (await unlinked.JsonAsync())["companyId"].ShouldBeNull();
        (await api.PutJsonAsync("/api/v1/contacts/99999999/company", new { companyId })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_read_only_key_reads_but_a_write_is_refused_with_403_and_changes_nothing()
    {
        using var reader = await ApiAsync("ReadOnly");

        (await reader.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await reader.PostJsonAsync("/api/v1/contacts", new { name = "Rolf Refused" });

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = await refused.JsonAsync();
        problem["status"]!.GetValue<int>().ShouldBe(403);
        problem["code"]!.GetValue<string>().ShouldBe("Staff.NotPermitted");
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.Name == "Rolf Refused"))).ShouldBe(0);
    }

    [Fact]
    public async Task Calls_without_a_valid_key_get_401_problem_details_and_never_a_sign_in_redirect()
    {
        using var anonymous = factory.ApiClient(null);
        var bare = await anonymous.GetAsync("/api/v1/contacts");
        bare.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        bare.Headers.Location.ShouldBeNull();
        bare.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        bare.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var unknown = factory.ApiClient("pk_0123456789ab_not-a-key-we-gave-out");
        (await unknown.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A signed-in colleague's cookie is no key: the API never acts on a browser session.
        using var admin = await factory.SignedInAdminAsync();
        (await admin.Client.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_key_gets_401()
    {
        var tomorrow = factory.Clock.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd");
        using var api = await ApiAsync(expiresOn: tomorrow);
        (await api.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromDays(3));

        (await api.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_retried_post_with_the_same_idempotency_key_is_answered_from_the_first_and_creates_nothing_more()
    {
        using var api = await ApiAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { name = "Ida Idempotent", externalReference = $"IDEM-{key[..8]}" };

        var first = await api.PostJsonAsync("/api/v1/contacts", body, key);
        var retry = await api.PostJsonAsync("/api/v1/contacts", body, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.Name == "Ida Idempotent"))).ShouldBe(1);

        var mixedUp = await api.PostJsonAsync("/api/v1/contacts", new { name = "Someone Else" }, key);
        mixedUp.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await mixedUp.JsonAsync())["code"]!.GetValue<string>().ShouldBe("Idempotency.KeyReused");
    }

    [Fact]
    public async Task Invalid_input_is_a_422_naming_each_field_in_the_callers_language_and_unknown_fields_are_ignored()
    {
        using var api = await ApiAsync();

        var nameless = await api.PostJsonAsync("/api/v1/contacts", new { name = "", email = "not-an-address" });
        nameless.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await nameless.JsonAsync();
        problem.FieldErrors("name").ShouldNotBeEmpty();
        problem.FieldErrors("email").ShouldNotBeEmpty();

        var wrongType = await api.SendRawJsonAsync(HttpMethod.Post, "/api/v1/contacts", """{"name":"Tina Type","companyId":"abc"}""");
        wrongType.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await wrongType.JsonAsync()).FieldErrors("companyId").ShouldBe(["The value has the wrong type or format."]);

        using var german = factory.ApiClient(api.DefaultRequestHeaders.Authorization!.Parameter, "de");
        var inGerman = await german.SendRawJsonAsync(HttpMethod.Post, "/api/v1/contacts", """{"name":"Tina Type","kind":"Robot"}""");
        var germanProblem = await inGerman.JsonAsync();
        germanProblem.FieldErrors("kind").ShouldBe(["Der Wert hat den falschen Typ oder das falsche Format."], germanProblem.ToJsonString());

        var extra = await api.SendRawJsonAsync(HttpMethod.Post, "/api/v1/contacts", """{"name":"Ulla Unknown","shoeSize":42}""");
        extra.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_missing_contact_is_a_404_problem()
    {
        using var api = await ApiAsync();

        var missing = await api.GetAsync("/api/v1/contacts/99999999");

        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.GetAsync("/api/v1/no-such-thing")).Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_body_over_20_MB_is_refused_with_413()
    {
        using var api = await ApiAsync();
        var huge = $$"""{"name":"Big","street":"{{new string('x', 21 * 1024 * 1024)}}"}""";

        var refused = await api.SendRawJsonAsync(HttpMethod.Post, "/api/v1/contacts", huge);

        refused.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.Name == "Big"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after()
    {
        using var api = await ApiAsync(requestsPerMinute: 2);

        (await api.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var throttled = await api.GetAsync("/api/v1/contacts");

        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter.ShouldNotBeNull();
        (await throttled.JsonAsync())["status"]!.GetValue<int>().ShouldBe(429);
        using var other = await ApiAsync();
        (await other.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
