using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Portal.FunctionalTests.Support;

/// <summary>A file to send with a form, as a browser's file input would.</summary>
public sealed record UploadedFile(string FieldName, string FileName, byte[] Content, string ContentType = "application/pdf");

/// <summary>
/// Submits a multipart form (enctype="multipart/form-data") the way a browser does: every field of the form,
/// its antiforgery token included, plus the chosen file, to the button's formaction or the form's action.
/// </summary>
public static class MultipartForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<Page> SubmitMultipartAsync(this PortalBrowser browser, Page page, string buttonText, UploadedFile file,
        IDictionary<string, string?>? fields = null)
    {
        var button = page.Document.QuerySelectorAll("button").OfType<IHtmlButtonElement>()
            .FirstOrDefault(b => b.TextContent.Trim() == buttonText)
            ?? throw new InvalidOperationException($"No button '{buttonText}' on {page.Url}.");
        var form = button.Form ?? throw new InvalidOperationException($"Button '{buttonText}' is not in a form.");
        form.Enctype.ShouldBe("multipart/form-data");

        using var content = new MultipartFormDataContent();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled
                    && input.Type is not ("file" or "submit" or "button"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) break;
                    if (fields?.ContainsKey(input.Name!) == true) break;
                    content.Add(new StringContent(input.Value), input.Name!);
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && fields?.ContainsKey(select.Name!) != true:
                    content.Add(new StringContent(select.Value ?? ""), select.Name!);
                    break;
            }
        }
        foreach (var (name, value) in fields ?? new Dictionary<string, string?>())
        {
            if (value is not null) content.Add(new StringContent(value), name);
        }
        var fileContent = new ByteArrayContent(file.Content);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        // The name as typed (quotes, umlauts, a Windows path) travels in filename* (RFC 5987), as HttpClient can't quote it plainly.
        fileContent.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = $"\"{file.FieldName}\"",
            FileNameStar = file.FileName,
        };
        content.Add(fileContent);

        var action = button.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : new Uri(page.Url, action);
        var response = await browser.Client.PostAsync(target, content);
        var hops = 0;
        while (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && hops++ < 10)
        {
            target = new Uri(target, response.Headers.Location!);
            response.Dispose();
            response = await browser.Client.GetAsync(target);
        }
        var body = await response.Content.ReadAsStringAsync();
        return new Page(response, target, body, Parser.ParseDocument(body));
    }
}
