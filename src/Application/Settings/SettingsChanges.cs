using Portal.Application.Common;
using Portal.Domain.Settings;

namespace Portal.Application.Settings;

/// <summary>
/// What every settings command does around its domain move: load the one tracked row, apply the change as the
/// current user at the current time, save once (the unit of work records the activity and drops the cache).
/// </summary>
public sealed class SettingsChanges(
    IRepository<PortalSettings> settings,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public async Task ApplyAsync(Action<PortalSettings, DateTimeOffset, string> change, CancellationToken cancellationToken)
    {
        var row = await settings.GetByIdAsync(PortalSettings.SingletonId, cancellationToken)
            ?? throw new NotFoundException("Settings");
        change(row, clock.GetUtcNow(), currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
