using Portal.Domain.Activity;

namespace Portal.Application.Common;

/// <summary>Who sends the current command, for "who did it" in the history.</summary>
public interface ICurrentUser
{
    int? UserId { get; }
    string ActorName { get; }
    /// <summary>A signed-in customer (portal user) rather than staff or the system; the activity list says "(customer)".</summary>
    bool IsCustomer => false;
    /// <summary>The integration API key the request came with; its role, not a staff member's, decides what it may do.</summary>
    int? ApiKeyId => null;
    ActivityActorKind ActorKind => ApiKeyId is not null ? ActivityActorKind.ApiKey
        : IsCustomer ? ActivityActorKind.Customer : ActivityActorKind.Staff;
    /// <summary>The sender as the history names them: their name and whether they are staff, a customer or an API key.</summary>
    ActivityActor Actor => new(ActorName, ActorKind);
    /// <summary>The client's address as the web server sees it, for the security activity log.</summary>
    string? IpAddress { get; }
    /// <summary>The token of this request's session (from its cookie), to tell the current session apart from the others.</summary>
    string? SessionToken { get; }
}
