using Portal.Domain.Contacts;

namespace Portal.Application.ContactImports;

/// <summary>Guesses which field each column holds from its header, in English or German, as exported by common tools.</summary>
public static class ContactImportColumns
{
    private static readonly Dictionary<string, ContactImportField> Names = new[]
    {
        (ContactImportField.Name, new[] { "name", "full name", "contact", "contact name", "vollständiger name", "kontakt", "ansprechpartner" }),
        (ContactImportField.Email, ["email", "e-mail", "e mail", "mail", "email address", "e-mail address", "e-mail-adresse", "emailadresse"]),
        (ContactImportField.Phone, ["phone", "telephone", "phone number", "mobile", "telefon", "telefonnummer", "tel", "handy", "mobil"]),
        (ContactImportField.Street, ["street", "address", "street address", "straße", "strasse", "adresse", "anschrift"]),
        (ContactImportField.PostalCode, ["postal code", "postcode", "zip", "zip code", "plz", "postleitzahl"]),
        (ContactImportField.City, ["city", "town", "stadt", "ort", "wohnort"]),
        (ContactImportField.Country, ["country", "country code", "land", "ländercode"]),
        (ContactImportField.VatNumber, ["vat", "vat number", "vat id", "ust-id", "ustid", "ust-idnr", "umsatzsteuer-id", "ust.-id"]),
        (ContactImportField.Company, ["company", "company name", "organisation", "organization", "firma", "unternehmen", "firmenname"]),
        (ContactImportField.PreferredLanguage, ["language", "preferred language", "sprache", "bevorzugte sprache"]),
        (ContactImportField.ExternalReference,
            ["external reference", "external id", "reference", "customer number", "customer id", "id", "ref",
                "externe referenz", "referenz", "kundennummer", "kunden-nr", "kundennr"]),
    }.SelectMany(entry => entry.Item2.Select(name => (Key: Key(name), Field: entry.Item1))).DistinctBy(entry => entry.Key)
        .ToDictionary(entry => entry.Key, entry => entry.Field);

    /// <summary>The field of each header; a field goes to the first column that names it, an unknown header to none.</summary>
    public static IReadOnlyList<ContactImportField?> Guess(IReadOnlyList<string> headers)
    {
        var taken = new HashSet<ContactImportField>();
        return headers.Select(header => Names.TryGetValue(Key(header), out var field) && taken.Add(field) ? field : (ContactImportField?)null)
            .ToList();
    }

    private static string Key(string header) => ContactSearchText.Normalize(header.Replace('_', ' ').Replace('.', ' ')).Trim();
}
