using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Application.Common;
using Portal.Domain.Contacts;

namespace Portal.FunctionalTests.Support;

/// <summary>The steps many tests share, each done through the real pages.</summary>
public static partial class Flows
{
    public const string CustomerPassword = "Amber-Falcon-Meadow-Tide-19";

    public static async Task<PortalBrowser> SignedInAdminAsync(this PortalFactory factory, string? language = null)
    {
        var browser = factory.NewBrowser(language);
        var page = await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        page.Path.ShouldBe("/admin");
        return browser;
    }

    public static async Task<Page> SignInAsync(this PortalBrowser browser, string email, string password)
    {
        var form = await browser.GetAsync(PortalRoutes.Account.SignIn);
        return await browser.SubmitAsync(form,
            fields: new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = password },
            buttonSelector: "main form button[type=submit]");
    }

    public static async Task<int> CreateContactAsync(this PortalBrowser admin, string name, string? email, string? companyId = null,
        string kind = "Person")
    {
        var form = await admin.GetAsync(PortalRoutes.Admin.NewContact);
        var saved = await admin.SubmitAsync(form, "Save", new Dictionary<string, string?>
        {
            ["Kind"] = kind,
            ["Email"] = email,
            ["Details.Name"] = name,
            ["Details.City"] = "Hamburg",
            ["Details.CountryCode"] = "DE",
            ["CompanyId"] = companyId,
        });
        saved.Status.ShouldBe(System.Net.HttpStatusCode.OK, saved.Text);
        var match = Regex.Match(saved.Path, @"^/admin/contacts/(\d+)$");
        match.Success.ShouldBeTrue($"Expected the contact page, got {saved.Path}: {saved.Text}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<Page> OpenWizardAsync(this PortalBrowser admin, params int[] contactIds) =>
        admin.GetAsync(PortalRoutes.Admin.PortalAccess + "?" + string.Join("&", contactIds.Select(id => $"ids={id}")));

    public static async Task<Page> PressRowButtonAsync(this PortalBrowser admin, Page wizard, int contactId, string handler,
        IDictionary<string, string?>? fields = null) =>
        await admin.SubmitAsync(wizard, fields: fields,
            buttonSelector: $"button[name=contactId][value='{contactId}'][formaction*='handler={handler}']");

    public static async Task<Page> GrantAsync(this PortalBrowser admin, int contactId, IDictionary<string, string?>? fields = null) =>
        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "Grant", fields);

    public static string RowText(this Page wizard, int contactId)
    {
        var row = wizard.Document.QuerySelector($"tr[data-contact-id='{contactId}']")
            ?? throw new InvalidOperationException($"No wizard row for contact {contactId}.");
        var message = wizard.Document.GetElementById($"row-message-{contactId}")?.TextContent ?? "";
        return row.TextContent + " " + message;
    }

    public static string InvitationPath(this MimeMessage mail)
    {
        var match = InvitationLink().Match(mail.TextBody ?? "");
        match.Success.ShouldBeTrue("The invitation mail has no link: " + mail.TextBody);
        match.Value.ShouldStartWith(PortalFactory.PublicBaseUrl);
        return new Uri(match.Value).PathAndQuery;
    }

    public static async Task<string> LatestInvitationPathAsync(this PortalFactory factory, string email, int expectedCount = 1)
    {
        var mails = await factory.Smtp.WaitForAsync(email, expectedCount);
        return mails[^1].InvitationPath();
    }

    public static async Task<Page> AcceptInvitationAsync(this PortalBrowser customer, string invitationPath,
        string password = CustomerPassword)
    {
        var form = await customer.GetAsync(invitationPath);
        form.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        return await customer.SubmitAsync(form, "Set password and sign in", new Dictionary<string, string?>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
    }

    /// <summary>Admin grants, the mail arrives, the customer sets a password: returns the customer's signed-in browser.</summary>
    public static async Task<(PortalBrowser Customer, int ContactId)> ActiveCustomerAsync(this PortalFactory factory, PortalBrowser admin,
        string name, string email)
    {
        var contactId = await admin.CreateContactAsync(name, email);
        await admin.GrantAsync(contactId);
        var customer = factory.NewBrowser();
        var home = await customer.AcceptInvitationAsync(await factory.LatestInvitationPathAsync(email));
        home.Path.ShouldBe("/my");
        return (customer, contactId);
    }

    public static Task<int> CountPortalUsersAsync(this PortalFactory factory, int contactId) =>
        factory.WithDbAsync(db => db.PortalUsers.CountAsync(u => u.ContactId == contactId));

    public static Task<Contact> ContactAsync(this PortalFactory factory, int contactId) =>
        factory.WithDbAsync(db => db.Contacts.AsNoTracking().Include(c => c.PortalUser!).ThenInclude(u => u.Invitations)
            .SingleAsync(c => c.Id == contactId));

    [GeneratedRegex(@"https?://\S+/invitation/[A-Za-z0-9_%-]+")]
    private static partial Regex InvitationLink();
}
