namespace Portal.Application.CompanyAccounts;

public sealed class CompanyAccountsOptions
{
    public const string Section = "Portal:CompanyAccounts";

    /// <summary>Colleague invitations and requests one company may send per hour, counted across every instance.</summary>
    public int InvitationsPerHour { get; set; } = 20;
}
