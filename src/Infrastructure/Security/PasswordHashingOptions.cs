namespace Portal.Infrastructure.Security;

public sealed class PasswordHashingOptions
{
    public const string Section = "Portal:PasswordHashing";
    public const int MinimumIterations = 220_000;

    public int Iterations { get; set; } = MinimumIterations;
}
