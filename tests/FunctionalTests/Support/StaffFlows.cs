using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Application.Common;

namespace Portal.FunctionalTests.Support;

/// <summary>Inviting colleagues to the back office and acting on them, through the real pages.</summary>
public static partial class StaffFlows
{
    public const string StaffPassword = "Copper-Harbour-Willow-Stone-42";

    public static async Task<Page> InviteStaffAsync(this PortalBrowser admin, string email, string name, string role)
    {
        var form = await admin.GetAsync(PortalRoutes.Admin.InviteStaff);
        form.Status.ShouldBe(System.Net.HttpStatusCode.OK, form.Text);
        return await admin.SubmitAsync(form, "Send invitation", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = name,
            ["Input.Role"] = role,
        });
    }

    public static string StaffInvitationPath(this MimeMessage mail)
    {
        var match = StaffInvitationLink().Match(mail.TextBody ?? "");
        match.Success.ShouldBeTrue("The staff invitation mail has no link: " + mail.TextBody);
        match.Value.ShouldStartWith(PortalFactory.PublicBaseUrl);
        return new Uri(match.Value).PathAndQuery;
    }

    public static async Task<Page> AcceptStaffInvitationAsync(this PortalBrowser colleague, string invitationPath,
        string password = StaffPassword)
    {
        var form = await colleague.GetAsync(invitationPath);
        form.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        return await colleague.SubmitAsync(form, "Set password and sign in", new Dictionary<string, string?>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
    }

    /// <summary>
    /// The admin invites, the mail arrives, the colleague sets a password: returns the colleague's signed-in browser and id.
    /// </summary>
    public static async Task<(PortalBrowser Colleague, int Id)> ActiveStaffAsync(this PortalFactory factory, PortalBrowser admin,
        string name, string email, string role)
    {
        var invited = await admin.InviteStaffAsync(email, name, role);
        invited.Path.ShouldBe("/admin/staff", invited.Text);
        var mail = (await factory.Smtp.WaitForAsync(email))[^1];
        var colleague = factory.NewBrowser();
        var home = await colleague.AcceptStaffInvitationAsync(mail.StaffInvitationPath());
        home.Path.ShouldBe("/admin", home.Text);
        var login = email.ToLowerInvariant();
        var id = await factory.WithDbAsync(db => db.InternalUsers.Where(u => u.Login == login).Select(u => u.Id).SingleAsync());
        return (colleague, id);
    }

    /// <summary>Sends a request through the real mediator as if staff member <paramref name="userId"/> sent it from a page.</summary>
    public static async Task<TResponse> SendAsAsync<TResponse>(this PortalFactory factory, int userId, Mediator.IRequest<TResponse> request)
    {
        using var scope = factory.Services.CreateScope();
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [
                new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier,
                    userId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, "Test colleague"),
                new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Email, "colleague@contoso.example"),
            ],
            "Test"));
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext =
            new Microsoft.AspNetCore.Http.DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        return await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(request);
    }

    /// <summary>
    /// A colleague put straight into the database with <paramref name="role"/>, signed in: for tests about what a role may do,
    /// not about inviting.
    /// </summary>
    public static async Task<(PortalBrowser Browser, int Id)> SignedInColleagueAsync(this PortalFactory factory, string email, string name,
        Portal.Domain.Users.StaffRole role, string password = StaffPassword)
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var hasher = factory.Services.GetRequiredService<Portal.Application.Common.IPasswordHasher>();
            var colleague = Portal.Domain.Users.InternalUser.Create(email, name, role);
            colleague.SetPassword(hasher.Hash(colleague, password));
            db.InternalUsers.Add(colleague);
            await db.SaveChangesAsync();
            return colleague.Id;
        });
        var browser = factory.NewBrowser();
        (await browser.SignInAsync(email, password)).Path.ShouldBe("/admin");
        return (browser, id);
    }

    public static Task<int> AdministratorIdAsync(this PortalFactory factory) =>
        factory.WithDbAsync(db => db.InternalUsers.Where(u => u.Login == PortalFactory.AdminEmail).Select(u => u.Id).SingleAsync());

    public static Task<Portal.Domain.Users.InternalUser> StaffAsync(this PortalFactory factory, int id) =>
        factory.WithDbAsync(db => db.InternalUsers.AsNoTracking().SingleAsync(u => u.Id == id));

    public static Task<Page> PressStaffButtonAsync(this PortalBrowser admin, Page staffPage, int id, string handler,
        IDictionary<string, string?>? fields = null) =>
        admin.SubmitAsync(staffPage, fields: fields, buttonSelector: $"tr[data-staff-id='{id}'] form[action*='handler={handler}'] button");

    public static string StaffRowText(this Page staffPage, int id) =>
        (staffPage.Document.QuerySelector($"tr[data-staff-id='{id}']") ?? throw new InvalidOperationException($"No staff row {id}."))
            .TextContent;

    [GeneratedRegex(@"https?://\S+/staff-invitation/[A-Za-z0-9_%-]+")]
    private static partial Regex StaffInvitationLink();
}
