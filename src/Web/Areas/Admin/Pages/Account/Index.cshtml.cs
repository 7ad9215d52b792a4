using Portal.Web.Infrastructure.Access;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Areas.Admin.Pages.Account;

/// <summary>A colleague's own security page: the same commands as the customer's, on the signed-in account.</summary>
[OpenBeforeTwoFactorSetup]
[OpenBeforePasswordChange]
public sealed class StaffSecurityModel : SecurityPageModel;
