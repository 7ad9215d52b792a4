using System.ComponentModel.DataAnnotations;
using Portal.Application.CompanyAccounts;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Pages.My;

/// <summary>The company's details as its administrator edits them, on /my/company and on its own page after a refusal.</summary>
public sealed class CompanyDetailsForm
{
    [Display(Name = "E-mail")] public string? Email { get; set; }

    public ContactDetailsInput Details { get; set; } = new();

    public UpdateMyCompanyDetails ToCommand() => new(Details.ToDetails() with { CompanyName = null }, Email);

    public static CompanyDetailsForm From(MyCompanyView company) => new()
    {
        Email = company.Email,
        Details = ContactDetailsInput.From(company.Details),
    };
}
