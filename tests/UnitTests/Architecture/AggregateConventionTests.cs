using System.Reflection;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;

namespace Portal.UnitTests.Architecture;

/// <summary>
/// Use cases work on aggregates; the records a change leaves behind (security activity, activity entries, outbox mail)
/// follow from its domain events. These conventions keep it that way as handlers are added.
/// </summary>
public sealed class AggregateConventionTests
{
    private static readonly Assembly Application = typeof(ApplicationMarker).Assembly;
    private static readonly Assembly Domain = typeof(DomainMarker).Assembly;

    private static IEnumerable<Type> Implementing(Assembly assembly, Type openInterface) => assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false })
        .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface));

    private static bool Needs(Type type, Type openDependency) => type.GetConstructors()
        .SelectMany(c => c.GetParameters())
        .Any(p => p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == openDependency);

    [Fact]
    public void No_use_case_handler_writes_a_record_itself()
    {
        var handlers = Implementing(Application, typeof(IRequestHandler<,>)).ToList();
        handlers.Count.ShouldBeGreaterThan(40, "the handler scan found suspiciously few handlers");

        handlers.Where(h => Needs(h, typeof(IRecordWriter<>))).Select(h => h.Name)
            .ShouldBeEmpty("these use cases write records directly instead of raising the domain event the record follows from");
    }

    [Fact]
    public void Records_are_written_by_domain_event_handlers()
    {
        var writers = Application.GetTypes().Where(t => Needs(t, typeof(IRecordWriter<>))).ToList();

        writers.ShouldNotBeEmpty();
        writers.Where(w => !Implementing(Application, typeof(INotificationHandler<>)).Contains(w)).Select(w => w.Name).ShouldBeEmpty();
    }

    [Fact]
    public void Every_stored_domain_type_is_either_an_aggregate_root_a_record_or_reached_through_a_root()
    {
        var roots = Domain.GetTypes().Where(t => typeof(IAggregateRoot).IsAssignableFrom(t) && !t.IsInterface).Select(t => t.Name)
            .ToHashSet();
        var records = Domain.GetTypes().Where(t => typeof(ISideEffectRecord).IsAssignableFrom(t) && !t.IsInterface).Select(t => t.Name)
            .ToHashSet();

        roots.ShouldBe(
            ["AggregateRoot", "Contact", "UserAccount", "PortalUser", "InternalUser", "Document", "PortalPage", "PaymentMethod",
                "PortalSettings", "UserSession", "ContactImport", "PortalAccessJob", "PortalAccessJobItem", "ColleagueRequest", "ApiKey", "Webhook",
                "DailyDigestRun", "DocumentFirstView"],
            ignoreOrder: true);
        records.ShouldBe(["OutboxMessage", "SecurityEvent", "ActivityEntry", "WebhookDelivery"], ignoreOrder: true);
        roots.Intersect(records).ShouldBeEmpty();
    }
}
