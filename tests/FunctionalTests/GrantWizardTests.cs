using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.PortalAccess;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>The wizard's refusals, its bulk use, and grants racing each other.</summary>
public sealed class GrantWizardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Invalid_duplicate_and_internal_e_mails_are_refused_in_their_row_and_nothing_is_granted()
    {
        using var admin = await factory.SignedInAdminAsync();
        var taken = await admin.CreateContactAsync("Tom Taken", "tom.taken@example.com");
        await admin.GrantAsync(taken);
        var invalid = await admin.CreateContactAsync("Ivo Invalid", email: null);
        var duplicate = await admin.CreateContactAsync("Dora Duplicate", "TOM.taken@example.com");
        var staff = await admin.CreateContactAsync("Sam Staff", PortalFactory.AdminEmail);

        var wizard = await admin.OpenWizardAsync(invalid, duplicate, staff);
        wizard.RowText(invalid).ShouldContain("invalid");
        wizard.RowText(duplicate).ShouldContain("already used by another user");
        wizard.RowText(staff).ShouldContain("internal user");

        var afterInvalid = await admin.PressRowButtonAsync(wizard, invalid, "Grant");
        afterInvalid.RowText(invalid).ShouldContain("The contact has no valid e-mail address.");
        var afterDuplicate = await admin.PressRowButtonAsync(afterInvalid, duplicate, "Grant");
        afterDuplicate.RowText(duplicate).ShouldContain("This e-mail address is already used by another user.");
        var afterStaff = await admin.PressRowButtonAsync(afterDuplicate, staff, "Grant");
        afterStaff.RowText(staff).ShouldContain("internal users can't be portal users");

        foreach (var id in new[] { invalid, duplicate, staff }) (await factory.CountPortalUsersAsync(id)).ShouldBe(0);
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToName == "Ivo Invalid" || m.ToName == "Dora Duplicate"
            || m.ToName == "Sam Staff"))).ShouldBe(0);
    }

    [Fact]
    public async Task An_e_mail_typed_into_the_wizard_is_checked_and_a_refusal_keeps_the_contact_unchanged()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Edda Edit", "edda.old@example.com");
        var wizard = await admin.OpenWizardAsync(contactId);

        var refused = await admin.PressRowButtonAsync(wizard, contactId, "Grant",
            new Dictionary<string, string?> { [$"Emails[{contactId}]"] = "edda@@broken" });
        refused.RowText(contactId).ShouldContain("The contact has no valid e-mail address.");
        refused.Document.QuerySelector($"#email-{contactId}")!.GetAttribute("value").ShouldBe("edda@@broken");
        (await factory.ContactAsync(contactId)).Email.ShouldBe("edda.old@example.com");

        var granted = await admin.PressRowButtonAsync(refused, contactId, "Grant",
            new Dictionary<string, string?> { [$"Emails[{contactId}]"] = "edda.new@example.com" });
        granted.RowText(contactId).ShouldContain("Invited");
        (await factory.ContactAsync(contactId)).Email.ShouldBe("edda.new@example.com");
        await factory.Smtp.WaitForAsync("edda.new@example.com");
    }

    [Fact]
    public async Task The_wizard_lists_a_company_with_its_members_and_grants_row_by_row()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Nordwind GmbH", "office@nordwind.example", kind: "Company");
        var first = await admin.CreateContactAsync("Nina Nordwind", "nina@nordwind.example",
            company.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var second = await admin.CreateContactAsync("Nils Nordwind", "nils@nordwind.example",
            company.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var wizard = await admin.OpenWizardAsync(company);
        foreach (var id in new[] { company, first, second }) wizard.RowText(id).ShouldContain("No access");
        wizard.RowText(first).ShouldContain("Nordwind GmbH");

        var afterFirst = await admin.PressRowButtonAsync(wizard, first, "Grant");
        afterFirst.RowText(first).ShouldContain("Invited");
        afterFirst.RowText(second).ShouldContain("No access");
        (await factory.CountPortalUsersAsync(second)).ShouldBe(0);
    }

    [Fact]
    public async Task The_contact_list_selects_several_contacts_for_the_wizard()
    {
        using var admin = await factory.SignedInAdminAsync();
        var a = await admin.CreateContactAsync("Bulk Anton", "bulk.anton@example.com");
        var b = await admin.CreateContactAsync("Bulk Berta", "bulk.berta@example.com");
        var list = await admin.GetAsync("/admin/contacts?q=Bulk");
        list.Document.QuerySelectorAll("tbody tr").Count().ShouldBe(2);
        var wizard = await admin.SubmitAsync(list, "Grant portal access to selected", new Dictionary<string, string?> { ["ids"] = null });
        wizard.Document.QuerySelectorAll("tr[data-contact-id]").ShouldBeEmpty();

        var chosen = await admin.GetAsync($"/admin/portal-access?ids={a}&ids={b}");
        chosen.RowText(a).ShouldContain("Bulk Anton");
        chosen.RowText(b).ShouldContain("Bulk Berta");
    }

    [Fact]
    public async Task Contact_search_ignores_case_in_names_e_mails_and_companies()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Zeppelin Werke AG", "kontakt@zeppelin.example", kind: "Company");
        await admin.CreateContactAsync("Zora Zeppelin-Fan", "ZORA@Mixed.Example",
            company.ToString(System.Globalization.CultureInfo.InvariantCulture));

        foreach (var term in new[] { "zora", "ZORA ZEPPELIN", "mixed.example", "zEPPELIN wERKE" })
        {
            var list = await admin.GetAsync($"/admin/contacts?q={Uri.EscapeDataString(term)}");
            list.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent)
                .ShouldContain(row => row.Contains("Zora Zeppelin-Fan"), $"search '{term}'");
        }
    }

    [Fact]
    public async Task Twenty_concurrent_grants_for_one_contact_create_one_portal_user_and_one_open_invitation()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Racy Rachel", "racy.rachel@example.com");
        var wizard = await admin.OpenWizardAsync(contactId);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            admin.PressRowButtonAsync(wizard, contactId, "Grant")));

        responses.ShouldAllBe(r => r.Status == HttpStatusCode.OK);
        (await factory.CountPortalUsersAsync(contactId)).ShouldBe(1);
        var contact = await factory.ContactAsync(contactId);
        contact.PortalUser!.Invitations.Count(i => i.IsOpen).ShouldBe(1);
        contact.PortalUser.State.ShouldBe(PortalAccessState.Invited);
        var mails = await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == "racy.rachel@example.com"));
        mails.ShouldBe(1);
    }
}
