using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Application.PortalAccess;
using Portal.Application.Settings;
using Portal.Domain.Settings;
using Portal.Infrastructure.Caching;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Settings;

/// <summary>
/// Reads the settings row at most every few seconds per instance (every page and mail needs it, so it must not
/// cost a query each time). A change saved here drops the copy at once; other instances see it within
/// <see cref="SettingsCacheOptions.Lifetime"/>.
/// </summary>
internal sealed class CachedPortalSettings : IPortalSettings, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<BrandingOptions> _branding;
    private readonly IOptions<InvitationOptions> _invitations;
    private readonly InstanceCopy<PortalSettingsSnapshot> _copy;

    public CachedPortalSettings(
        IServiceScopeFactory scopes,
        IOptions<BrandingOptions> branding,
        IOptions<InvitationOptions> invitations,
        IOptions<SettingsCacheOptions> cache)
    {
        _scopes = scopes;
        _branding = branding;
        _invitations = invitations;
        _copy = new InstanceCopy<PortalSettingsSnapshot>(LoadAsync, () => cache.Value.Lifetime);
    }

    public ValueTask<PortalSettingsSnapshot> CurrentAsync(CancellationToken cancellationToken) => _copy.CurrentAsync(cancellationToken);

    public void Invalidate() => _copy.Invalidate();

    public void Dispose() => _copy.Dispose();

    private async Task<PortalSettingsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var stored = await db.Settings.AsNoTracking()
            .Where(s => s.Id == PortalSettings.SingletonId)
            .Select(PortalSettingsSnapshot.Projection)
            .FirstOrDefaultAsync(cancellationToken);
        return stored ?? PortalSettingsSnapshot.From(Defaults(_branding.Value, _invitations.Value));
    }

    /// <summary>
    /// What a new portal starts with: the configured company name and invitation validity, everything else at its default.
    /// </summary>
    public static PortalSettings Defaults(BrandingOptions branding, InvitationOptions invitations) =>
        PortalSettings.CreateDefault(branding.CompanyName, invitations.Validity, TimeSpan.FromMinutes(30));
}
