using Portal.Application.Common;
using Portal.Application.Common.Csv;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;

namespace Portal.Application.ContactImports;

/// <summary>Loads an upload of the current staff member and plans it against the contacts as they are now.</summary>
public sealed class ContactImportReader(
    IRepository<ContactImport> imports,
    IReadRepository<Contact> contacts,
    ICsvFileReader csv,
    ICurrentUser currentUser)
{
    public async Task<PlannedImport> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var import = await FindAsync(id, cancellationToken) ?? throw new NotFoundException("Import");
        return await PlanAsync(import, cancellationToken);
    }

    public Task<ContactImport?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        imports.FirstOrDefaultAsync(new ContactImportSpec(id, currentUser.UserId ?? 0), cancellationToken);

    public async Task<PlannedImport> PlanAsync(ContactImport import, CancellationToken cancellationToken)
    {
        var table = csv.Read(import.Content, ContactImport.MaxRows);
        var columns = Enumerable.Range(0, table.Headers.Count)
            .Select(column => column < import.Columns.Count ? import.Columns[column] : null).ToList();
        if (!ContactImport.IsUsable(columns)) return new PlannedImport(import, table, columns, null);
        var existing = await contacts.ListAsync(new ImportableContactsSpec(), cancellationToken);
        var companies = await contacts.ListAsync(new CompanyOptionsSpec(), cancellationToken);
        return new PlannedImport(import, table, columns, ContactImportPlan.Build(table, columns, existing, companies));
    }
}
