using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Application.Sessions;
using Portal.Domain.Common;
using Portal.Domain.Users;
using Portal.Infrastructure;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;
using Portal.Web.Api;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.Branding;
using Portal.Web.Infrastructure.Health;
using Portal.Web.Infrastructure.Localization;
using Portal.Web.Infrastructure.Logging;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Persistence;
using Portal.Web.Infrastructure.Presentation;
using Portal.Web.Infrastructure.RateLimits;
using Portal.Web.Infrastructure.Security;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Infrastructure.Composition;

public static class WebServices
{
    public const string InternalPolicy = "Internal";
    public const string PortalPolicy = "Portal";
    public static string ManageStaffPolicy => PermissionPolicy(StaffPermission.ManageStaff);
    public static string ManageSettingsPolicy => PermissionPolicy(StaffPermission.ManageSettings);

    public static string PermissionPolicy(StaffPermission permission) => $"Staff:{permission}";
    public static readonly string[] Cultures = ["en", "de"];

    public static IServiceCollection AddPortalWeb(
        this IServiceCollection services,
        IConfiguration configuration,
        IWebHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        RedactingLoggerFactory.Register(services);
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddSingleton<PasswordResetQueue>();
        services.AddSingleton<IPasswordResetQueue>(sp => sp.GetRequiredService<PasswordResetQueue>());
        services.AddHostedService(sp => sp.GetRequiredService<PasswordResetQueue>());

        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<OutboxBacklogCheck>("outbox", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<InstanceNameCheck>("instance-name", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<KeyEncryptionCheck>("key-encryption", tags: [HealthEndpoints.ReadyTag]);
        services.AddOptions<OutboxHealthOptions>().Bind(configuration.GetSection(OutboxHealthOptions.Section));
        services.Configure<ForwardedHeadersOptions>(options => ReverseProxy.Configure(options, configuration));

        var absoluteLifetime = (configuration.GetSection(SessionLifetimeOptions.Section).Get<SessionLifetimeOptions>() ?? new SessionLifetimeOptions())
            .AbsoluteLifetime;
        services.AddAuthentication(PortalApi.DefaultScheme)
            .AddApiKeys()
            .AddCookie(options =>
            {
                options.LoginPath = PortalRoutes.Account.SignIn;
                options.LogoutPath = PortalRoutes.Account.SignOut;
                options.AccessDeniedPath = PortalRoutes.Account.AccessDenied;
                options.Cookie.Name = PortalCookies.Name(environment, PortalCookies.Session);
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = PortalCookies.SecurePolicy(environment);
                // The idle timeout is a portal setting, checked on every request; the cookie itself may live
                // as long as the longest one allowed.
                options.ExpireTimeSpan = TimeSpan.FromMinutes(Portal.Domain.Settings.PortalSettings.MaxIdleTimeoutMinutes);
                options.SlidingExpiration = true;
                options.Events = new SessionCookieEvents(absoluteLifetime);
            })
            .AddCookie(SessionClaims.TwoFactorScheme, options =>
            {
                options.Cookie.Name = PortalCookies.Name(environment, PortalCookies.TwoFactorPending);
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = PortalCookies.SecurePolicy(environment);
                options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                options.SlidingExpiration = false;
                options.LoginPath = PortalRoutes.Account.SignIn;
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure<TimeProvider>((options, time) => options.TicketDataFormat = new RememberedSessionTickets(
                options.TicketDataFormat, new DecryptedCookies<string, AuthenticationTicket>(time, DecryptedSessions, DecryptedLifetime)));
        var authorization = services.AddAuthorizationBuilder()
            .AddPolicy(InternalPolicy, policy => policy.RequireRole(SessionClaims.InternalRole))
            .AddPolicy(PortalPolicy, policy => policy.RequireRole(SessionClaims.PortalRole));
        // One policy per staff permission, so a page that only exists to change something is closed to roles that can't.
        foreach (var permission in Enum.GetValues<StaffPermission>())
        {
            authorization.AddPolicy(PermissionPolicy(permission), policy => policy.RequireRole(SessionClaims.InternalRole)
                .RequireAssertion(context => context.User.May(permission)));
        }

        services.AddLocalization();
        services.AddSingleton<Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, RememberedStrings>());
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture("en").AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = PortalCookies.Name(environment, PortalCookies.Culture) },
                new Portal.Web.Infrastructure.Localization.StaffLanguageCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddAntiforgery(options => options.Cookie = PortalCookies.AntiforgeryCookie(environment, options.Cookie));
        RememberAntiforgeryCookies(services);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = PortalCookies.Name(environment, PortalCookies.TempData);
            options.Cookie.SecurePolicy = PortalCookies.SecurePolicy(environment);
        });
        services.AddSingleton<SiteStylesheet>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, TempDataCookie>();

        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeAreaFolder("Admin", "/", InternalPolicy);
                options.Conventions.AuthorizeAreaFolder("Admin", "/Settings", ManageSettingsPolicy);
                options.Conventions.AuthorizeAreaFolder("Admin", "/Staff", ManageStaffPolicy);
                options.Conventions.AuthorizeAreaFolder("Admin", "/PortalAccess/Jobs", PermissionPolicy(StaffPermission.ManagePortalAccess));
                options.Conventions.AuthorizeAreaPage("Admin", "/Contacts/Edit", PermissionPolicy(StaffPermission.ManageContacts));
                options.Conventions.AuthorizeAreaPage("Admin", "/Contacts/ChangeEmail", PermissionPolicy(StaffPermission.ManageContacts));
                // The import is the way to onboard customers in bulk: for those who may grant them portal access.
                options.Conventions.AuthorizeAreaFolder("Admin", "/ContactImport", PermissionPolicy(StaffPermission.ManagePortalAccess));
                options.Conventions.AuthorizeAreaPage("Admin", "/Documents/New", PermissionPolicy(StaffPermission.ManageDocuments));
                options.Conventions.AuthorizeAreaPage("Admin", "/Documents/Edit", PermissionPolicy(StaffPermission.ManageDocuments));
                options.Conventions.AuthorizeAreaPage("Admin", "/Pages/New", PermissionPolicy(StaffPermission.ManagePages));
                options.Conventions.AuthorizeFolder("/My", PortalPolicy);
                options.Conventions.LimitPostsIn("/Account");
                options.Conventions.LimitPostsIn("/Invitation");
                options.Conventions.LimitPostsIn("/StaffInvitation");
                // A stolen session must not be able to guess the password through the forms that ask for it again.
                options.Conventions.LimitPostsIn("/My");
                options.Conventions.AddFolderApplicationModelConvention("/My", TwoFactorRequirement.ApplyTo);
                options.Conventions.AddAreaFolderApplicationModelConvention("Admin", "/", TwoFactorRequirement.ApplyTo);
                options.Conventions.AddAreaFolderApplicationModelConvention("Admin", "/", PasswordChangeRequirement.ApplyTo);
                // The staff security page asks for the current password again, like the customer's forms.
                options.Conventions.LimitPostsIn("Admin", "/Account");
                // A second address for the same form; added by hand because AddAreaPageRoute would make it the only one
                // links are generated for, and it is tried after the edit address so a link with an id keeps it.
                options.Conventions.AddAreaPageRouteModelConvention("Admin", "/Contacts/Edit", page => page.Selectors.Add(
                    new SelectorModel
                    {
                        AttributeRouteModel = new AttributeRouteModel { Template = PortalRoutes.Admin.NewContact, Order = 1 },
                    }));
            })
            .AddMvcOptions(options =>
            {
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.Filters.Add<RequestFailureFilter>();
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>,
            LocalizedModelBindingMessages>();
        services.AddAccountRateLimits(configuration);
        services.AddPortalApi();
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>How many sessions' cookies are remembered decrypted: a few megabytes at most.</summary>
    private const int DecryptedSessions = 1_000;

    /// <summary>As long as an active session keeps one cookie: it is re-issued every minute.</summary>
    private static readonly TimeSpan DecryptedLifetime = SessionLifetimeOptions.LastSeenPrecision;

    /// <summary>Wraps data protection as registered, so antiforgery's purpose gets <see cref="AntiforgeryCookieTokens"/>.</summary>
    private static void RememberAntiforgeryCookies(IServiceCollection services)
    {
        var registered = services.Last(service => service.ServiceType == typeof(Microsoft.AspNetCore.DataProtection.IDataProtectionProvider));
        services.Remove(registered);
        services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(provider => new AntiforgeryCookieTokens(
            (Microsoft.AspNetCore.DataProtection.IDataProtectionProvider)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)),
            new DecryptedCookies<byte[], byte[]>(provider.GetRequiredService<TimeProvider>(), DecryptedAntiforgeryCookies,
                DecryptedLifetime, AntiforgeryCookieTokens.ByContent.Instance)));
    }

    /// <summary>Antiforgery cookies are small (under 200 bytes each way).</summary>
    private const int DecryptedAntiforgeryCookies = 10_000;

    public static WebApplication UsePortalWeb(this WebApplication app)
    {
        KeyEncryptionCheck.WarnAtStart(app);
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(PortalRoutes.Error);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute(PortalRoutes.StatusCodeFormat);
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<ApiProblems>();
        app.UseRouting();
        app.UseMiddleware<PageDatabaseConnection>();
        app.UseAuthentication();
        // After authentication: the API's limits are per key.
        app.UseRateLimiter();
        // After authentication: a colleague's stored language is one of the choices (StaffLanguageCultureProvider).
        app.UseRequestLocalization();
        app.UseAuthorization();
        app.UseMiddleware<IdempotentPosts>();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapBranding();
        app.MapPortalHealthChecks();
        app.MapPortalApi();
        return app;
    }
}
