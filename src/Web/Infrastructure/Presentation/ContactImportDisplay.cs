using Microsoft.Extensions.Localization;
using Portal.Application.ContactImports;
using Portal.Domain.Contacts;

namespace Portal.Web.Infrastructure.Presentation;

/// <summary>How the contact import names fields, outcomes and refusals, in the reader's language.</summary>
public static class ContactImportDisplay
{
    public static IReadOnlyList<ContactImportField> Fields { get; } = Enum.GetValues<ContactImportField>();

    public static string ImportField(this IStringLocalizer t, ContactImportField field) => field switch
    {
        ContactImportField.Name => t["Name"],
        ContactImportField.Email => t["E-mail"],
        ContactImportField.Phone => t["Phone"],
        ContactImportField.Street => t["Street"],
        ContactImportField.PostalCode => t["Postal code"],
        ContactImportField.City => t["City"],
        ContactImportField.Country => t["Country"],
        ContactImportField.VatNumber => t["VAT number"],
        ContactImportField.Company => t["Company"],
        ContactImportField.PreferredLanguage => t["Preferred language"],
        ContactImportField.ExternalReference => t["External reference"],
        _ => field.ToString(),
    };

    public static string ImportOutcome(this IStringLocalizer t, ImportOutcome outcome) => outcome switch
    {
        Application.ContactImports.ImportOutcome.New => t["New"],
        Application.ContactImports.ImportOutcome.Updated => t["Updated"],
        Application.ContactImports.ImportOutcome.Unchanged => t["Unchanged"],
        _ => t["Refused"],
    };

    /// <summary>Every reason a row is refused, each with the field it is about ("E-mail: Please enter a valid e-mail address.").</summary>
    public static string ImportRefusals(this IStringLocalizer t, PlannedRow row) => string.Join(" ", row.Refusals.Select(refusal =>
        refusal.Field is { } field ? $"{t.ImportField(field)}: {t[refusal.Message, refusal.Arguments]}" : t[refusal.Message, refusal.Arguments].Value));
}
