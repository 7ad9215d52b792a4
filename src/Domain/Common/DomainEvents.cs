using Mediator;

namespace Portal.Domain.Common;

/// <summary>Something that happened in the domain; published after the change is committed.</summary>
public interface IDomainEvent : INotification;

/// <summary>An entity that records what happened to it, for publishing once the transaction has committed.</summary>
public interface IHasDomainEvents
{
    IReadOnlyCollection<IDomainEvent> DomainEvents { get; }
    void ClearDomainEvents();
}
