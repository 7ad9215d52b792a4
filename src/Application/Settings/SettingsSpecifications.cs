using Ardalis.Specification;
using Portal.Domain.Settings;

namespace Portal.Application.Settings;

/// <summary>The settings row as the back-office form shows it, read fresh (not from the cache).</summary>
public sealed class SettingsSnapshotSpec : SingleResultSpecification<PortalSettings, PortalSettingsSnapshot>
{
    public SettingsSnapshotSpec()
    {
        Query.Where(s => s.Id == PortalSettings.SingletonId).AsNoTracking();
        Query.Select(PortalSettingsSnapshot.Projection);
    }
}

/// <summary>The logo's bytes, only when its version is the one asked for.</summary>
public sealed class StoredLogoSpec : SingleResultSpecification<PortalSettings, StoredLogo>
{
    public StoredLogoSpec()
    {
        Query.Where(s => s.Id == PortalSettings.SingletonId && s.LogoData != null).AsNoTracking();
        Query.Select(s => new StoredLogo(s.LogoContentType!, s.LogoData!, s.LogoVersion!));
    }
}

public sealed record StoredLogo(string ContentType, byte[] Data, string Version);
