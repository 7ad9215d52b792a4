namespace Portal.Domain.Contacts;

/// <summary>The contact fields a column of an imported file can fill.</summary>
public enum ContactImportField
{
    Name = 1,
    Email = 2,
    Phone = 3,
    Street = 4,
    PostalCode = 5,
    City = 6,
    Country = 7,
    VatNumber = 8,
    Company = 9,
    PreferredLanguage = 10,
    ExternalReference = 11,
}
