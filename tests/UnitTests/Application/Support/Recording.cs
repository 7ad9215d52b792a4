using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Account;
using Portal.Application.PortalAccess;
using Portal.Application.Staff;
using Portal.Domain.Mail;

namespace Portal.UnitTests.Application.Support;

/// <summary>What the application asked mails to say, kept while the real composer writes the real outbox rows.</summary>
public sealed class ComposedMails<TContent>
{
    public List<TContent> Composed { get; } = [];

    public ValueTask<OutboxMessage> Keep(TContent content, Func<ValueTask<OutboxMessage>> compose)
    {
        lock (Composed) Composed.Add(content);
        return compose();
    }
}

internal sealed class RecordingInvitationMails(IInvitationMailComposer inner, ComposedMails<InvitationMailContent> mails)
    : IInvitationMailComposer
{
    public ValueTask<OutboxMessage> ComposeAsync(InvitationMailContent content, DateTimeOffset now, CancellationToken cancellationToken) =>
        mails.Keep(content, () => inner.ComposeAsync(content, now, cancellationToken));
}

internal sealed class RecordingStaffInvitationMails(IStaffInvitationMailComposer inner, ComposedMails<StaffInvitationMailContent> mails)
    : IStaffInvitationMailComposer
{
    public ValueTask<OutboxMessage> ComposeAsync(StaffInvitationMailContent content, DateTimeOffset now, CancellationToken ct) =>
        mails.Keep(content, () => inner.ComposeAsync(content, now, ct));
}

internal sealed class RecordingAccountMails(IAccountMailComposer inner, ComposedMails<AccountMailContent> mails) : IAccountMailComposer
{
    public ValueTask<OutboxMessage> ComposeAsync(AccountMailContent content, DateTimeOffset now, CancellationToken cancellationToken) =>
        mails.Keep(content, () => inner.ComposeAsync(content, now, cancellationToken));
}

/// <summary>The notifications published in one request (one scope), in order; each still goes to its real handlers.</summary>
public sealed class PublishedNotifications : List<object>;

internal sealed class RecordingPublisher(IPublisher inner, PublishedNotifications published) : IPublisher
{
    public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        published.Add(notification);
        return inner.Publish(notification, cancellationToken);
    }

    public ValueTask Publish(object notification, CancellationToken cancellationToken = default)
    {
        published.Add(notification);
        return inner.Publish(notification, cancellationToken);
    }
}

public static class ServiceDecoration
{
    /// <summary>Wraps the service as the app registers it, keeping its lifetime.</summary>
    public static IServiceCollection Decorate<TService>(
        this IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        var original = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(TService), sp => decorate((TService)Create(original, sp), sp), original.Lifetime));
        return services;
    }

    private static object Create(ServiceDescriptor original, IServiceProvider services) =>
        original.ImplementationInstance
        ?? original.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, original.ImplementationType!);
}
