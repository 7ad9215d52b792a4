using Mediator;
using Portal.Application.Common;
using Portal.Application.Common.Csv;
using Portal.Domain.Users;

namespace Portal.Application.ContactImports;

/// <summary>A CSV file with the header the import recognises and one example row.</summary>
[RequiresPermission(StaffPermission.ManageContacts)]
public sealed record GetContactImportTemplate : IStaffRequest, IRequest<byte[]>;

public sealed class GetContactImportTemplateHandler(ICsvFileWriter csv) : IRequestHandler<GetContactImportTemplate, byte[]>
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Name", "E-mail", "Phone", "Street", "Postal code", "City", "Country", "VAT number", "Company", "Preferred language",
        "External reference",
    ];

    private static readonly string?[] Example =
    [
        "Anna Example", "anna@example.com", "+49 40 123456", "Example Street 1", "20095", "Hamburg", "DE", "DE123456789",
        "Example Ltd", "en", "C-10001",
    ];

    public ValueTask<byte[]> Handle(GetContactImportTemplate query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(csv.Write(Header, [Example]));
}
