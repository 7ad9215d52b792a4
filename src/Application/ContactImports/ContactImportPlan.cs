using Portal.Application.Common;
using Portal.Application.Common.Csv;
using Portal.Application.Contacts;
using Portal.Domain.Common;
using Portal.Domain.Contacts;

namespace Portal.Application.ContactImports;

/// <summary>
/// What an import will do with each row of a file: create a contact, update the one it matches (same external reference,
/// else same e-mail ignoring case), leave it as it is, or refuse the row with its reasons. The preview shows the plan and
/// the confirmation carries it out, so both decide the same way. Rows are checked with the contact form's own validator.
/// </summary>
public sealed class ContactImportPlan
{
    public const string FormulaCell =
        "This cell starts like a spreadsheet formula (=, +, -, @). Please remove that character or put the value in quotes with a space.";
    public const string NotText = "This cell contains characters that are not text. Please save the file as CSV in UTF-8.";
    public const string DuplicateEmail = "The e-mail address is already in line {0} of the file.";
    public const string DuplicateReference = "The external reference is already in line {0} of the file.";
    public const string DuplicateContact = "Line {0} of the file already updates the same contact.";

    private static readonly SaveContactValidator Validator = new();

    private ContactImportPlan(IReadOnlyList<PlannedRow> rows, IReadOnlyList<string> newCompanies)
    {
        Rows = rows;
        NewCompanies = newCompanies;
    }

    public IReadOnlyList<PlannedRow> Rows { get; }
    /// <summary>The companies rows name that don't exist yet, each created once, as first spelled in the file.</summary>
    public IReadOnlyList<string> NewCompanies { get; }

    public int Count(ImportOutcome outcome) => Rows.Count(row => row.Outcome == outcome);

    public static ContactImportPlan Build(
        CsvTable table,
        IReadOnlyList<ContactImportField?> columns,
        IReadOnlyList<ExistingContact> existing,
        IReadOnlyList<CompanyOption> companies)
    {
        var byReference = new Dictionary<string, ExistingContact>(StringComparer.Ordinal);
        var byEmail = new Dictionary<string, ExistingContact>(StringComparer.Ordinal);
        foreach (var contact in existing.OrderBy(c => c.Id))
        {
            if (contact.ExternalReference is { } reference) byReference.TryAdd(reference, contact);
            if (contact.Email is { } email) byEmail.TryAdd(EmailAddress.Normalize(email), contact);
        }
        var companyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var company in companies.OrderBy(c => c.Id)) companyIds.TryAdd(ContactSearchText.Normalize(company.Name), company.Id);

        var fields = new Dictionary<ContactImportField, int>();
        for (var column = 0; column < columns.Count; column++)
        {
            if (columns[column] is { } field) fields.TryAdd(field, column);
        }

