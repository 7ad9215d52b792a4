namespace Portal.Domain.Activity;

/// <summary>Who made a change, as the activity list and a contact's history name them ("by Kim Heron (customer)").</summary>
public readonly record struct ActivityActor(string Name, ActivityActorKind Kind)
{
    public static ActivityActor Staff(string name) => new(name, ActivityActorKind.Staff);

    public static ActivityActor Customer(string name) => new(name, ActivityActorKind.Customer);

    public static ActivityActor ApiKey(string name) => new(name, ActivityActorKind.ApiKey);

    /// <summary>A bare name is the business's side, as every change was before customers could act for their company.</summary>
    public static implicit operator ActivityActor(string name) => Staff(name);
}
