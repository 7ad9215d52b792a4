using Microsoft.Extensions.Localization;
using Portal.Domain.Activity;
using Portal.Domain.Users;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Infrastructure.Presentation;

/// <summary>How the activity list names what happened, in the reader's language.</summary>
public static class ActivityDisplay
{
    public static IReadOnlyList<ActivityKind> Kinds { get; } = Enum.GetValues<ActivityKind>();

    public static string ActivityKind(this IStringLocalizer t, ActivityKind kind) => kind switch
    {
        Domain.Activity.ActivityKind.AccessGranted => t["Portal access granted"],
        Domain.Activity.ActivityKind.AccessReInvited => t["Re-invited"],
        Domain.Activity.ActivityKind.InvitationAccepted => t["Invitation accepted"],
        Domain.Activity.ActivityKind.AccessRevoked => t["Portal access revoked"],
        Domain.Activity.ActivityKind.EmailChangeRequested => t["E-mail change requested"],
        Domain.Activity.ActivityKind.EmailChanged => t["E-mail address changed"],
        Domain.Activity.ActivityKind.EmailChangeCancelled => t["E-mail change cancelled"],
        Domain.Activity.ActivityKind.EmailChangeReported => t["E-mail change reported by the customer"],
        Domain.Activity.ActivityKind.MadeCompanyAdministrator => t["Made company administrator"],
        Domain.Activity.ActivityKind.CompanyAdministratorEnded => t["No longer company administrator"],
        Domain.Activity.ActivityKind.CompanyDocumentKindsChanged => t["Company documents shown changed"],
        Domain.Activity.ActivityKind.StaffInvited => t["Colleague invited"],
        Domain.Activity.ActivityKind.StaffReInvited => t["Colleague re-invited"],
        Domain.Activity.ActivityKind.StaffJoined => t["Colleague joined"],
        Domain.Activity.ActivityKind.StaffRoleChanged => t["Role changed"],
        Domain.Activity.ActivityKind.StaffDeactivated => t["Colleague deactivated"],
        Domain.Activity.ActivityKind.StaffReactivated => t["Colleague reactivated"],
        Domain.Activity.ActivityKind.SettingsChanged => t["Settings changed"],
        Domain.Activity.ActivityKind.ContactsImported => t["Contacts imported"],
        Domain.Activity.ActivityKind.PortalAccessJobCompleted => t["Bulk access job completed"],
        Domain.Activity.ActivityKind.ColleagueRequested => t["Access requested for a colleague"],
        Domain.Activity.ActivityKind.ColleagueRequestApproved => t["Colleague request approved"],
        Domain.Activity.ActivityKind.ColleagueRequestRefused => t["Colleague request refused"],
        Domain.Activity.ActivityKind.CompanyDetailsChanged => t["Company details changed"],
        Domain.Activity.ActivityKind.NewInvitationLinkRequested => t["New link requested by the customer"],
        Domain.Activity.ActivityKind.PortalAccessJobCancelled => t["Bulk access job cancelled"],
        Domain.Activity.ActivityKind.ApiKeyCreated => t["API key created"],
        Domain.Activity.ActivityKind.ApiKeyRevoked => t["API key revoked"],
        Domain.Activity.ActivityKind.WebhookCreated => t["Webhook added"],
        Domain.Activity.ActivityKind.WebhookChanged => t["Webhook changed"],
        Domain.Activity.ActivityKind.WebhookDeleted => t["Webhook deleted"],
        Domain.Activity.ActivityKind.DocumentCreated => t["Document created"],
        Domain.Activity.ActivityKind.DocumentChanged => t["Draft document changed"],
        Domain.Activity.ActivityKind.DocumentStatusChanged => t["Document status changed"],
        Domain.Activity.ActivityKind.DocumentPdfAttached => t["Document PDF attached"],
        Domain.Activity.ActivityKind.DocumentPdfReplaced => t["Document PDF replaced"],
        Domain.Activity.ActivityKind.DocumentPdfRemoved => t["Document PDF removed"],
        _ => kind.ToString(),
    };

