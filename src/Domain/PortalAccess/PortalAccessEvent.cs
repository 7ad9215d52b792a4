using Portal.Domain.Activity;

namespace Portal.Domain.PortalAccess;

/// <summary>One line of a contact's access history: what happened, when, and who did it.</summary>
public sealed class PortalAccessEvent
{
    private PortalAccessEvent() { }

    internal PortalAccessEvent(PortalAccessEventKind kind, DateTimeOffset occurredAt, ActivityActor actor)
    {
        Kind = kind;
        OccurredAt = occurredAt;
        Actor = actor.Name;
        ActorKind = actor.Kind;
    }

    public int Id { get; private set; }
    public int PortalUserId { get; private set; }
    public PortalAccessEventKind Kind { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Actor { get; private set; } = "";
    /// <summary>Staff (or the system), or a customer acting for their company.</summary>
    public ActivityActorKind ActorKind { get; private set; }
}
