using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Users;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// The back-office activity list: every grant, re-invite and revoke with who did it, filtered by staff member, contact,
/// kind and date.
/// </summary>
public sealed class ActivityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Granting_re_inviting_and_revoking_each_appear_in_the_activity_list_with_who_did_it()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Greta Activity", "greta.activity@example.com");
        await admin.GrantAsync(contactId);
        factory.Clock.Advance(InvitationPace.MinimumInterval);
        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "ReInvite");
        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "Revoke");

        var list = await admin.GetAsync($"/admin/activity?contactId={contactId}");

        list.Status.ShouldBe(HttpStatusCode.OK);
        var rows = Rows(list);
        rows.Count.ShouldBe(3);
        rows[0].ShouldContain("Portal access revoked");
        rows[1].ShouldContain("Re-invited");
        rows[2].ShouldContain("Portal access granted");
        rows.ShouldAllBe(row => row.Contains("Greta Activity") && row.Contains(PortalFactory.AdminEmail));

        var stored = await factory.WithDbAsync(db => db.ActivityEntries.AsNoTracking().Where(a => a.ContactId == contactId).ToListAsync());
        var adminId = await factory.AdministratorIdAsync();
        stored.ShouldAllBe(a => a.ActorUserId == adminId);
    }

    [Fact]
    public async Task The_contact_history_links_to_that_contacts_activity()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Hanna History", "hanna.history@example.com");
        await admin.GrantAsync(contactId);

        var contact = await admin.GetAsync($"/admin/contacts/{contactId}");
        var link = contact.Document.QuerySelectorAll("a").Single(a => a.TextContent.Contains("All activity for this contact"));

        var list = await admin.GetAsync(link.GetAttribute("href")!);
        Rows(list).ShouldHaveSingleItem().ShouldContain("Hanna History");
    }

    [Fact]
    public async Task The_list_filters_by_staff_member_contact_kind_and_date()
    {
        using (var earlier = await factory.SignedInAdminAsync())
        {
            await earlier.GrantAsync(await earlier.CreateContactAsync("Filter Byadmin", "filter.byadmin@example.com"));
        }
        factory.Clock.Advance(TimeSpan.FromDays(3));
        using var admin = await factory.SignedInAdminAsync();
        var byManager = await admin.CreateContactAsync("Filter Bymanager", "filter.bymanager@example.com");
        var manager = await factory.SignedInColleagueAsync("fiona.filter@portal.test", "Fiona Filter", StaffRole.PortalManager);
        await manager.Browser.GrantAsync(byManager);
        await manager.Browser.PressRowButtonAsync(await manager.Browser.OpenWizardAsync(byManager), byManager, "Revoke");

        var byStaff = Rows(await admin.GetAsync($"/admin/activity?staff={manager.Id}"));
        byStaff.ShouldNotBeEmpty();
        byStaff.ShouldAllBe(row => row.Contains("Fiona Filter"));

        var byContactName = Rows(await admin.GetAsync("/admin/activity?contact=byadmin"));
        byContactName.ShouldHaveSingleItem().ShouldContain("Filter Byadmin");

        var revokes = Rows(await admin.GetAsync($"/admin/activity?kind={ActivityKind.AccessRevoked}&contact=Filter"));
        revokes.ShouldHaveSingleItem().ShouldContain("Filter Bymanager");

        var today = factory.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var recent = Rows(await admin.GetAsync($"/admin/activity?contact=filter&from={today}&to={today}"));
        recent.Count.ShouldBe(2);
        recent.ShouldAllBe(row => row.Contains("Filter Bymanager"));
    }

    [Fact]
    public async Task An_unreadable_filter_is_left_out_with_a_note_instead_of_an_error()
    {
        using var admin = await factory.SignedInAdminAsync();

        var list = await admin.GetAsync("/admin/activity?from=yesterday&kind=Nonsense&staff=abc&p=-4");

        list.Status.ShouldBe(HttpStatusCode.OK);
        list.Text.ShouldContain("Some filters could not be read and were left out.");
    }

    [Fact]
    public async Task A_read_only_colleague_sees_the_activity_list_and_a_customer_does_not()
    {
        using var admin = await factory.SignedInAdminAsync();
        var reader = await factory.SignedInColleagueAsync("rudi.reader@portal.test", "Rudi Reader", StaffRole.ReadOnly);
        (await reader.Browser.GetAsync("/admin/activity")).Status.ShouldBe(HttpStatusCode.OK);

        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Carla Customer", "carla.activity@example.com");
        using var _ = customer;
        (await customer.GetAsync("/admin/activity", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_activity_list_is_in_German_for_a_German_reader()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Dora Deutsch", "dora.deutsch@example.com");
        await admin.GrantAsync(contactId);
        using var germanAdmin = await factory.SignedInAdminAsync("de");

        var list = await germanAdmin.GetAsync($"/admin/activity?contactId={contactId}");

        list.Text.ShouldContain("Aktivität");
        Rows(list).ShouldHaveSingleItem().ShouldContain("Portalzugang gewährt");
    }

    private static List<string> Rows(Page list) =>
        list.Document.QuerySelectorAll("#activity tbody tr").Select(r => r.TextContent).Where(t => !t.Contains("Nothing matches")).ToList();
}