        var seenEmails = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenReferences = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenContacts = new Dictionary<int, int>();
        var newCompanies = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<PlannedRow>(table.Records.Count);
        foreach (var record in table.Records)
        {
            var row = new RowReader(record, fields);
            var planned = Plan(row, byReference, byEmail, companyIds);
            if (planned.Outcome != ImportOutcome.Refused)
            {
                planned = Deduplicate(planned, seenEmails, seenReferences, seenContacts);
            }
            if (planned is { Outcome: not ImportOutcome.Refused, CompanyId: null, CompanyName: { } name })
            {
                newCompanies.TryAdd(ContactSearchText.Normalize(name), name);
            }
            rows.Add(planned);
        }
        return new ContactImportPlan(rows, newCompanies.Values.ToList());
    }

    private static PlannedRow Plan(
        RowReader row,
        Dictionary<string, ExistingContact> byReference,
        Dictionary<string, ExistingContact> byEmail,
        Dictionary<string, int> companyIds)
    {
        var refusals = row.CellRefusals();
        var reference = row[ContactImportField.ExternalReference];
        var email = row[ContactImportField.Email];
        var match = reference is not null && byReference.TryGetValue(reference, out var byRef) ? byRef
            : email is not null && byEmail.TryGetValue(EmailAddress.Normalize(email), out var byMail) ? byMail
            : null;

        var stored = match?.Details ?? new ContactDetails("");
        var details = stored with
        {
            Name = row[ContactImportField.Name] ?? stored.Name,
            Phone = row[ContactImportField.Phone] ?? stored.Phone,
            Street = row[ContactImportField.Street] ?? stored.Street,
            PostalCode = row[ContactImportField.PostalCode] ?? stored.PostalCode,
            City = row[ContactImportField.City] ?? stored.City,
            CountryCode = row[ContactImportField.Country] is { } country ? Countries.Find(country) ?? country : stored.CountryCode,
            VatNumber = row[ContactImportField.VatNumber] ?? stored.VatNumber,
            PreferredLanguage = row[ContactImportField.PreferredLanguage] is { } language ? Language(language) : stored.PreferredLanguage,
        };
        // The address a customer signs in with stays as it is stored when the file spells it in other case.
        if (email is not null && match?.Email is { } current && EmailAddress.Normalize(current) == EmailAddress.Normalize(email))
        {
            email = current;
        }
        email ??= match?.Email;
        reference ??= match?.ExternalReference;
        var companyName = row[ContactImportField.Company];
        var kind = match?.Kind ?? ContactKind.Person;

        // The company a row names is checked by the rules of the free-text company name: same length, one plain line.
        var command = new SaveContact(match?.Id, kind, email, null,
            companyName is null ? details : details with { CompanyName = companyName }, reference);
        refusals.AddRange(Validator.Validate(command).Errors
            .Select(failure => new ImportRefusal(FieldOf(failure.PropertyName), failure.ErrorMessage, MessageArguments.Of(failure))));
        if (match is { HasLiveAccess: true } && !string.Equals(email, match.Email, StringComparison.Ordinal))
        {
            refusals.Add(Refusal(ContactImportField.Email, DomainErrors.EmailLockedByPortalAccess));
        }
        if (kind == ContactKind.Company && companyName is not null)
        {
            refusals.Add(Refusal(ContactImportField.Company, DomainErrors.CompanyCannotBelongToACompany));
        }

        int? companyId = companyName is null ? match?.CompanyId
            : companyIds.TryGetValue(ContactSearchText.Normalize(companyName), out var id) ? id : null;
        var outcome = refusals.Count > 0 ? ImportOutcome.Refused
            : match is null ? ImportOutcome.New
            : Unchanged(match, details, email, reference, companyId, createsCompany: companyName is not null && companyId is null)
                ? ImportOutcome.Unchanged
            : ImportOutcome.Updated;
        return new PlannedRow(row.Record, outcome, match?.Id, email, reference, details.Normalized(), companyName, companyId, refusals);
    }

    private static bool Unchanged(
        ExistingContact match, ContactDetails details, string? email, string? reference, int? companyId, bool createsCompany) =>
        !createsCompany
        && companyId == match.CompanyId
        && details.Normalized() == match.Details.Normalized()
        && string.Equals(email?.Trim(), match.Email, StringComparison.Ordinal)
        && string.Equals(reference?.Trim(), match.ExternalReference, StringComparison.Ordinal);

    /// <summary>A second row for the same person is refused: which of the two is right is for the admin to say.</summary>
    private static PlannedRow Deduplicate(
        PlannedRow row, Dictionary<string, int> emails, Dictionary<string, int> references, Dictionary<int, int> contacts)
    {
        ImportRefusal? refusal = null;
        if (row.Email is { } email && emails.TryGetValue(EmailAddress.Normalize(email), out var emailLine))
        {
            refusal = new ImportRefusal(ContactImportField.Email, DuplicateEmail, emailLine);
        }
        else if (row.ExternalReference is { } reference && references.TryGetValue(reference.Trim(), out var referenceLine))
        {
            refusal = new ImportRefusal(ContactImportField.ExternalReference, DuplicateReference, referenceLine);
        }
        else if (row.ContactId is { } id && contacts.TryGetValue(id, out var contactLine))
        {
            refusal = new ImportRefusal(null, DuplicateContact, contactLine);
        }
        if (refusal is not null) return row with { Outcome = ImportOutcome.Refused, Refusals = [refusal] };

        if (row.Email is { } first) emails[EmailAddress.Normalize(first)] = row.Line;
        if (row.ExternalReference is { } firstReference) references[firstReference.Trim()] = row.Line;
        if (row.ContactId is { } firstId) contacts[firstId] = row.Line;
        return row;
    }

    private static string Language(string language) => ContactSearchText.Normalize(language) switch
    {
        "en" or "english" or "englisch" => "en",
        "de" or "german" or "deutsch" => "de",
        var other => other,
    };

    private static ImportRefusal Refusal(ContactImportField field, DomainError error) => new(field, error.Message, error.Arguments);

    private static ContactImportField? FieldOf(string property) => property switch
    {
        "Details.Name" => ContactImportField.Name,
        nameof(SaveContact.Email) => ContactImportField.Email,
        "Details.Phone" => ContactImportField.Phone,
        "Details.Street" => ContactImportField.Street,
        "Details.PostalCode" => ContactImportField.PostalCode,
        "Details.City" => ContactImportField.City,
        "Details.CountryCode" => ContactImportField.Country,
        "Details.VatNumber" => ContactImportField.VatNumber,
        "Details.CompanyName" => ContactImportField.Company,
        "Details.PreferredLanguage" => ContactImportField.PreferredLanguage,
        nameof(SaveContact.ExternalReference) => ContactImportField.ExternalReference,
        _ => null,
    };

    /// <summary>The mapped cells of a record, trimmed; an empty cell is null, which keeps what is stored.</summary>
    private readonly struct RowReader(CsvRecord record, Dictionary<ContactImportField, int> fields)
    {
        public CsvRecord Record => record;

        public string? this[ContactImportField field] =>
            fields.TryGetValue(field, out var column) && record.Cell(column).Trim() is { Length: > 0 } value ? value : null;

        public List<ImportRefusal> CellRefusals()
        {
            var refusals = new List<ImportRefusal>();
            foreach (var (field, _) in fields)
            {
                if (this[field] is not { } cell) continue;
                if (StartsLikeFormula(cell)) refusals.Add(new ImportRefusal(field, FormulaCell));
                else if (cell.Any(c => c is '\uFFFD' || (char.IsControl(c) && c is not ('\r' or '\n' or '\t'))))
                {
                    refusals.Add(new ImportRefusal(field, NotText));
                }
            }
            return refusals;
        }
    }

    /// <summary>
    /// A cell a spreadsheet would run. A sign before a digit is a phone number (+49 …) or an amount, which spreadsheets
    /// read as a number and nothing else; a sign before anything else can start a formula.
    /// </summary>
    public static bool StartsLikeFormula(string cell) => cell.Length > 0 && cell[0] switch
    {
        '=' or '@' => true,
        '+' or '-' => cell.Length == 1 || !char.IsAsciiDigit(cell[1]),
        _ => false,
    };
}
