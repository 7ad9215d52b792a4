namespace Portal.Application.Common;

/// <summary>
/// For a command whose rule depends on the state it read: requests at the same moment all read the same state, so the rule
/// alone lets each of them through, and all but one then clash on the aggregate's version. A loser loads the state the
/// winner left and decides again, so it gets the answer the rule gives now (usually a refusal) instead of a clash.
/// </summary>
public static class DecideAgainOnConflict
{
    /// <summary>Each round one of the clashing requests wins; more rounds than this means the state keeps changing.</summary>
    private const int MaxRounds = 4;

    /// <summary>Runs <paramref name="decide"/> (load, apply the move) and commits, deciding again on a fresh load after a clash.</summary>
    public static async Task SaveDecidingAgainOnConflictAsync(
        this IUnitOfWork unitOfWork,
        Func<CancellationToken, Task> decide,
        CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            await decide(cancellationToken);
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (ConflictException) when (round < MaxRounds)
            {
                unitOfWork.DiscardChanges();
            }
        }
    }
}
