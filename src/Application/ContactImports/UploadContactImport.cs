using Mediator;
using Portal.Application.Common;
using Portal.Application.Common.Csv;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.ContactImports;

/// <summary>Keeps an uploaded contact file for its preview, with a mapping guessed from its header. Stores no contact.</summary>
[RequiresPermission(StaffPermission.ManageContacts)]
public sealed record UploadContactImport(string? FileName, byte[] Content) : IStaffRequest, IRequest<Guid>;

public sealed class UploadContactImportHandler(
    IRepository<ContactImport> imports, IUnitOfWork unitOfWork, ICsvFileReader csv, ICurrentUser currentUser, TimeProvider clock)
    : IRequestHandler<UploadContactImport, Guid>
{
    public async ValueTask<Guid> Handle(UploadContactImport command, CancellationToken cancellationToken)
    {
        var import = ContactImport.Upload(currentUser.UserId ?? 0, command.FileName ?? "", command.Content, clock.GetUtcNow());
        var table = csv.Read(command.Content, ContactImport.MaxRows);
        if (table.Records.Count == 0) throw new DomainException(DomainErrors.ContactImportEmpty);
        import.Propose(ContactImportColumns.Guess(table.Headers));
        await imports.AddAsync(import, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return import.Id;
    }
}
