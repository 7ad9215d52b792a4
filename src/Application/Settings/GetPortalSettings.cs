using Mediator;
using Portal.Application.Common;
using Portal.Domain.Settings;
using Portal.Domain.Users;

namespace Portal.Application.Settings;

/// <summary>Everything the settings page shows, whether a logo is stored included (<see cref="PortalSettingsSnapshot.HasLogo"/>).</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record GetPortalSettings : IStaffRequest, IRequest<PortalSettingsSnapshot>;

public sealed class GetPortalSettingsHandler(IReadRepository<PortalSettings> settings, IPortalSettings current)
    : IRequestHandler<GetPortalSettings, PortalSettingsSnapshot>
{
    public async ValueTask<PortalSettingsSnapshot> Handle(GetPortalSettings query, CancellationToken cancellationToken) =>
        await settings.FirstOrDefaultAsync(new SettingsSnapshotSpec(), cancellationToken)
            ?? await current.CurrentAsync(cancellationToken);
}

/// <summary>The stored logo for the public branding endpoint; null when there is none.</summary>
public sealed record GetLogo : IRequest<StoredLogo?>;

public sealed class GetLogoHandler(IReadRepository<PortalSettings> settings) : IRequestHandler<GetLogo, StoredLogo?>
{
    public async ValueTask<StoredLogo?> Handle(GetLogo query, CancellationToken cancellationToken) =>
        await settings.FirstOrDefaultAsync(new StoredLogoSpec(), cancellationToken);
}
