using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Localization;
using Portal.Application.Contacts;
using Portal.Application.PortalAccess.Jobs;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess.Jobs;
using Portal.Web.Infrastructure.Localization;

namespace Portal.Web.Infrastructure.Presentation;

/// <summary>How bulk access jobs read in the back office: their kind, selection, figures and each row's outcome.</summary>
public static class JobDisplay
{
    private static readonly IReadOnlyDictionary<string, DomainError> ErrorsByCode = typeof(DomainErrors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetValue(null)).OfType<DomainError>()
        .ToDictionary(e => e.Code);

    public static string JobKind(this IStringLocalizer t, PortalAccessJobKind kind) => kind switch
    {
        PortalAccessJobKind.Grant => t["Bulk grant"],
        PortalAccessJobKind.ReInvite => t["Bulk re-invite"],
        _ => t["Bulk revoke"],
    };

    public static string JobLinkText(this IStringLocalizer t, PortalAccessJobKind kind, string count) => kind switch
    {
        PortalAccessJobKind.Grant => t["Grant portal access to all {0} matching contacts", count],
        PortalAccessJobKind.ReInvite => t["Re-invite all {0} matching", count],
        _ => t["Revoke all {0} matching", count],
    };

    public static string JobTitle(this IStringLocalizer t, PortalAccessJobKind kind) => kind switch
    {
        PortalAccessJobKind.Grant => t["Grant portal access to all matching contacts"],
        PortalAccessJobKind.ReInvite => t["Re-invite all matching contacts"],
        _ => t["Revoke portal access of all matching contacts"],
    };

    public static string JobConfirmation(this IStringLocalizer t, PortalAccessJobKind kind, int count) => kind switch
    {
        PortalAccessJobKind.Grant => t["{0} contacts will be granted portal access and get an invitation.", Number(count)],
        PortalAccessJobKind.ReInvite => t["{0} contacts will get a new invitation; their older links stop working.", Number(count)],
        _ => t["{0} contacts will lose portal access.", Number(count)],
    };

    public static string JobConfirmButton(this IStringLocalizer t, PortalAccessJobKind kind, int count) => kind switch
    {
        PortalAccessJobKind.Grant => t["Grant access to {0} contacts", Number(count)],
        PortalAccessJobKind.ReInvite => t["Re-invite {0} contacts", Number(count)],
        _ => t["Revoke access of {0} contacts", Number(count)],
    };

    public static string JobStatus(this IStringLocalizer t, PortalAccessJobStatus status) => status switch
    {
        PortalAccessJobStatus.Queued => t["Queued"],
        PortalAccessJobStatus.Running => t["Running"],
        PortalAccessJobStatus.Cancelled => t["Cancelled"],
        _ => t["Completed"],
    };

    public static string JobOutcome(this IStringLocalizer t, PortalAccessJobOutcome outcome) => outcome switch
    {
        PortalAccessJobOutcome.Done => t["Done"],
        PortalAccessJobOutcome.Refused => t["Refused"],
        PortalAccessJobOutcome.Cancelled => t["Cancelled"],
        _ => t["Waiting"],
    };

    public static string JobResultFilter(this IStringLocalizer t, JobResultFilter filter) => filter switch
    {
        Application.PortalAccess.Jobs.JobResultFilter.Done => t["Done"],
        Application.PortalAccess.Jobs.JobResultFilter.Refused => t["Refused"],
        _ => t["All"],
    };

    /// <summary>A row's refusal in the reader's language; an unknown code (from a later version) as it is.</summary>
    public static string JobReason(this IStringLocalizer t, string? code) =>
        code is null ? "" : ErrorsByCode.TryGetValue(code, out var error) ? t.Refusal(error) : code;

    public static string JobSelection(this IStringLocalizer t, string? search, AccessFilter access, int? companyId = null)
    {
        string filter = t["Portal access: {0}", t.AccessFilterName(access)];
        if (companyId is { } company) filter = $"{filter} · {t["Company no. {0}", company]}";
        return string.IsNullOrWhiteSpace(search) ? filter : $"{t["Search: {0}", search.Trim()]} · {filter}";
    }

    /// <summary>A job's stored selection, as <see cref="ContactSelection.Describe"/> or an import's grant wrote it.</summary>
    public static string JobSelection(this IStringLocalizer t, string stored)
    {
        var prefix = StartImportPortalAccessJob.SelectionPrefix;
        if (stored.StartsWith(prefix, StringComparison.Ordinal)) return t["Imported from {0}", stored[prefix.Length..]];
        var separator = stored.IndexOf(": ", StringComparison.Ordinal);
        var accessText = separator < 0 ? stored : stored[..separator];
        var search = separator < 0 ? null : stored[(separator + 2)..];
        var at = accessText.IndexOf('@');
        int? companyId = at >= 0 && int.TryParse(accessText[(at + 1)..], CultureInfo.InvariantCulture, out var company) ? company : null;
        if (at >= 0 && companyId is null) return stored;
        return Enum.TryParse<AccessFilter>(at < 0 ? accessText : accessText[..at], out var access) && Enum.IsDefined(access)
            ? t.JobSelection(search, access, companyId)
            : stored;
    }

    public static string AccessFilterName(this IStringLocalizer t, AccessFilter access) => access switch
    {
        AccessFilter.NoAccess => t["No access"],
        AccessFilter.Invited => t["Invited"],
        AccessFilter.Active => t["Active"],
        AccessFilter.Revoked => t["Revoked"],
        AccessFilter.InvitationExpiringSoon => t["Invitation expires within 48 hours"],
        AccessFilter.InvitationExpired => t["Invitation expired"],
        AccessFilter.InvitationMailFailed => t["Invitation mail failed"],
        AccessFilter.Dormant => t["Accepted, no sign-in for 90 days"],
        AccessFilter.LockedOut => t["Locked out now"],
        _ => t["All"],
    };

    /// <summary>The progress figures in the reader's format, by the names the page's elements carry.</summary>
    public static IReadOnlyDictionary<string, string> Figures(IStringLocalizer t, PortalAccessJobProgress progress) =>
        new Dictionary<string, string>
        {
            ["status"] = t.JobStatus(progress.Job.Status),
            ["done"] = Number(progress.Job.Done),
            ["refused"] = Number(progress.Job.Refused),
            ["remaining"] = Number(progress.Remaining),
            ["rate"] = progress.RatePerSecond is { } rate
                ? t["{0} contacts per second", rate.ToString("N0", CultureInfo.CurrentCulture)] : "–",
            ["timeLeft"] = progress.TimeLeft is { } left ? left.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "–",
            ["mails"] = t["{0} sent, {1} waiting, {2} failed", Number(progress.Mails.Sent), Number(progress.Mails.Pending),
                Number(progress.Mails.Failed)],
        };

    private static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
