namespace Portal.Application.Settings;

/// <summary>
/// The current settings. Cached for a few seconds per instance and dropped at once when this instance saves a
/// change, so a change takes effect without a restart everywhere.
/// </summary>
public interface IPortalSettings
{
    ValueTask<PortalSettingsSnapshot> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the cached copy; the next read goes to the database.</summary>
    void Invalidate();
}
