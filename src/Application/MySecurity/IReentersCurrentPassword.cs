namespace Portal.Application.MySecurity;

/// <summary>
/// A request of a signed-in user that asks for the current password again. <see cref="CurrentPasswordCheck{TMessage,TResponse}"/>
/// checks it before the handler runs, and a wrong one counts towards the lockout.
/// </summary>
public interface IReentersCurrentPassword
{
    string CurrentPassword { get; }
}
