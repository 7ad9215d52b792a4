namespace Portal.Application.Account;

public sealed class AccountSecurityOptions
{
    public const string Section = "Portal:Security";

    /// <summary>Consecutive wrong passwords before the account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan PasswordResetValidity { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan EmailChangeValidity { get; set; } = TimeSpan.FromHours(24);
}
