using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.PortalAccess;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Security.KeyRing;
using Portal.Infrastructure.Startup;

namespace Portal.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var dataFolder = new DataFolder(Path.Combine(contentRoot,
            configuration["Portal:DataFolder"] is { Length: > 0 } folder ? folder : "App_Data"));
        services.AddSingleton(dataFolder);

        var database = DatabaseSettings.From(configuration, dataFolder);
        services.AddSingleton<AdoptionChanges>();
        services.AddSingleton<Portal.Application.Adoption.IAdoptionChanges>(sp => sp.GetRequiredService<AdoptionChanges>());
        services.AddSingleton(database);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<PortalDbContext, PostgresPortalDbContext>((provider, options) =>
                options.UseNpgsql(database.ConnectionString).AddInterceptors(provider.GetRequiredService<AdoptionChanges>()));
        }
        else
        {
            // Created before the pool, so disposed after it: it closes what the pooled contexts kept open.
            services.AddSingleton<KeptOpenConnections>();
            services.AddDbContextPool<PortalDbContext, SqlitePortalDbContext>((provider, options) =>
                KeptOpenSqliteConnection.ReplaceIn(options.UseSqlite(database.ConnectionString),
                        provider.GetRequiredService<KeptOpenConnections>())
                    .AddInterceptors(provider.GetRequiredService<AdoptionChanges>(), new SqliteConnectionSettings(),
                        new SqliteStatementReuse()));
        }
        services.AddPortalDataProtection(configuration, dataFolder, database.Provider);
        services.AddSingleton(InstanceName.From(configuration));
        // First of the hosted services: it releases what a previous run under this name still held before any worker starts.
        services.AddOptions<InstanceHeartbeatOptions>().Bind(configuration.GetSection(InstanceHeartbeatOptions.Section));
        services.AddSingleton<InstanceHeartbeatWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InstanceHeartbeatWorker>());
        services.AddScoped<DistributedLeases>();
        services.AddHostedService<MaintenanceWorker>();
        services.AddOptions<MaintenanceOptions>().Bind(configuration.GetSection(MaintenanceOptions.Section));
        // On the system's clock, not the portal's: it measures seconds of memory, not business time, and a clock moved on by
        // days would fire its one-second timer for every second in between.
        services.AddHostedService(sp => new Memory.NativeHeapTrimming(
            sp.GetRequiredService<IOptions<Memory.NativeHeapOptions>>(), TimeProvider.System,
            sp.GetRequiredService<ILogger<Memory.NativeHeapTrimming>>()));
        services.AddOptions<Memory.NativeHeapOptions>().Bind(configuration.GetSection(Memory.NativeHeapOptions.Section));

        services.AddScoped(typeof(IRepository<>), typeof(PortalRepository<>));
        services.AddScoped<Api.IdempotentResponses>();
        services.AddScoped(typeof(IReadRepository<>), typeof(PortalRepository<>));
        services.AddScoped(typeof(IRecordReader<>), typeof(RecordRepository<>));
        services.AddScoped(typeof(IRecordWriter<>), typeof(RecordRepository<>));
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<UntrackedRecords>();
        services.AddScoped<IUntrackedUnitOfWork, UntrackedUnitOfWork>();
        services.AddScoped<IListCounter, ListCounter>();
        services.AddScoped<Portal.Application.Documents.IDocumentKindCounter, DocumentKindCounter>();
        services.AddScoped<Portal.Application.MyAccount.IMyDetailsReader, MyDetailsReader>();
        services.AddSingleton<ListSizeEstimates>();
        services.AddOptions<ListCountOptions>().Bind(configuration.GetSection(ListCountOptions.Section));
        services.AddScoped<SessionLookup>();
        services.AddScoped<Portal.Application.Contacts.IContactSearch, ContactSearch>();
        services.AddScoped<Portal.Application.Contacts.IInvitationLinks, InvitationLinks>();
        services.AddScoped<Portal.Application.Adoption.IAdoptionFigures, AdoptionFigures>();
        services.AddSingleton<Portal.Application.Common.Csv.ICsvFileWriter, Csv.CsvFileWriter>();
        services.AddSingleton<Portal.Application.Common.Csv.ICsvFileReader, Csv.CsvFileReader>();
        services.AddScoped<DatabaseInitializer>();

        services.AddOptions<PasswordHashingOptions>().Bind(configuration.GetSection(PasswordHashingOptions.Section));
        services.AddOptions<AdministratorOptions>().Bind(configuration.GetSection(AdministratorOptions.Section));
        services.AddOptions<BrandingOptions>().Bind(configuration.GetSection(BrandingOptions.Section));
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section));
        services.AddOptions<InvitationOptions>().Bind(configuration.GetSection(InvitationOptions.Section));
        services.AddOptions<Portal.Application.CompanyAccounts.CompanyAccountsOptions>()
            .Bind(configuration.GetSection(Portal.Application.CompanyAccounts.CompanyAccountsOptions.Section));

        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
        services.AddSingleton<ITokenGenerator, RandomTokenGenerator>();
        services.AddSingleton<ITwoFactorAuthenticator, TotpTwoFactorAuthenticator>();
        services.AddSingleton<Portal.Application.Pages.IMarkdownRenderer, Portal.Infrastructure.Content.SafeMarkdownRenderer>();
        services.AddSingleton<IInvitationMailComposer, InvitationMailComposer>();
        services.AddSingleton<Portal.Infrastructure.PortalAccess.InvitationReminderWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Portal.Infrastructure.PortalAccess.InvitationReminderWorker>());
        services.AddOptions<Portal.Infrastructure.PortalAccess.InvitationReminderOptions>()
            .Bind(configuration.GetSection(Portal.Infrastructure.PortalAccess.InvitationReminderOptions.Section));
        services.AddSingleton<Portal.Infrastructure.PortalAccess.DailyDigestWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Portal.Infrastructure.PortalAccess.DailyDigestWorker>());
        services.AddOptions<Portal.Application.Adoption.DailyDigestOptions>()
            .Bind(configuration.GetSection(Portal.Application.Adoption.DailyDigestOptions.Section))
            .Validate(Portal.Application.Adoption.DailyDigestOptions.IsValid,
                "Portal:Digest needs an Hour from 0 to 23, a positive Interval and a TimeZone this system knows.")
            .ValidateOnStart();
        services.AddSingleton<Portal.Application.Adoption.IDailyDigestMailComposer, DailyDigestMailComposer>();
        services.AddSingleton<Portal.Application.Staff.IStaffInvitationMailComposer, StaffInvitationMailComposer>();
        services.AddSingleton<Portal.Application.Account.IAccountMailComposer, AccountMailComposer>();
        services.AddSingleton<IColleagueRequestMailComposer, ColleagueRequestMailComposer>();
        services.AddSingleton<Portal.Application.Payments.IIbanProtector, DataProtectionIbanProtector>();
        services.AddOptions<Portal.Application.Sessions.SessionLifetimeOptions>()
            .Bind(configuration.GetSection(Portal.Application.Sessions.SessionLifetimeOptions.Section));
        services.AddOptions<Portal.Application.Account.AccountSecurityOptions>()
            .Bind(configuration.GetSection(Portal.Application.Account.AccountSecurityOptions.Section));

        services.AddOptions<Portal.Infrastructure.Settings.SettingsCacheOptions>()
            .Bind(configuration.GetSection(Portal.Infrastructure.Settings.SettingsCacheOptions.Section));
        services.AddSingleton<Portal.Application.Settings.IPortalSettings, Portal.Infrastructure.Settings.CachedPortalSettings>();
        services.AddSingleton<Portal.Application.Pages.ICustomerPageLinks, Portal.Infrastructure.Content.CachedCustomerPageLinks>();

        services.AddOptions<PortalAccessJobOptions>().Bind(configuration.GetSection(PortalAccessJobOptions.Section));
        services.AddSingleton<PortalAccessJobSignal>();
        services.AddSingleton<RunningAccessJob>();
        services.AddSingleton<Portal.Application.PortalAccess.Jobs.IPortalAccessJobSignal>(sp => sp.GetRequiredService<PortalAccessJobSignal>());
        services.AddScoped<PortalAccessJobMail>();
        services.AddScoped<Portal.Application.PortalAccess.Jobs.IPendingJobRows, PendingJobRows>();
        services.AddScoped<Portal.Application.PortalAccess.Jobs.IPortalAccessJobMail>(sp => sp.GetRequiredService<PortalAccessJobMail>());
        services.AddSingleton<PortalAccessJobWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<PortalAccessJobWorker>());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<MailTransportFactory>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddWebhooks(configuration);
        return services;
    }

    private static void AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Portal.Application.Webhooks.WebhookOptions>()
            .Bind(configuration.GetSection(Portal.Application.Webhooks.WebhookOptions.Section));
        services.AddSingleton<Portal.Application.Webhooks.IWebhookSecrets, Webhooks.DataProtectionWebhookSecrets>();
        services.AddSingleton<Webhooks.WebhookHostResolver>();
        services.AddHttpClient(Webhooks.WebhookDispatcher.ClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Portal.Application.Webhooks.WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => Webhooks.WebhookConnections.Handler(
                sp.GetRequiredService<Webhooks.WebhookHostResolver>(),
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Portal.Application.Webhooks.WebhookOptions>>()))
            // A receiver's address may carry its own token in the path: the client's request lines stay out of the logs.
            .RemoveAllLoggers();
        services.AddSingleton<Webhooks.WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Webhooks.WebhookDispatcher>());
    }
}
