using Microsoft.Extensions.Localization;
using Portal.Domain.Users;

namespace Portal.Web.Infrastructure.Presentation;

/// <summary>How staff roles and statuses read on a page, in the user's language.</summary>
public static class StaffDisplay
{
    public static string StaffRole(this IStringLocalizer t, StaffRole role) => role switch
    {
        Domain.Users.StaffRole.Administrator => t["Administrator"],
        Domain.Users.StaffRole.PortalManager => t["Portal manager"],
        _ => t["Read-only"],
    };

    public static string StaffRoleDescription(this IStringLocalizer t, StaffRole role) => role switch
    {
        Domain.Users.StaffRole.Administrator => t["Everything, including staff and settings."],
        Domain.Users.StaffRole.PortalManager => t["Contacts, portal access, documents and pages; not staff or settings."],
        _ => t["Sees the back office but changes nothing."],
    };

    public static string StaffStatus(this IStringLocalizer t, StaffStatus status) => status switch
    {
        Domain.Users.StaffStatus.Invited => t["Invited"],
        Domain.Users.StaffStatus.Active => t["Active"],
        _ => t["Deactivated"],
    };

    public static string ApiKeyStatus(this IStringLocalizer t, Application.ApiKeys.ApiKeyStatus status) => status switch
    {
        Application.ApiKeys.ApiKeyStatus.Active => t["Active"],
        Application.ApiKeys.ApiKeyStatus.Expired => t["Expired"],
        _ => t["Revoked"],
    };

    public static string StaffStatusBadge(StaffStatus status) => status switch
    {
        Domain.Users.StaffStatus.Invited => "badge text-bg-warning",
        Domain.Users.StaffStatus.Active => "badge text-bg-success",
        _ => "badge text-bg-secondary",
    };
}