    /// <summary>The 110s are a document's changes; their detail starts with the document's kind.</summary>
    public static bool IsAboutDocument(ActivityKind kind) =>
        (int)kind is >= (int)Domain.Activity.ActivityKind.DocumentCreated and < (int)Domain.Activity.ActivityKind.DocumentCreated + 10;

    /// <summary>
    /// What an entry is about: the contact's name as it was, or for a document its kind and number ("Invoice RE-1"), which
    /// <see cref="ActivityEntry.ForDocument"/> keeps apart in the detail and the subject.
    /// </summary>
    public static string ActivitySubject(this IStringLocalizer t, ActivityKind kind, string subjectName, string? detail) =>
        IsAboutDocument(kind) && Enum.TryParse<Domain.Documents.DocumentKind>(DocumentPart(detail).Kind, out var documentKind)
            ? $"{t.DocumentKind(documentKind)} {subjectName}"
            : subjectName;

    /// <summary>A document entry's detail: its kind, then after the first colon what changed.</summary>
    private static (string Kind, string? Change) DocumentPart(string? detail) =>
        detail?.Split(':', 2) switch
        {
            [var kind, var change] => (kind, change),
            [var kind] => (kind, null),
            _ => ("", null),
        };

    /// <summary>The stored detail is language-neutral ("PortalManager>ReadOnly", "CompanyName,Logo"); this is what a reader sees.</summary>
    public static string? ActivityDetail(this IStringLocalizer t, ActivityKind kind, string? detail)
    {
        if (string.IsNullOrEmpty(detail)) return null;
        if (IsAboutDocument(kind)) return t.DocumentChange(kind, DocumentPart(detail).Change);
        switch (kind)
        {
            case Domain.Activity.ActivityKind.StaffInvited or Domain.Activity.ActivityKind.ApiKeyCreated
                or Domain.Activity.ActivityKind.ApiKeyRevoked when Enum.TryParse<StaffRole>(detail, out var role):
                return t["as {0}", t.StaffRole(role)];
            case Domain.Activity.ActivityKind.StaffRoleChanged when detail.Split('>') is [var from, var to]
                && Enum.TryParse<StaffRole>(from, out var fromRole) && Enum.TryParse<StaffRole>(to, out var toRole):
                return $"{t.StaffRole(fromRole)} → {t.StaffRole(toRole)}";
            case Domain.Activity.ActivityKind.ContactsImported when detail.Split(',') is [var created, var updated, var unchanged, var refused]:
                return t["{0} new, {1} updated, {2} unchanged, {3} refused", created, updated, unchanged, refused];
            case Domain.Activity.ActivityKind.CompanyDocumentKindsChanged:
                return t.CompanyDocumentKinds(detail);
            case Domain.Activity.ActivityKind.WebhookChanged:
                return string.Join(", ", detail.Split(',').Select(field => field switch
                {
                    "Url" => t["Address"].Value,
                    "Events" => t["Events"].Value,
                    "Enabled" => t["switched on"].Value,
                    "Disabled" => t["switched off"].Value,
                    _ => field,
                }));
            case Domain.Activity.ActivityKind.SettingsChanged:
                return string.Join(", ", detail.Split(',').Select(field => t.SettingName(field)));
            case Domain.Activity.ActivityKind.PortalAccessJobCompleted when detail.Split(':', '/') is [var job, var done, var refused, var total]
                && Enum.TryParse<Domain.PortalAccess.Jobs.PortalAccessJobKind>(job, out var jobKind):
                return t["{0}: {1} done, {2} refused of {3}", t.JobKind(jobKind), Count(done), Count(refused), Count(total)];
            case Domain.Activity.ActivityKind.PortalAccessJobCancelled
                when detail.Split(':', '/') is [var job, var done, var refused, var total, var cancelled]
                && Enum.TryParse<Domain.PortalAccess.Jobs.PortalAccessJobKind>(job, out var jobKind):
                return t["{0}: {1} done, {2} refused, {3} cancelled of {4}", t.JobKind(jobKind), Count(done), Count(refused),
                    Count(cancelled), Count(total)];
            default:
                return detail;
        }
    }

