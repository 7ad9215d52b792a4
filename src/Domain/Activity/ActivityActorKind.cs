namespace Portal.Domain.Activity;

/// <summary>Who an activity entry's actor is, so the list can tell a customer's move from the back office's.</summary>
public enum ActivityActorKind
{
    /// <summary>A staff member, or the system (jobs, the customer's own link clicks before any sign-in).</summary>
    Staff = 0,
    /// <summary>A signed-in customer, e.g. a company administrator inviting a colleague.</summary>
    Customer = 1,
    /// <summary>Another system calling the integration API with a key; the list says "API key {name}".</summary>
    ApiKey = 2,
}
