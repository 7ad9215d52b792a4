using System.Net;
using Portal.Domain.PortalAccess;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// /api/v1/contacts/{id}/access and the bulk grant: the same moves the wizard makes, refused the same way, recorded as the
/// API key's in the activity list and the contact's history.
/// </summary>
public sealed class PortalAccessApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_grant_sends_the_welcome_message_and_is_recorded_as_the_api_keys_in_the_activity_and_the_history()
    {
        using var admin = await factory.SignedInAdminAsync();
        using var api = factory.ApiClient(await admin.CreateApiKeyAsync("ERP grant"));
        var id = await api.CreateContactThroughApiAsync("Greta Granted", "greta.granted@example.com");

        var granted = await api.PostJsonAsync($"/api/v1/contacts/{id}/access", new { welcomeMessage = "Welcome from the ERP!" });

        granted.StatusCode.ShouldBe(HttpStatusCode.OK, await granted.Content.ReadAsStringAsync());
        var access = await granted.JsonAsync();
        access["state"]!.GetValue<string>().ShouldBe("Invited");
        access["login"]!.GetValue<string>().ShouldBe("greta.granted@example.com");
        var mail = (await factory.Smtp.WaitForAsync("greta.granted@example.com"))[^1];
        (mail.TextBody ?? "").ShouldContain("Welcome from the ERP!");

        var activity = await admin.GetAsync("/admin/activity");
        activity.Text.ShouldContain("API key ERP grant");
        var details = await admin.GetAsync($"/admin/contacts/{id}");
        details.Text.ShouldContain("API key ERP grant");
        using var german = await factory.SignedInAdminAsync("de");
        (await german.GetAsync($"/admin/contacts/{id}")).Text.ShouldContain("API-Schlüssel ERP grant");

        var again = await api.PostJsonAsync($"/api/v1/contacts/{id}/access", new { });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.JsonAsync())["code"]!.GetValue<string>().ShouldBe("PortalAccess.AlreadyGranted");
    }

    [Fact]
    public async Task Re_invite_and_revoke_move_the_state_and_a_revoke_without_access_is_a_409()
    {
        using var admin = await factory.SignedInAdminAsync();
        using var api = factory.ApiClient(await admin.CreateApiKeyAsync("ERP moves"));
        var id = await api.CreateContactThroughApiAsync("Rainer Revoked", "rainer.revoked@example.com");
        (await (await api.GetAsync($"/api/v1/contacts/{id}/access")).JsonAsync())["state"].ShouldBeNull();
        (await api.PostJsonAsync($"/api/v1/contacts/{id}/access", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var tooSoon = await api.PostJsonAsync($"/api/v1/contacts/{id}/access/re-invite", new { });
        tooSoon.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await tooSoon.JsonAsync())["code"]!.GetValue<string>().ShouldBe("PortalAccess.InvitationJustSent");
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var reInvited = await api.PostJsonAsync($"/api/v1/contacts/{id}/access/re-invite", new { welcomeMessage = "Second try" });
        reInvited.StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await api.DeleteAsync($"/api/v1/contacts/{id}/access");
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await revoked.JsonAsync())["state"]!.GetValue<string>().ShouldBe("Revoked");
        (await factory.ContactAsync(id)).PortalUser!.State.ShouldBe(PortalAccessState.Revoked);
        (await api.DeleteAsync($"/api/v1/contacts/{id}/access")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await api.GetAsync("/api/v1/contacts/99999999/access")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_read_only_key_reads_access_but_may_not_grant()
    {
        using var admin = await factory.SignedInAdminAsync();
        var id = await admin.CreateContactAsync("Norbert Nogrant", "norbert.nogrant@example.com");
        using var reader = factory.ApiClient(await admin.CreateApiKeyAsync("Reporting", "ReadOnly"));

        (await reader.GetAsync($"/api/v1/contacts/{id}/access")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.PostJsonAsync($"/api/v1/contacts/{id}/access", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reader.PostJsonAsync("/api/v1/portal-access/jobs/grant", new { search = "Nogrant" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        (await factory.CountPortalUsersAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_bulk_grant_answers_202_with_a_job_whose_progress_is_read_until_it_completes()
    {
        using var admin = await factory.SignedInAdminAsync();
        using var api = factory.ApiClient(await admin.CreateApiKeyAsync("ERP bulk"));
        var tag = Guid.NewGuid().ToString("N")[..8];
        await factory.SeedContactsAsync(Enumerable.Range(1, 3).Select(i => ($"Bulk {tag} {i}", (string?)$"bulk{i}.{tag}@example.com")));

        var started = await api.PostJsonAsync("/api/v1/portal-access/jobs/grant", new { search = $"Bulk {tag}", welcomeMessage = "Hello" });

        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var job = await started.JsonAsync();
        job["total"]!.GetValue<int>().ShouldBe(3);
        var location = started.Headers.Location!.ToString();
        location.ShouldBe($"/api/v1/portal-access/jobs/{job["id"]!.GetValue<int>()}");
        var done = await Eventually.HoldsAsync(async () => await (await api.GetAsync(location)).JsonAsync(),
            progress => progress["status"]!.GetValue<string>() == "Completed", "the bulk grant to complete");
        done["done"]!.GetValue<int>().ShouldBe(3);
        (await api.GetAsync("/api/v1/portal-access/jobs/99999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