    /// <summary>
    /// Who did it; a customer acting for their company is marked as one ("Kim Heron (customer)"), another system by its
    /// key ("API key ERP sync").
    /// </summary>
    public static string Actor(this IStringLocalizer t, string name, ActivityActorKind kind) => kind switch
    {
        ActivityActorKind.Customer => t["{0} (customer)", name],
        ActivityActorKind.ApiKey => t["API key {0}", name],
        _ => name,
    };

    /// <summary>A colleague's document kinds as <see cref="Domain.Documents.DocumentKindSet"/> writes them: "All", "" or kind names.</summary>
    public static string CompanyDocumentKinds(this IStringLocalizer t, string? stored) => stored switch
    {
        "All" => t["All company documents"],
        null or "" or "None" => t["None of the company's documents"],
        _ => string.Join(", ", stored.Split(',')
            .Select(kind => Enum.TryParse<Domain.Documents.DocumentKind>(kind, out var parsed) ? t.DocumentKindPlural(parsed) : kind)),
    };

    private static string? DocumentChange(this IStringLocalizer t, ActivityKind kind, string? change) => kind switch
    {
        _ when string.IsNullOrEmpty(change) => null,
        Domain.Activity.ActivityKind.DocumentStatusChanged when change.Split('>') is [var from, var to]
            && Enum.TryParse<Domain.Documents.DocumentStatus>(from, out var fromStatus)
            && Enum.TryParse<Domain.Documents.DocumentStatus>(to, out var toStatus) =>
            $"{t.DocumentStatus(fromStatus)} → {t.DocumentStatus(toStatus)}",
        Domain.Activity.ActivityKind.DocumentChanged => string.Join(", ", change.Split(',').Select(field => field switch
        {
            "Number" => t["Number"].Value,
            "IssuedOn" => t["Date"].Value,
            "DueOn" => t["Due date"].Value,
            "Currency" => t["Currency"].Value,
            "Lines" => t["Lines"].Value,
            _ => field,
        })),
        // The PDF's file name, as it was cleaned on upload.
        _ => change,
    };

    private static string Count(string stored) =>
        int.TryParse(stored, System.Globalization.CultureInfo.InvariantCulture, out var count)
            ? count.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) : stored;

    private static string SettingName(this IStringLocalizer t, string field) => field switch
    {
        "CompanyName" => t["Company name"],
        "PrimaryColour" => t["Primary colour"],
        "SupportEmail" => t["Support e-mail"],
        "SupportPhone" => t["Support phone"],
        "ImprintUrl" => t["Imprint link"],
        "PrivacyUrl" => t["Privacy link"],
        "Logo" => t["Logo"],
        "InvitationValidity" => t["Invitation validity"],
        "WelcomeMessageEnglish" => t["Welcome message (English)"],
        "WelcomeMessageGerman" => t["Welcome message (German)"],
        "InvitationReminders" => t["Invitation reminders"],
        "SectionDetails" => t["My Account section: details"],
        "SectionPaymentMethods" => t["My Account section: payment methods"],
        "SectionDocuments" => t["My Account section: documents"],
        "SectionPages" => t["My Account section: pages"],
        "RequirePortalTwoFactor" => t["Two-factor required for customers"],
        "RequireStaffTwoFactor" => t["Two-factor required for staff"],
        "PasswordMinLength" => t["Password minimum length"],
        "SessionIdleTimeout" => t["Session idle timeout"],
        "ColleagueInvitations" => t["Colleague invitations"],
        "CompanyAdministratorsEditDetails" => t["Company administrators edit company details"],
        "MaxPortalUsersPerCompany" => t["Maximum portal users per company"],
        _ => field,
    };
}
