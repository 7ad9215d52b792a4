using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;

namespace Portal.Web.Infrastructure.Presentation;

/// <summary>How states and times read on a page, in the user's language.</summary>
public static class Display
{
    public static string AccessState(this IStringLocalizer t, PortalAccessState? state) => state switch
    {
        PortalAccessState.Invited => t["Invited"],
        PortalAccessState.Active => t["Active"],
        PortalAccessState.Revoked => t["Revoked"],
        _ => t["No access"],
    };

    public static string AccessBadge(PortalAccessState? state) => state switch
    {
        PortalAccessState.Invited => "badge text-bg-warning",
        PortalAccessState.Active => "badge text-bg-success",
        PortalAccessState.Revoked => "badge text-bg-secondary",
        _ => "badge text-bg-light border",
    };

    public static string EmailState(this IStringLocalizer t, EmailState state) => state switch
    {
        Domain.Contacts.EmailState.Ok => t["ok"],
        Domain.Contacts.EmailState.Invalid => t["invalid"],
        Domain.Contacts.EmailState.UsedByAnotherUser => t["already used by another user"],
        _ => t["internal user"],
    };

    public static string EventKind(this IStringLocalizer t, PortalAccessEventKind kind) => kind switch
    {
        PortalAccessEventKind.Granted => t["Access granted"],
        PortalAccessEventKind.ReInvited => t["Re-invited"],
        PortalAccessEventKind.Accepted => t["Invitation accepted"],
        PortalAccessEventKind.EmailChangeRequested => t["E-mail change requested"],
        PortalAccessEventKind.EmailChanged => t["E-mail changed"],
        PortalAccessEventKind.EmailChangeCancelled => t["E-mail change cancelled"],
        PortalAccessEventKind.EmailChangeReported => t["E-mail change reported by the customer"],
        PortalAccessEventKind.MadeCompanyAdministrator => t["Made company administrator"],
        PortalAccessEventKind.CompanyAdministratorEnded => t["No longer company administrator"],
        PortalAccessEventKind.CompanyDocumentKindsChanged => t["Company documents shown changed"],
        PortalAccessEventKind.NewLinkRequested => t["New link requested by the customer"],
        _ => t["Access revoked"],
    };

    public static string MailStatus(this IStringLocalizer t, OutboxStatus? status) => status switch
    {
        OutboxStatus.Pending => t["Waiting to be sent"],
        OutboxStatus.Sent => t["Delivered"],
        OutboxStatus.Failed => t["Failed"],
        _ => t["Unknown"],
    };

    public static string InvitationStatus(this IStringLocalizer t, InvitationStatus status) => status switch
    {
        Domain.PortalAccess.InvitationStatus.Open => t["Open"],
        Domain.PortalAccess.InvitationStatus.Used => t["Used"],
        Domain.PortalAccess.InvitationStatus.Voided => t["Replaced"],
        _ => t["Expired"],
    };

    public static string SecurityEvent(this IStringLocalizer t, Domain.Security.SecurityEventKind kind) => kind switch
    {
        Domain.Security.SecurityEventKind.SignedIn => t["Signed in"],
        Domain.Security.SecurityEventKind.SignInFailed => t["Failed sign-in"],
        Domain.Security.SecurityEventKind.LockedOut => t["Locked after too many failed sign-ins"],
        Domain.Security.SecurityEventKind.PasswordChanged => t["Password changed"],
        Domain.Security.SecurityEventKind.SignedOutEverywhere => t["Signed out everywhere"],
        Domain.Security.SecurityEventKind.TwoFactorEnabled => t["Two-factor authentication switched on"],
        Domain.Security.SecurityEventKind.TwoFactorDisabled => t["Two-factor authentication switched off"],
        Domain.Security.SecurityEventKind.RecoveryCodeUsed => t["Signed in with a recovery code"],
        Domain.Security.SecurityEventKind.RecoveryCodesReplaced => t["New recovery codes created"],
        Domain.Security.SecurityEventKind.PasswordResetRequested => t["Password reset requested"],
        Domain.Security.SecurityEventKind.PasswordReset => t["Password reset"],
        Domain.Security.SecurityEventKind.EmailChangeRequested => t["E-mail change requested"],
        Domain.Security.SecurityEventKind.EmailChanged => t["E-mail changed"],
        Domain.Security.SecurityEventKind.EmailChangeReported => t["E-mail change reported as not yours and cancelled"],
        Domain.Security.SecurityEventKind.PaymentMethodAdded => t["Bank account added"],
        Domain.Security.SecurityEventKind.PaymentMethodRemoved => t["Bank account removed"],
        Domain.Security.SecurityEventKind.DefaultPaymentMethodChanged => t["Default bank account changed"],
        _ => t["Account closed"],
    };

    public static string Kind(this IStringLocalizer t, ContactKind kind) =>
        kind == ContactKind.Company ? t["Company"] : t["Person"];

    private static readonly System.Resources.ResourceManager CountryNameTexts =
        new("Portal.Web.CountryNames", typeof(CountryNames).Assembly);

    /// <summary>The country's name in the user's language (ISO 3166-1 names in English and German).</summary>
    public static string Country(string? code)
    {
        if (string.IsNullOrEmpty(code)) return "";
        return CountryNameTexts.GetString(code.ToUpperInvariant(), CultureInfo.CurrentUICulture) ?? Countries.EnglishName(code);
    }

    /// <summary>A UTC time as a &lt;time&gt; element, formatted for the user's culture.</summary>
    public static IHtmlContent Time(DateTimeOffset? value)
    {
        if (value is not { } time) return new HtmlString("—");
        var utc = time.ToUniversalTime();
        var text = System.Net.WebUtility.HtmlEncode(utc.ToString("g", CultureInfo.CurrentCulture) + " UTC");
        return new HtmlString($"<time datetime=\"{utc:O}\">{text}</time>");
    }

    public static IReadOnlyList<(string Code, string Name)> CountryOptions() =>
        Countries.All.Select(code => (code, Country(code)))
            .OrderBy(c => c.Item2, StringComparer.Create(CultureInfo.CurrentUICulture, true))
            .ToList();
}
