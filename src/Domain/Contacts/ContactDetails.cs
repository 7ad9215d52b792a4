namespace Portal.Domain.Contacts;

/// <summary>The editable details of a contact, as one value so that every edit is validated the same way.</summary>
public sealed record ContactDetails(
    string Name,
    string? Phone = null,
    string? Street = null,
    string? PostalCode = null,
    string? City = null,
    string? CountryCode = null,
    string? VatNumber = null,
    string? CompanyName = null,
    string PreferredLanguage = "en")
{
    public static readonly IReadOnlyList<string> SupportedLanguages = ["en", "de"];

    public ContactDetails Normalized() => this with
    {
        Name = Name.Trim(),
        Phone = Clean(Phone),
        Street = Clean(Street),
        PostalCode = Clean(PostalCode),
        City = Clean(City),
        CountryCode = Clean(CountryCode)?.ToUpperInvariant(),
        VatNumber = Clean(VatNumber)?.ToUpperInvariant(),
        CompanyName = Clean(CompanyName),
        PreferredLanguage = SupportedLanguages.Contains(PreferredLanguage) ? PreferredLanguage : "en",
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
