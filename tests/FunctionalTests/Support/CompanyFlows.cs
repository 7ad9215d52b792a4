using System.Globalization;

namespace Portal.FunctionalTests.Support;

/// <summary>Steps for company accounts: a company's people, with or without the company administrator role.</summary>
public static class CompanyFlows
{
    /// <summary>Staff create a person under the company and grant access (as its administrator, if asked); the person accepts.</summary>
    public static async Task<(PortalBrowser Browser, int ContactId)> CompanyMemberAsync(
        this PortalFactory factory, PortalBrowser admin, int companyId, string name, string email, bool administrator)
    {
        var id = await admin.CreateContactAsync(name, email, companyId.ToString(CultureInfo.InvariantCulture));
        await admin.GrantAsync(id, administrator
            ? new Dictionary<string, string?> { ["CompanyAdministrators"] = id.ToString(CultureInfo.InvariantCulture) }
            : null);
        var browser = factory.NewBrowser();
        (await browser.AcceptInvitationAsync(await factory.LatestInvitationPathAsync(email))).Path.ShouldBe("/my");
        return (browser, id);
    }

    /// <summary>The company administrator fills in /my/company/invite and sends it; answers the page it lands on.</summary>
    public static async Task<Page> InviteColleagueAsync(this PortalBrowser administrator, string name, string email, string language,
        string button = "Send invitation")
    {
        var form = await administrator.GetAsync("/my/company/invite");
        form.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        return await administrator.SubmitAsync(form, button, new Dictionary<string, string?>
        {
            ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Language"] = language,
        });
    }

    /// <summary>An administrator saves the settings' "Company accounts" section.</summary>
    public static async Task SetCompanyAccountsAsync(this PortalBrowser admin, string invitations, string maxPortalUsers = "",
        bool editDetails = false)
    {
        var settings = await admin.GetAsync("/admin/settings");
        var saved = await admin.SubmitAsync(settings, "Save company account settings", new Dictionary<string, string?>
        {
            ["CompanyAccounts.ColleagueInvitations"] = invitations,
            ["CompanyAccounts.MaxPortalUsersPerCompany"] = maxPortalUsers,
            ["CompanyAccounts.AdministratorsEditDetails"] = editDetails ? "true" : null,
        });
        saved.Text.ShouldContain("The company account settings were saved.");
    }
}
