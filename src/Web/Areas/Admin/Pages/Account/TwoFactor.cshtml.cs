using Portal.Web.Infrastructure.Access;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Areas.Admin.Pages.Account;

[OpenBeforeTwoFactorSetup]
public sealed class StaffTwoFactorModel : TwoFactorPageModel;
