namespace Portal.Domain.Common;

/// <summary>An aggregate root that raises domain events from its behaviour methods.</summary>
public abstract class AggregateRoot : IAggregateRoot, IHasDomainEvents
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents.AsReadOnly();

    public void ClearDomainEvents() => _domainEvents.Clear();

    protected internal void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);
}
