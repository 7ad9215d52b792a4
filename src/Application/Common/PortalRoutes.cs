using System.Reflection;

namespace Portal.Application.Common;

/// <summary>
/// Every address the portal answers at. Pages link to each other by page name (tag helpers, RedirectToPage); what
/// needs an address outside a page — links in e-mails, cookie and error paths, endpoints that are not pages — takes
/// it from here, and a functional test fails when a page answers at a template this table does not name.
/// Each constant is a route template exactly as the page declares it.
/// </summary>
public static class PortalRoutes
{
    public const string Home = "/";
    public const string Blog = "/blog";
    public const string ContentPage = "/pages/{slug}";
    public const string Error = "/error";
    public const string Status = "/status/{code:int}";
    public const string Language = "/language";
    public const string Invitation = "/invitation/{token}";
    public const string StaffInvitation = "/staff-invitation/{token}";

    /// <summary>The status page as a format for re-executing a failed request, the code in place of {0}.</summary>
    public static readonly string StatusCodeFormat = Status.Replace("{code:int}", "{0}", StringComparison.Ordinal);

    public static string InvitationLink(string token) => WithToken(Invitation, token);

    /// <summary>A page released to portal users, by its slug.</summary>
    public static string ContentPageLink(string slug) =>
        ContentPage.Replace("{slug}", Uri.EscapeDataString(slug), StringComparison.Ordinal);

    public static string StaffInvitationLink(string token) => WithToken(StaffInvitation, token);

    public static class Account
    {
        public const string SignIn = "/account/sign-in";
        public const string SignOut = "/account/sign-out";
        public const string AccessDenied = "/account/access-denied";
        public const string TwoFactor = "/account/two-factor";
        public const string ForgotPassword = "/account/forgot-password";
        public const string ForgotPasswordSent = "/account/forgot-password/sent";
        public const string NewLinkSent = "/account/new-link-sent";
        public const string ResetPassword = "/account/reset-password/{token}";
        public const string ConfirmEmail = "/account/confirm-email/{token}";
        public const string ReportEmailChange = "/account/report-email-change/{token}";
        public const string EndSession = "/account/sessions/end";

        public static string ResetPasswordLink(string token) => WithToken(ResetPassword, token);

        public static string ConfirmEmailLink(string token) => WithToken(ConfirmEmail, token);

        public static string ReportEmailChangeLink(string token) => WithToken(ReportEmailChange, token);
    }

    public static class My
    {
        public const string Home = "/my";
        public const string Account = "/my/account";
        public const string ChangeEmail = "/my/account/email";
        public const string Security = "/my/security";
        public const string TwoFactor = "/my/security/two-factor";
        public const string DownloadData = "/my/security/data";
        public const string CloseAccount = "/my/security/close";
        public const string PaymentMethods = "/my/payment-methods";
        public const string NewPaymentMethod = "/my/payment-methods/new";
        public const string Documents = "/my/documents";
        public const string Company = "/my/company";
        public const string InviteColleague = "/my/company/invite";
        public const string CompanyDetails = "/my/company/details";
        public const string Colleague = "/my/company/colleagues/{id:int}";
        public const string Document = "/my/documents/{id:int}";
        public const string DocumentPdf = "/my/documents/{id:int}/pdf";

        /// <summary>My documents filtered to one kind.</summary>
        public static string DocumentsLink(Portal.Domain.Documents.DocumentKind kind) => $"{Documents}?kind={kind}";
    }

    public static class Admin
    {
        public const string Home = "/admin";
        public const string Contacts = "/admin/contacts";
        public const string Contact = "/admin/contacts/{id:int}";
        public const string NewContact = "/admin/contacts/new";
        public const string EditContact = "/admin/contacts/{id:int}/edit";
        public const string ChangeContactEmail = "/admin/contacts/{id:int}/email";
        public const string ContactImport = "/admin/contacts/import";
        public const string ContactImportPreview = "/admin/contacts/import/{id:guid}";
        public const string PortalAccess = "/admin/portal-access";
        public const string PortalAccessJobs = "/admin/portal-access/jobs";
        public const string ColleagueRequests = "/admin/portal-access/requests";
        public const string NewPortalAccessJob = "/admin/portal-access/jobs/new";
        public const string PortalAccessJob = "/admin/portal-access/jobs/{id:int}";
        public const string Documents = "/admin/documents";
        public const string NewDocument = "/admin/documents/new";
        public const string Document = "/admin/documents/{id:int}";
        public const string EditDocument = "/admin/documents/{id:int}/edit";
        public const string DocumentPdf = "/admin/documents/{id:int}/pdf";
        public const string Emails = "/admin/emails";
        public const string Pages = "/admin/pages";
        public const string NewPage = "/admin/pages/new";
        public const string EditPage = "/admin/pages/{id:int}";
        public const string Activity = "/admin/activity";
        public const string Settings = "/admin/settings";
        public const string ApiKeys = "/admin/settings/api-keys";
        public const string RevokeApiKey = "/admin/settings/api-keys/{id:int}/revoke";
        public const string Webhooks = "/admin/settings/webhooks";
        public const string NewWebhook = "/admin/settings/webhooks/new";
        public const string Webhook = "/admin/settings/webhooks/{id:int}";
        public const string WebhookDeliveries = "/admin/settings/webhooks/{id:int}/deliveries";
        public const string Staff = "/admin/staff";
        public const string InviteStaff = "/admin/staff/invite";
        public const string Account = "/admin/account";
        public const string AccountTwoFactor = "/admin/account/two-factor";

        /// <summary>The section of <see cref="Account"/> where a colleague asks for the daily digest or stops it (a fragment, not a route).</summary>
        public static readonly string DailyDigestSection = "daily-digest";

        public static string ContactLink(int id) =>
            Contact.Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        /// <summary>The contacts list under one of its access filters (a name of the Application's AccessFilter).</summary>
        public static string ContactsLink(string access) => $"{Contacts}?access={Uri.EscapeDataString(access)}";
    }

    /// <summary>Addresses served by endpoints that are not pages.</summary>
    public static class Endpoints
    {
        public const string BrandingLogo = "/branding/logo";
        public const string BrandingTheme = "/branding/theme.css";
        public const string HealthLive = "/health/live";
        public const string HealthReady = "/health/ready";
    }

    /// <summary>Every template this table names, pages and other endpoints alike.</summary>
    public static IReadOnlyCollection<string> Templates { get; } = typeof(PortalRoutes).GetNestedTypes()
        .Prepend(typeof(PortalRoutes))
        .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>A one-time link's address: the template with its single {token} parameter filled in, escaped.</summary>
    private static string WithToken(string template, string token) =>
        template.Replace("{token}", Uri.EscapeDataString(token), StringComparison.Ordinal);
}
