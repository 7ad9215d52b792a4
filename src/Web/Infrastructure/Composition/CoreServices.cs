using FluentValidation;
using Portal.Application;
using Portal.Application.Common;
using Portal.Application.CompanyAccounts;
using Portal.Application.MySecurity;
using Portal.Domain.Common;
using Portal.Infrastructure;

namespace Portal.Web.Infrastructure.Composition;

public static class CoreServices
{
    /// <summary>
    /// Everything a use case runs with, without HTTP: the mediator and its pipeline, validators, the application and
    /// infrastructure services and the database. The handler tests build their container with this very method.
    /// The caller adds an <see cref="ICurrentUser"/>.
    /// </summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton(TimeProvider.System);
        // The generator reads these options at compile time, so they stay in this inline lambda.
        services.AddMediator((Mediator.MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(DomainMarker), typeof(ApplicationMarker)];
            // Both authorization checks come before validation: a request nobody may send learns nothing about its input.
            options.PipelineBehaviors =
            [
                typeof(StaffAuthorizationBehavior<,>), typeof(CompanyAdministratorBehavior<,>), typeof(ValidationBehavior<,>),
                typeof(CurrentPasswordCheck<,>),
            ];
        });
        services.AddValidatorsFromAssemblyContaining(typeof(ApplicationMarker), ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddApplication();
        services.AddInfrastructure(configuration, contentRoot);
        return services;
    }
}
