using System.Text;
using Portal.Application.Common;

namespace Portal.FunctionalTests.Support;

/// <summary>The contact import as an admin goes through it: upload, preview, confirm.</summary>
public static class ContactImportSteps
{
    public const string ConfirmButton = "form[action*='handler=Confirm'] button[type=submit]";

    public static Task<Page> UploadCsvAsync(this PortalBrowser admin, string text, string fileName = "contacts.csv") =>
        admin.UploadCsvAsync(Encoding.UTF8.GetBytes(text), fileName);

    public static async Task<Page> UploadCsvAsync(this PortalBrowser admin, byte[] content, string fileName = "contacts.csv")
    {
        var form = await admin.GetAsync(PortalRoutes.Admin.ContactImport);
        return await admin.SubmitMultipartAsync(form, "Upload and preview", new UploadedFile("file", fileName, content, "text/csv"));
    }

    public static int Count(this Page preview, string what) =>
        int.Parse(preview.Document.QuerySelector($"[data-count={what}]")?.TextContent.Trim()
            ?? throw new InvalidOperationException($"No count '{what}' on {preview.Url}:\n{preview.Text}"),
            System.Globalization.CultureInfo.InvariantCulture);

    public static string RefusalOf(this Page preview, int line) =>
        preview.Document.QuerySelector($"#refused-rows tr[data-line='{line}']")?.TextContent
        ?? throw new InvalidOperationException($"Line {line} is not refused on {preview.Url}:\n{preview.Text}");

    public static Task<Page> ConfirmImportAsync(this PortalBrowser admin, Page preview) =>
        admin.SubmitAsync(preview, buttonSelector: ConfirmButton);
}
