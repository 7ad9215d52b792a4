using Portal.Domain.Contacts;

namespace Portal.Application.ContactImports;

/// <summary>What an import compares a row with: the stored contact it would update.</summary>
public sealed record ExistingContact(
    int Id,
    ContactKind Kind,
    string? Email,
    string? ExternalReference,
    ContactDetails Details,
    int? CompanyId,
    bool HasLiveAccess);
