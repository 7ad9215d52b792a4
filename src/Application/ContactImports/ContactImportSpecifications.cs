using Ardalis.Specification;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.Application.ContactImports;

/// <summary>An upload, only for the staff member who made it.</summary>
public sealed class ContactImportSpec : Specification<ContactImport>, ISingleResultSpecification<ContactImport>
{
    public ContactImportSpec(Guid id, int uploadedBy) => Query.Where(i => i.Id == id && i.UploadedBy == uploadedBy);
}

/// <summary>
/// Every contact a row could match, in one read: an import of thousands of rows compares them in memory rather than
/// asking once per row (e-mails compare ignoring case, which no index of the e-mail column serves anyway).
/// </summary>
public sealed class ImportableContactsSpec : Specification<Contact, ExistingContact>
{
    public ImportableContactsSpec()
    {
        Query.Where(c => c.Email != null || c.ExternalReference != null).AsNoTracking();
        Query.Select(c => new ExistingContact(
            c.Id,
            c.Kind,
            c.Email,
            c.ExternalReference,
            new ContactDetails(c.Name, c.Phone, c.Street, c.PostalCode, c.City, c.CountryCode, c.VatNumber, c.CompanyName,
                c.PreferredLanguage),
            c.CompanyId,
            c.PortalUser != null && (c.PortalUser.State == PortalAccessState.Invited || c.PortalUser.State == PortalAccessState.Active)));
    }
}

/// <summary>The contacts one batch of an import updates or links to, with what their e-mail rule needs.</summary>
public sealed class ContactsToImportIntoSpec : Specification<Contact>
{
    public ContactsToImportIntoSpec(IReadOnlyCollection<int> ids) =>
        Query.Where(c => ids.Contains(c.Id)).Include(c => c.PortalUser);
}
