namespace Portal.Application.Common;

/// <summary>Who sends the current command, for "who did it" in the history.</summary>
public interface ICurrentUser
{
    int? UserId { get; }
    string ActorName { get; }
    /// <summary>A signed-in customer (portal user) rather than staff or the system; the activity list says "(customer)".</summary>
    bool IsCustomer => false;
    /// <summary>The client's address as the web server sees it, for the security activity log.</summary>
    string? IpAddress { get; }
    /// <summary>The token of this request's session (from its cookie), to tell the current session apart from the others.</summary>
    string? SessionToken { get; }
}
