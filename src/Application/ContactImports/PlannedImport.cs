using Portal.Application.Common.Csv;
using Portal.Domain.Contacts;

namespace Portal.Application.ContactImports;

/// <summary>An upload with its file read; <see cref="Plan"/> is null while the mapping doesn't say who each row is.</summary>
public sealed record PlannedImport(
    ContactImport Import, CsvTable Table, IReadOnlyList<ContactImportField?> Columns, ContactImportPlan? Plan);
