using Portal.Web.Infrastructure.Access;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Pages.My;

[OpenBeforeTwoFactorSetup]
public sealed class MySecurityModel : SecurityPageModel;
