using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.PortalAccess;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.Persistence;

namespace Portal.FunctionalTests.ScaleOut;

/// <summary>
/// Two app instances on one database, as behind a load balancer: sessions, invitations and revokes cross
/// instances, and the outbox delivers every mail once even when an instance dies mid-batch.
/// Runs on SQLite by default and on PostgreSQL when the test run points at one.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    /// <summary>Several of the dispatchers' batches (100 mails each), so both instances claim while the other sends.</summary>
    private const int GrantCount = 400;

    private readonly PortalFactory _a = new();
    private PortalFactory _b = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_a).InitializeAsync();
        _b = PortalFactory.SecondInstanceOf(_a);
        await ((IAsyncLifetime)_b).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_b).DisposeAsync();
        await ((IAsyncLifetime)_a).DisposeAsync();
    }

    [Fact]
    public async Task A_session_started_on_one_instance_works_on_the_other()
    {
        using var onA = await _a.SignedInAdminAsync();
        using var onB = _b.NewBrowser(cookies: onA.Cookies);

        var page = await onB.GetAsync("/admin/contacts", followRedirects: false);
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Text.ShouldContain("Contacts");
    }

    [Fact]
    public async Task A_settings_change_saved_on_one_instance_shows_on_the_other_within_its_settings_lifetime()
    {
        using var visitorOnB = _b.NewBrowser();
        (await visitorOnB.GetAsync("/")).Document.QuerySelector(".navbar-brand")!.TextContent.ShouldContain("Contoso Trading");

        using var adminOnA = await _a.SignedInAdminAsync();
        var form = await adminOnA.GetAsync("/admin/settings");
        var saved = await adminOnA.SubmitAsync(form, "Save branding",
            new Dictionary<string, string?> { ["Branding.CompanyName"] = "Northwind Traders" });
        saved.Document.QuerySelector(".navbar-brand")!.TextContent
            .ShouldContain("Northwind Traders", customMessage: "at once on the instance that saved");

        // B keeps its copy for Portal:Settings:Lifetime (5 seconds by default), then reads the new one without a restart.
        await Eventually.HoldsAsync(
            async () => (await visitorOnB.GetAsync("/")).Document.QuerySelector(".navbar-brand")!.TextContent,
            brand => brand.Contains("Northwind Traders", StringComparison.Ordinal),
            "the other instance to show the new company name");
    }

    [Fact]
    public async Task An_invitation_granted_on_one_instance_is_accepted_on_the_other_and_a_revoke_there_ends_the_session_here()
    {
        using var adminOnA = await _a.SignedInAdminAsync();
        var contactId = await adminOnA.CreateContactAsync("Ines Instance", "ines.instance@example.com");
        await adminOnA.GrantAsync(contactId);
        var link = await _a.LatestInvitationPathAsync("ines.instance@example.com");

        using var customerOnB = _b.NewBrowser();
        (await customerOnB.AcceptInvitationAsync(link)).Path.ShouldBe("/my");
        using var customerOnA = _a.NewBrowser(cookies: customerOnB.Cookies);
        (await customerOnA.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);

        using var adminOnB = await _b.SignedInAdminAsync();
        await adminOnB.PressRowButtonAsync(await adminOnB.OpenWizardAsync(contactId), contactId, "Revoke");

        (await customerOnA.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Four_hundred_grants_with_both_dispatchers_running_give_four_hundred_mails_each_sent_once()
    {
        var ids = await CreateContactsAsync(GrantCount, "bulk");
        await Task.WhenAll(GrantAllAsync(_a, ids.Where((_, i) => i % 2 == 0)), GrantAllAsync(_b, ids.Where((_, i) => i % 2 == 1)));

        await Eventually.HoldsAsync(() => Task.FromResult(_a.Smtp.Messages.Count), count => count >= GrantCount, "every mail",
            TimeSpan.FromMinutes(3));
        await Eventually.HoldsAsync(() => _a.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent)),
            sent => sent == GrantCount, "every mail recorded as sent");

        var messages = _a.Smtp.Messages;
        messages.Count.ShouldBe(GrantCount);
        messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(GrantCount);
        messages.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count().ShouldBe(GrantCount);
    }

    [Fact]
    public async Task When_an_instance_dies_mid_batch_the_other_delivers_the_rest_after_its_claim_expires()
    {
        var ids = await CreateContactsAsync(GrantCount, "survive");
        await GrantAllAsync(_a, ids);

        await Eventually.HoldsAsync(() => Task.FromResult(_a.Smtp.Messages.Count), count => count >= 50, "the first mails",
            TimeSpan.FromMinutes(1));
        // Instance A stops in the middle of its batch; its claimed mails stay claimed until the lease runs out.
        await _a.DisposeAsync();

        _b.Clock.Advance(TimeSpan.FromMinutes(3));
        await Eventually.HoldsAsync(() => _b.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent)),
            sent => sent == GrantCount, "every mail sent by the surviving instance", TimeSpan.FromMinutes(3));

        var messages = _b.Smtp.Messages;
        messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(GrantCount);
        // At most the one mail that was on the wire when the instance died goes out twice, with the same Message-Id.
        (messages.Count - GrantCount).ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task Maintenance_runs_on_one_instance_at_a_time()
    {
        var workerA = _a.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<MaintenanceWorker>().Single();
        var workerB = _b.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<MaintenanceWorker>().Single();
        _a.Clock.Advance(TimeSpan.FromHours(2));

        var first = await workerA.RunOnceAsync(CancellationToken.None) is not null;
        var second = await workerB.RunOnceAsync(CancellationToken.None) is not null;
        (first ^ second).ShouldBeTrue("exactly one instance may hold the maintenance lease");

        _a.Clock.Advance(TimeSpan.FromHours(1));
        var holder = first ? workerA : workerB;
        var other = first ? workerB : workerA;
        (await other.RunOnceAsync(CancellationToken.None)).ShouldNotBeNull("an expired lease passes to the other instance");
        (await holder.RunOnceAsync(CancellationToken.None)).ShouldBeNull();
    }

    private async Task<List<int>> CreateContactsAsync(int count, string prefix)
    {
        var now = _a.Clock.GetUtcNow();
        return await _a.WithDbAsync(async db =>
        {
            var contacts = Enumerable.Range(0, count)
                .Select(i => Contact.CreatePerson(new ContactDetails($"{prefix} {i:0000}"), $"{prefix}.{i:0000}@example.com", null, now))
                .ToList();
            db.Contacts.AddRange(contacts);
            await db.SaveChangesAsync();
            return contacts.Select(c => c.Id).ToList();
        });
    }

    private static async Task GrantAllAsync(PortalFactory instance, IEnumerable<int> contactIds)
    {
        var administrator = await instance.AdministratorIdAsync();
        foreach (var id in contactIds) await instance.SendAsAsync(administrator, new GrantPortalAccess(id, null, null));
    }
}
