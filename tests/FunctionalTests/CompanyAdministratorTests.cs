using System.Globalization;
using System.Net;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>Staff make a company's portal user its company administrator, in the wizard or on the contact page.</summary>
public sealed class CompanyAdministratorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Staff_make_a_company_person_administrator_in_the_wizard_and_end_the_role_on_the_contact_page()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Kestrel GmbH", "office@kestrel.example", kind: "Company");
        var kim = await admin.CreateContactAsync("Kim Kestrel", "kim@kestrel.example", company.ToString(CultureInfo.InvariantCulture));

        var granted = await admin.GrantAsync(kim, new Dictionary<string, string?> { ["CompanyAdministrators"] = Id(kim) });
        granted.RowText(kim).ShouldContain("Company administrator");
        (await factory.ContactAsync(kim)).PortalUser!.IsCompanyAdministrator.ShouldBeTrue();

        var contactPage = await admin.GetAsync($"/admin/contacts/{kim}");
        contactPage.Document.QuerySelector("[data-testid=company-administrator]")!.TextContent.Trim().ShouldBe("Yes");
        var ended = await admin.SubmitAsync(contactPage, "Stop being company administrator");

        ended.Path.ShouldBe($"/admin/contacts/{kim}");
        ended.Text.ShouldContain("Kim Kestrel is no longer a company administrator.");
        ended.Document.QuerySelector("[data-testid=company-administrator]")!.TextContent.Trim().ShouldBe("No");
        ended.Text.ShouldContain("No longer company administrator");
        (await factory.ContactAsync(kim)).PortalUser!.IsCompanyAdministrator.ShouldBeFalse();

        var made = await admin.SubmitAsync(ended, "Make company administrator");
        made.Text.ShouldContain("Kim Kestrel is now a company administrator");

        var activity = await admin.GetAsync($"/admin/activity?contactId={kim}");
        activity.Text.ShouldContain("Made company administrator");
        activity.Text.ShouldContain("No longer company administrator");
    }

    [Fact]
    public async Task A_person_without_a_company_contact_cannot_be_made_company_administrator()
    {
        using var admin = await factory.SignedInAdminAsync();
        var lone = await admin.CreateContactAsync("Lone Wolf", "lone.wolf@example.com");
        await admin.GrantAsync(lone);

        var contactPage = await admin.GetAsync($"/admin/contacts/{lone}");
        contactPage.Text.ShouldNotContain("Make company administrator");

        // The button isn't offered; a hand-made post gets the domain's refusal on the page.
        var token = await admin.FormTokenAsync();
        using var response = await admin.Client.PostAsync($"/admin/contacts/{lone}?handler=CompanyAdministrator",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("isAdministrator", "true")]));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Only a person who belongs to a company contact can be the company");
        (await factory.ContactAsync(lone)).PortalUser!.IsCompanyAdministrator.ShouldBeFalse();
    }

    [Fact]
    public async Task The_wizard_refuses_a_company_administrator_grant_for_a_person_without_company_in_german()
    {
        using var english = await factory.SignedInAdminAsync();
        var lone = await english.CreateContactAsync("Lena Allein", "lena.allein@example.com");
        using var admin = await factory.SignedInAdminAsync("de");

        var wizard = await admin.OpenWizardAsync(lone);
        var refused = await admin.PressRowButtonAsync(wizard, lone, "Grant",
            new Dictionary<string, string?> { ["CompanyAdministrators"] = Id(lone) });

        refused.RowText(lone).ShouldContain("Nur eine Person, die zu einem Firmenkontakt gehört");
        (await factory.CountPortalUsersAsync(lone)).ShouldBe(0);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
