namespace Portal.Application.Common;

/// <summary>
/// A back-office request, which also names its permission with <see cref="RequiresPermissionAttribute"/>: the staff check
/// (<see cref="StaffAuthorizationBehavior{TMessage, TResponse}"/>) wraps only these, so a customer's page does not build
/// it and its repositories for every message it sends. A convention test holds the interface and the attribute together.
/// </summary>
public interface IStaffRequest;
