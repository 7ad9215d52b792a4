using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.ContactImports;

/// <summary>Every refused row of an upload with its cells as they were, to fix and import again.</summary>
[RequiresPermission(StaffPermission.ManageContacts)]
public sealed record GetRefusedContactImportRows(Guid Id) : IStaffRequest, IRequest<RefusedContactImportRows>;

public sealed record RefusedContactImportRows(string FileName, IReadOnlyList<string> Headers, IReadOnlyList<PlannedRow> Rows);

public sealed class GetRefusedContactImportRowsHandler(ContactImportReader reader)
    : IRequestHandler<GetRefusedContactImportRows, RefusedContactImportRows>
{
    public async ValueTask<RefusedContactImportRows> Handle(GetRefusedContactImportRows query, CancellationToken cancellationToken)
    {
        var (import, table, _, plan) = await reader.ReadAsync(query.Id, cancellationToken);
        return new RefusedContactImportRows(import.FileName, table.Headers,
            plan?.Rows.Where(row => row.Outcome == ImportOutcome.Refused).ToList() ?? []);
    }
}
