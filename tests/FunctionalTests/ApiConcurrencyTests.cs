using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Contacts;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.Api;
using Portal.Infrastructure.Persistence;

namespace Portal.FunctionalTests;

/// <summary>
/// Requests that race each other: POSTs sent twice at once with one Idempotency-Key do the work once, and two changes of one
/// contact made from the same version store one and refuse the other, whichever database settles it.
/// </summary>
public sealed class ApiConcurrencyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(HttpClient Api, string Name)> ApiAsync()
    {
        using var admin = await factory.SignedInAdminAsync();
        var name = $"Race {Guid.NewGuid():N}"[..13];
        return (factory.ApiClient(await admin.CreateApiKeyAsync(name)), name);
    }

    [Fact]
    public async Task Identical_posts_sent_at_the_same_moment_with_one_idempotency_key_create_one_contact()
    {
        var (api, _) = await ApiAsync();
        using var _api = api;
        var key = Guid.NewGuid().ToString();
        var name = $"Ivo Idem {key[..8]}";
        var body = new { name, externalReference = $"RACE-{key[..8]}" };

        using var start = new SemaphoreSlim(0);
        var sending = Enumerable.Range(0, 6).Select(async _ =>
        {
            await start.WaitAsync();
            return await api.PostJsonAsync("/api/v1/contacts", body, key);
        }).ToList();
        start.Release(sending.Count);
        var answers = await Task.WhenAll(sending);

        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.Name == name))).ShouldBe(1, "the work ran once");
        var ran = answers.Where(a => a.StatusCode == HttpStatusCode.Created && !a.Headers.Contains("Idempotent-Replayed")).ToList();
        ran.Count.ShouldBe(1);
        var id = (await ran[0].JsonAsync())["id"]!.GetValue<int>();
        foreach (var other in answers.Except(ran))
        {
            if (other.StatusCode == HttpStatusCode.Conflict)
            {
                var problem = await other.JsonAsync();
                problem["code"]!.GetValue<string>().ShouldBe("Idempotency.InProgress");
                problem["detail"]!.GetValue<string>().ShouldContain("still in progress");
                other.Headers.RetryAfter.ShouldNotBeNull();
            }
            else
            {
                other.StatusCode.ShouldBe(HttpStatusCode.Created);
                (await other.JsonAsync())["id"]!.GetValue<int>().ShouldBe(id, "a request sent after the first ended gets its answer");
            }
        }

        var retry = await api.PostJsonAsync("/api/v1/contacts", body, key);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await retry.JsonAsync())["id"]!.GetValue<int>().ShouldBe(id);
    }

    [Fact]
    public async Task A_post_whose_key_is_held_by_a_request_still_running_gets_409_and_a_key_left_by_a_stopped_instance_is_taken_over()
    {
        var (api, keyName) = await ApiAsync();
        using var _api = api;
        var key = Guid.NewGuid().ToString();
        var name = $"Rita Running {key[..8]}";
        var body = new { name };
        await factory.WithDbAsync(async db =>
        {
            var apiKeyId = await db.ApiKeys.Where(k => k.Name == keyName).Select(k => k.Id).SingleAsync();
            // What a request that is still working (or whose instance stopped mid-way) leaves: the key reserved, no answer yet.
            db.IdempotentResponses.Add(IdempotentResponse.Reserve(apiKeyId, key, HashOf("/api/v1/contacts", body), factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        var busy = await api.PostJsonAsync("/api/v1/contacts", body, key);
        busy.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await busy.JsonAsync();
        problem["code"]!.GetValue<string>().ShouldBe("Idempotency.InProgress");
        problem["detail"]!.GetValue<string>().ShouldBe(
            "A request with this Idempotency-Key is still in progress. Retry it once that request has been answered.");
        busy.Headers.RetryAfter.ShouldNotBeNull();
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.Name == name))).ShouldBe(0);

        factory.Clock.Advance(IdempotentResponse.AbandonedAfter + TimeSpan.FromSeconds(1));
        var takenOver = await api.PostJsonAsync("/api/v1/contacts", body, key);
        takenOver.StatusCode.ShouldBe(HttpStatusCode.Created, await takenOver.Content.ReadAsStringAsync());
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.Name == name))).ShouldBe(1);
    }

    [Fact]
    public async Task Changes_sent_at_the_same_moment_from_one_version_store_one_and_refuse_the_others_with_409()
    {
        var (api, _) = await ApiAsync();
        using var _api = api;
        var id = await api.CreateContactThroughApiAsync($"Clara Clash {Guid.NewGuid():N}"[..20], null);
        var etag = (await api.GetAsync($"/api/v1/contacts/{id}")).Headers.ETag!.Tag;
        factory.Clock.Advance(TimeSpan.FromSeconds(1));

        using var start = new SemaphoreSlim(0);
        var cities = new[] { "Kiel", "Ulm", "Bonn", "Jena", "Hof", "Gera" };
        var sending = cities.Select(async city =>
        {
            await start.WaitAsync();
            return (City: city, Answer: await api.PutJsonAsync($"/api/v1/contacts/{id}", new { name = "Clara Clash", city }, ifMatch: etag));
        }).ToList();
        start.Release(sending.Count);
        var answers = await Task.WhenAll(sending);

        var stored = answers.Where(a => a.Answer.StatusCode == HttpStatusCode.OK).ToList();
        stored.Count.ShouldBe(1, string.Join(", ", answers.Select(a => a.Answer.StatusCode)));
        foreach (var (_, refused) in answers.Except(stored))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        (await factory.ContactAsync(id)).City.ShouldBe(stored[0].City);
    }

    [Fact]
    public async Task Of_two_saves_that_read_the_same_contact_the_later_fails_in_the_database_even_after_passing_every_check()
    {
        var (api, _) = await ApiAsync();
        using var _api = api;
        var id = await api.CreateContactThroughApiAsync($"Dora Double {Guid.NewGuid():N}"[..20], null);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));

        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var one = first.ServiceProvider.GetRequiredService<PortalDbContext>();
        var two = second.ServiceProvider.GetRequiredService<PortalDbContext>();
        var readByOne = await one.Contacts.SingleAsync(c => c.Id == id);
        var readByTwo = await two.Contacts.SingleAsync(c => c.Id == id);

        readByOne.UpdateDetails(DetailsWithCity(readByOne, "Kiel"), factory.Clock.GetUtcNow());
        await one.SaveChangesAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        readByTwo.UpdateDetails(DetailsWithCity(readByTwo, "Ulm"), factory.Clock.GetUtcNow());

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync());
        (await factory.ContactAsync(id)).City.ShouldBe("Kiel");
    }

    [Fact]
    public async Task Saving_a_contact_form_opened_before_someone_elses_change_says_so_and_keeps_their_change()
    {
        var (api, _) = await ApiAsync();
        using var _api = api;
        using var admin = await factory.SignedInAdminAsync();
        var id = await api.CreateContactThroughApiAsync($"Edda Edit {Guid.NewGuid():N}"[..18], null);
        var form = await admin.GetAsync($"/admin/contacts/{id}/edit");

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var etag = (await api.GetAsync($"/api/v1/contacts/{id}")).Headers.ETag!.Tag;
        (await api.PutJsonAsync($"/api/v1/contacts/{id}", new { name = "Edda Edit", city = "Kiel" }, ifMatch: etag))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var saved = await admin.SubmitAsync(form, "Save", new Dictionary<string, string?> { ["Details.City"] = "Ulm" });
        saved.Status.ShouldBe(HttpStatusCode.OK);
        saved.Document.QuerySelector(".alert-danger")!.TextContent
            .ShouldContain("Someone else changed this at the same time. Please reload and try again.");
        (await factory.ContactAsync(id)).City.ShouldBe("Kiel");

        var reloaded = await admin.GetAsync($"/admin/contacts/{id}/edit");
        (await admin.SubmitAsync(reloaded, "Save", new Dictionary<string, string?> { ["Details.City"] = "Ulm" })).Path
            .ShouldBe($"/admin/contacts/{id}");
        (await factory.ContactAsync(id)).City.ShouldBe("Ulm");
    }

    /// <summary>What the API hashes to recognise a request again: method, path and the JSON body as the client sends it.</summary>
    private static string HashOf(string path, object body) => Convert.ToHexStringLower(SHA256.HashData(
        [.. Encoding.UTF8.GetBytes($"POST {path}\n"), .. JsonSerializer.SerializeToUtf8Bytes(body, ApiFlows.Web)]));

    private static ContactDetails DetailsWithCity(Contact contact, string city) => new(contact.Name, contact.Phone, contact.Street,
        contact.PostalCode, city, contact.CountryCode, contact.VatNumber, contact.CompanyName, contact.PreferredLanguage);
}
