namespace Portal.Infrastructure.Settings;

public sealed class SettingsCacheOptions
{
    public const string Section = "Portal:Settings";

    /// <summary>How long an instance keeps its copy of the settings. Default 5 seconds.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(5);
}
