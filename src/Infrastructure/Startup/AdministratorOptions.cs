namespace Portal.Infrastructure.Startup;

public sealed class AdministratorOptions
{
    public const string Section = "Portal:Admin";

    public string Email { get; set; } = "admin@portal.example";
    public string Name { get; set; } = "Administrator";
    /// <summary>Empty: a strong password is generated on first start and printed once.</summary>
    public string? Password { get; set; }
}
