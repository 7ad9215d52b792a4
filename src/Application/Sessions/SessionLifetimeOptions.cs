namespace Portal.Application.Sessions;

public sealed class SessionLifetimeOptions
{
    public const string Section = "Portal:Session";

    /// <summary>A session ends this long after sign-in, however active it is.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often a session's "last seen" is written at most: not on every request.</summary>
    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);
}
