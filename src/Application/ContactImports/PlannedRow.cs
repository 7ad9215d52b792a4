using Portal.Application.Common.Csv;
using Portal.Domain.Contacts;

namespace Portal.Application.ContactImports;

/// <summary>One row of a file as the import will store it, or why it won't.</summary>
public sealed record PlannedRow(
    CsvRecord Record,
    ImportOutcome Outcome,
    int? ContactId,
    string? Email,
    string? ExternalReference,
    ContactDetails Details,
    string? CompanyName,
    int? CompanyId,
    IReadOnlyList<ImportRefusal> Refusals)
{
    public int Line => Record.Line;
}
