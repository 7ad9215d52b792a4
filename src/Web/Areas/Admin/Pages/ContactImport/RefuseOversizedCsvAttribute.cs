using Portal.Domain.Common;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.ContactImport;

/// <summary>A contact file larger than an import takes: back to the upload form with the size message.</summary>
public sealed class RefuseOversizedCsvAttribute(long maxRequestBytes) : OversizedUploadAttribute(maxRequestBytes)
{
    protected override DomainError Refusal => DomainErrors.ContactImportTooLarge;
}
