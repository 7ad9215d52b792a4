using Mediator;

namespace Portal.Domain.Common;

/// <summary>
/// Something that happened in the domain. The unit of work hands it to its handlers before the commit, so what
/// they write (security activity, activity entry, outbox mail) is part of the same transaction as the change.
/// </summary>
public interface IDomainEvent : INotification;

/// <summary>An entity that records what happened to it until the unit of work dispatches it.</summary>
public interface IHasDomainEvents
{
    IReadOnlyCollection<IDomainEvent> DomainEvents { get; }
    void ClearDomainEvents();
}

/// <summary>
/// The entry point of a consistency boundary: the only kind of entity a repository loads and stores. Entities
/// inside the aggregate are reached through it.
/// </summary>
public interface IAggregateRoot;

/// <summary>
/// A record a change leaves behind (a security activity line, an activity entry, an outbox mail). Written by
/// domain-event handlers in the change's transaction, read by the pages that list them, never changed by a use case.
/// </summary>
public interface ISideEffectRecord;
