using Portal.Application.Settings;

namespace Portal.Web.Infrastructure.Access;

public static class MyAccountSections
{
    public static async ValueTask<bool> SectionShownAsync(this HttpContext http, MyAccountSection section) =>
        (await http.RequestServices.GetRequiredService<IPortalSettings>().CurrentAsync(http.RequestAborted)).Shows(section);
}
