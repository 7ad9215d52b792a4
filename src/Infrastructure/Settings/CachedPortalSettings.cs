using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Application.PortalAccess;
using Portal.Application.Settings;
using Portal.Domain.Settings;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Settings;

/// <summary>
/// Reads the settings row at most every few seconds per instance (every page and mail needs it, so it must not
/// cost a query each time). A change saved here drops the copy at once; other instances see it within
/// <see cref="SettingsCacheOptions.Lifetime"/>.
/// </summary>
internal sealed class CachedPortalSettings(
    IServiceScopeFactory scopes,
    IOptions<BrandingOptions> branding,
    IOptions<InvitationOptions> invitations,
    IOptions<SettingsCacheOptions> cache) : IPortalSettings
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Cached? _current;
    private long _generation;

    public async ValueTask<PortalSettingsSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && fresh.IsFresh) return fresh.Snapshot;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded && loaded.IsFresh) return loaded.Snapshot;
            var generation = Interlocked.Read(ref _generation);
            var snapshot = await LoadAsync(cancellationToken);
            // A change saved while this read ran may not be in it: keeping it would hide that change for a whole lifetime.
            if (Interlocked.Read(ref _generation) == generation)
                _current = new Cached(snapshot, Environment.TickCount64 + (long)cache.Value.Lifetime.TotalMilliseconds);
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    private async Task<PortalSettingsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var stored = await db.Settings.AsNoTracking()
            .Where(s => s.Id == PortalSettings.SingletonId)
            .Select(PortalSettingsSnapshot.Projection)
            .FirstOrDefaultAsync(cancellationToken);
        return stored ?? PortalSettingsSnapshot.From(Defaults(branding.Value, invitations.Value));
    }

    /// <summary>
    /// What a new portal starts with: the configured company name and invitation validity, everything else at its default.
    /// </summary>
    public static PortalSettings Defaults(BrandingOptions branding, InvitationOptions invitations) =>
        PortalSettings.CreateDefault(branding.CompanyName, invitations.Validity, TimeSpan.FromMinutes(30));

    private sealed record Cached(PortalSettingsSnapshot Snapshot, long FreshUntil)
    {
        public bool IsFresh => Environment.TickCount64 < FreshUntil;
    }
}
