using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Account;
using Portal.Application.CompanyAccounts;
using Portal.Application.PortalAccess;
using Portal.Application.Settings;

namespace Portal.Application;

public static class DependencyInjection
{
    /// <summary>
    /// The application's own services. Handlers, behaviours and validators come with the mediator and validator scans
    /// in Web, where the mediator's source generator runs.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<LoginOwnership>();
        services.AddScoped<InvitationTermsSource>();
        services.AddScoped<InvitationReminders>();
        services.AddScoped<Adoption.DailyDigests>();
        services.AddScoped<Pages.StalePages>();
        services.AddScoped<Portal.Application.PortalAccess.Jobs.PortalAccessJobRunner>();
        services.AddScoped<SettingsChanges>();
        services.AddScoped<EmailChangeRequests>();
        services.AddScoped<SignInFailures>();
        services.AddScoped<ContactImports.ContactImportReader>();
        services.AddScoped<CompanyAdministratorContext>();
        services.AddScoped<ColleagueInvitationLimits>();
        services.AddScoped<CompanyAdministrations>();
        services.AddScoped<Webhooks.WebhookSubscribers>();
        services.AddScoped<Contacts.AccessConditions>();
        services.AddSingleton<Adoption.AdoptionDashboardCache>();
        return services;
    }
}
