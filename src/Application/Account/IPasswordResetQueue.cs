namespace Portal.Application.Account;

/// <summary>
/// Takes a "forgot your password?" request and answers at once; whatever it leads to (a reset link for an account, nothing
/// for an unknown address) happens outside the request, so the answer takes as long for an account as for none.
/// </summary>
public interface IPasswordResetQueue
{
    void Enqueue(QueuedPasswordReset request);
}
