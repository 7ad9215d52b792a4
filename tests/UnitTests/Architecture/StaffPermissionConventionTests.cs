using System.Text.RegularExpressions;
using Mediator;
using Portal.Application.Common;

namespace Portal.UnitTests.Architecture;

/// <summary>
/// The application layer checks every back-office request itself, whatever page sends it: a request either
/// names the permission it needs or is one of the few public or customer requests listed here on purpose.
/// </summary>
public sealed class StaffPermissionConventionTests
{
    /// <summary>
    /// Requests for visitors, customers, the sign-in flow and anyone's own account security: they check who asks in their
    /// handler, or need nobody.
    /// </summary>
    private static readonly HashSet<string> PublicOrCustomerRequests =
    [
        "AcceptInvitation", "AcceptStaffInvitation", "GetInvitation", "GetStaffInvitation", "RequestNewInvitationLink", "RequestNewPasswordReset",
        "SignIn", "CompleteTwoFactorSignIn", "ForgotPassword", "RequestPasswordReset", "GetPasswordReset", "ResetPassword",
        "GetEmailChange", "ConfirmEmailChange", "GetEmailChangeReport", "ReportEmailChange",
        "ListBlogPosts", "ListCustomerPages", "ReadPage", "GetLogo",
        "GetMyDetails", "UpdateMyDetails", "GetMySecurity", "ChangeMyPassword", "CloseMyAccount", "DownloadMyData",
        "RequestMyEmailChange", "SignOutEverywhere", "GetMyTwoFactor", "StartTwoFactorSetup", "EnableTwoFactor", "DisableTwoFactor",
        "RegenerateRecoveryCodes", "CancelMyEmailChange", "GetMyPendingEmailChange",
        "GetMyDocument", "GetMyDocumentCounts", "GetMyDocumentPdf", "NoteMyDocumentViewed", "ListMyDocuments", "DownloadMyDocumentPdfs",
        "ListMyPaymentMethods", "AddMyPaymentMethod", "MakeMyDefaultPaymentMethod", "RemoveMyPaymentMethod",
        "StartSession", "EndCurrentSession", "ListMySessions", "EndMySession",
        // Asked before anyone is known: it is what tells an API call's key (and so its role) in the first place.
        "AuthenticateApiKey",
    ];

    internal static IReadOnlyList<Type> Requests { get; } = typeof(ApplicationMarker).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false })
        .Where(t => typeof(IBaseRequest).IsAssignableFrom(t) || typeof(IBaseCommand).IsAssignableFrom(t)
            || typeof(IBaseQuery).IsAssignableFrom(t))
        .ToList();

    [Fact]
    public void Every_request_names_the_permission_it_needs_or_is_listed_as_public()
    {
        Requests.Count.ShouldBeGreaterThan(40, "the request scan found suspiciously few requests");
        var unguarded = Requests
            .Where(t => RequiredPermission.Of(t) is null && !RequiresCompanyAdministratorAttribute.IsOn(t)
                && !PublicOrCustomerRequests.Contains(t.Name))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal);

        unguarded.ShouldBeEmpty(
            "these requests carry neither [RequiresPermission] nor [RequiresCompanyAdministrator] and are not listed as public");
    }

    [Fact]
    public void A_request_names_a_permission_exactly_when_it_is_a_staff_request()
    {
        Requests.Where(t => RequiredPermission.Of(t) is not null != typeof(IStaffRequest).IsAssignableFrom(t))
            .Select(t => t.Name)
            .ShouldBeEmpty("the staff check wraps only IStaffRequests, so [RequiresPermission] and the interface go together");
    }

    [Fact]
    public void The_public_list_names_only_requests_that_exist_and_carry_no_permission()
    {
        var byName = Requests.ToDictionary(t => t.Name);
        PublicOrCustomerRequests.Where(name => !byName.ContainsKey(name)).ShouldBeEmpty("listed but not found");
        PublicOrCustomerRequests.Where(name => byName.TryGetValue(name, out var type) && RequiredPermission.Of(type) is not null)
            .ShouldBeEmpty("listed as public but guarded");
    }

    [Fact]
    public void Every_request_sent_from_a_back_office_page_names_a_permission()
    {
        var admin = Path.Combine(RepoRoot(), "src", "Web", "Areas", "Admin");
        var source = string.Join("\n", Directory.EnumerateFiles(admin, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));

        var used = Requests.Where(t => Regex.IsMatch(source, $@"\bnew\s+{t.Name}\s*[({{]")).ToList();
        used.Count.ShouldBeGreaterThan(10, "the back-office scan found suspiciously few requests");
        used.Where(t => RequiredPermission.Of(t) is null).Select(t => t.Name).ShouldBeEmpty();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) return dir.FullName;
        throw new InvalidOperationException("Portal.sln not found.");
    }
}
