using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.ContactImports;

/// <summary>The admin's choice of field per column, in column order (null leaves a column out).</summary>
[RequiresPermission(StaffPermission.ManageContacts)]
public sealed record MapContactImportColumns(Guid Id, IReadOnlyList<ContactImportField?> Columns) : IStaffRequest, IRequest;

public sealed class MapContactImportColumnsHandler(ContactImportReader reader, IUnitOfWork unitOfWork)
    : IRequestHandler<MapContactImportColumns>
{
    public async ValueTask<Unit> Handle(MapContactImportColumns command, CancellationToken cancellationToken)
    {
        var import = await reader.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("Import");
        import.Map(command.Columns);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
