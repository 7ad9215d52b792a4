using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.ContactImports;

/// <summary>What confirming an upload would do: counts per outcome, the first rows as stored, and the refused rows.</summary>
[RequiresPermission(StaffPermission.ManageContacts)]
public sealed record GetContactImportPreview(Guid Id) : IStaffRequest, IRequest<ContactImportPreview>;

public sealed record ContactImportPreview(
    Guid Id,
    string FileName,
    IReadOnlyList<string> Headers,
    IReadOnlyList<ContactImportField?> Columns,
    bool MappingUsable,
    int Rows,
    int New,
    int Updated,
    int Unchanged,
    int Refused,
    int NewCompanies,
    IReadOnlyList<PlannedRow> Sample,
    IReadOnlyList<PlannedRow> RefusedRows);

public sealed class GetContactImportPreviewHandler(ContactImportReader reader)
    : IRequestHandler<GetContactImportPreview, ContactImportPreview>
{
    public const int SampleRows = 10;
    /// <summary>The page lists this many refused rows; the download has them all.</summary>
    public const int ListedRefusals = 200;

    public async ValueTask<ContactImportPreview> Handle(GetContactImportPreview query, CancellationToken cancellationToken)
    {
        var (import, table, columns, plan) = await reader.ReadAsync(query.Id, cancellationToken);
        var rows = plan?.Rows ?? [];
        return new ContactImportPreview(
            import.Id,
            import.FileName,
            table.Headers,
            columns,
            plan is not null,
            table.Records.Count,
            plan?.Count(ImportOutcome.New) ?? 0,
            plan?.Count(ImportOutcome.Updated) ?? 0,
            plan?.Count(ImportOutcome.Unchanged) ?? 0,
            plan?.Count(ImportOutcome.Refused) ?? 0,
            plan?.NewCompanies.Count ?? 0,
            rows.Where(row => row.Outcome != ImportOutcome.Refused).Take(SampleRows).ToList(),
            rows.Where(row => row.Outcome == ImportOutcome.Refused).Take(ListedRefusals).ToList());
    }
}
