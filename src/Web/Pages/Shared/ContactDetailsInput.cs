using System.ComponentModel.DataAnnotations;
using Portal.Domain.Contacts;

namespace Portal.Web.Pages.Shared;

/// <summary>The details form both the back office and My Account show; the rules live in the application's validators.</summary>
public sealed class ContactDetailsInput
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Street")]
    public string? Street { get; set; }

    [Display(Name = "Postal code")]
    public string? PostalCode { get; set; }

    [Display(Name = "City")]
    public string? City { get; set; }

    [Display(Name = "Country")]
    public string? CountryCode { get; set; }

    [Display(Name = "VAT number")]
    public string? VatNumber { get; set; }

    [Display(Name = "Company name")]
    public string? CompanyName { get; set; }

    [Display(Name = "Preferred language")]
    public string PreferredLanguage { get; set; } = "en";

    public ContactDetails ToDetails() =>
        new(Name ?? "", Phone, Street, PostalCode, City, CountryCode, VatNumber, CompanyName, PreferredLanguage);

    public static ContactDetailsInput From(ContactDetails details) => new()
    {
        Name = details.Name,
        Phone = details.Phone,
        Street = details.Street,
        PostalCode = details.PostalCode,
        City = details.City,
        CountryCode = details.CountryCode,
        VatNumber = details.VatNumber,
        CompanyName = details.CompanyName,
        PreferredLanguage = details.PreferredLanguage,
    };
}
