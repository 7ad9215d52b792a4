using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.ContactImports;

/// <summary>
/// Carries out an upload's plan: companies first, then the people in batches of <see cref="CommitContactImportHandler.BatchSize"/>,
/// one transaction each. Returns null when the upload is gone: already committed (a second click) or expired.
/// </summary>
[RequiresPermission(StaffPermission.ManageContacts)]
public sealed record CommitContactImport(Guid Id) : IStaffRequest, IRequest<ContactImportResult?>;

/// <summary>The totals, and the people the import created or changed (for granting them portal access next).</summary>
public sealed record ContactImportResult(
    string FileName, int New, int Updated, int Unchanged, int Refused, int NewCompanies, IReadOnlyList<int> ImportedPersonIds);

public sealed class CommitContactImportHandler(
    ContactImportReader reader,
    IRepository<ContactImport> imports,
    IRepository<Contact> contacts,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    TimeProvider clock) : IRequestHandler<CommitContactImport, ContactImportResult?>
{
    public const int BatchSize = 500;

    public async ValueTask<ContactImportResult?> Handle(CommitContactImport command, CancellationToken cancellationToken)
    {
        var import = await reader.FindAsync(command.Id, cancellationToken);
        if (import is null) return null;
        var plan = (await reader.PlanAsync(import, cancellationToken)).Plan
            ?? throw new DomainException(DomainErrors.ContactImportMappingInvalid);
        var now = clock.GetUtcNow();
        var result = new ContactImportResult(import.FileName, plan.Count(ImportOutcome.New), plan.Count(ImportOutcome.Updated),
            plan.Count(ImportOutcome.Unchanged), plan.Count(ImportOutcome.Refused), plan.NewCompanies.Count, []);

        // Removing the upload claims it: of two confirmations racing, the second finds no row to remove and stops here.
        import.Commit(result.New, result.Updated, result.Unchanged, result.Refused, currentUser.ActorName, now);
        await imports.DeleteAsync(import, cancellationToken);
        var companies = plan.NewCompanies.Select(name => Contact.CreateCompany(new ContactDetails(name), null, now)).ToList();
        await contacts.AddRangeAsync(companies, cancellationToken);
        try
        {
            await unitOfWork.SaveBatchAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            unitOfWork.DiscardChanges();
            return null;
        }
        var companyIds = companies.ToDictionary(c => ContactSearchText.Normalize(c.Name), c => c.Id, StringComparer.Ordinal);
        unitOfWork.DiscardChanges();

        var imported = new List<int>();
        foreach (var batch in plan.Rows.Where(row => row.Outcome is ImportOutcome.New or ImportOutcome.Updated).Chunk(BatchSize))
        {
            imported.AddRange(await ImportAsync(batch, companyIds, now, cancellationToken));
        }
        return result with { ImportedPersonIds = imported };
    }

    private async Task<IEnumerable<int>> ImportAsync(
        PlannedRow[] batch, Dictionary<string, int> newCompanyIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int? CompanyOf(PlannedRow row) => row.CompanyId
            ?? (row.CompanyName is { } name ? newCompanyIds[ContactSearchText.Normalize(name)] : null);

        var ids = batch.Select(row => row.ContactId).Concat(batch.Select(CompanyOf)).OfType<int>().Distinct().ToList();
        var loaded = (await contacts.ListAsync(new ContactsToImportIntoSpec(ids), cancellationToken)).ToDictionary(c => c.Id);
        var created = new List<Contact>();
        var updated = new List<Contact>();
        foreach (var row in batch)
        {
            var company = CompanyOf(row) is { } companyId ? loaded[companyId] : null;
            if (row.ContactId is { } id)
            {
                var contact = loaded[id];
                contact.UpdateDetails(row.Details, now);
                if (row.CompanyName is not null) contact.MoveToCompany(company, now);
                contact.ChangeEmail(row.Email, now);
                contact.ChangeExternalReference(row.ExternalReference, now);
                if (contact.Kind == ContactKind.Person) updated.Add(contact);
            }
            else
            {
                var contact = Contact.CreatePerson(row.Details, row.Email, company, now);
                contact.ChangeExternalReference(row.ExternalReference, now);
                created.Add(contact);
            }
        }
        await contacts.AddRangeAsync(created, cancellationToken);
        // Hundreds of new people: one multi-row insert instead of a statement per person (on SQLite each also runs the
        // search index's trigger and comes back for its key).
        await unitOfWork.SaveBatchAsync(cancellationToken);
        // A batch's contacts are not needed once saved; tracking thousands would slow every later save.
        unitOfWork.DiscardChanges();
        return updated.Concat(created).Select(c => c.Id);
    }
}
