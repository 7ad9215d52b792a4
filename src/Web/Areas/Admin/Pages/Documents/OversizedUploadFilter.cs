using Portal.Domain.Common;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Documents;

/// <summary>A PDF larger than a document may carry: back to the document with the size message.</summary>
public sealed class RefuseOversizedUploadAttribute(long maxRequestBytes) : OversizedUploadAttribute(maxRequestBytes)
{
    protected override DomainError Refusal => DomainErrors.DocumentPdfTooLarge;
}
