using Portal.Domain.Common;

namespace Portal.Application.Common;

/// <summary>
/// For a move whose refusal the caller must not learn of, such as sending a new link to whoever holds an old one: a refusal
/// (a domain error, or a clash that persists) leaves nothing saved and answers exactly like a success.
/// </summary>
public static class SaveOrForget
{
    public static async Task SaveOrForgetAsync(
        this IUnitOfWork unitOfWork,
        Func<CancellationToken, Task> decide,
        CancellationToken cancellationToken)
    {
        try
        {
            // Requests at the same moment: one goes through, the others decide again and are refused by its result.
            await unitOfWork.SaveDecidingAgainOnConflictAsync(decide, cancellationToken);
        }
        catch (Exception e) when (e is DomainException or ConflictException)
        {
            unitOfWork.DiscardChanges();
        }
    }
}
