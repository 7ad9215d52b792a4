namespace Portal.Application.CompanyAccounts;

/// <summary>The company administrator sending the current request, as the pipeline found them in the database.</summary>
public sealed record CompanyAdministrator(int UserId, int ContactId, int CompanyId, string Name, string Login);
