using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Portal.Application.Common;

namespace Portal.FunctionalTests.Support;

/// <summary>
/// Drives the portal the way a browser does: GETs pages, fills in their real forms (antiforgery token
/// included, because it is a hidden field of the form), presses a named button, and follows redirects.
/// </summary>
public sealed class PortalBrowser(HttpClient client, CookieContainer cookies) : IDisposable
{
    /// <summary>The cookie jar: hand it to another app instance's browser to carry the session across.</summary>
    public CookieContainer Cookies => cookies;

    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public Uri? CurrentUrl { get; private set; }

    /// <summary>
    /// A form token valid for this browser's session, for a hand-made post: from the sign-out page, which every signed-in
    /// user can open and which carries one (pages without a form of their own seal none).
    /// </summary>
    public async Task<string> FormTokenAsync() =>
        (await GetAsync(PortalRoutes.Account.SignOut)).Document.QuerySelector("input[name=__RequestVerificationToken]")!
            .GetAttribute("value")!;

    public async Task<Page> GetAsync(string url, bool followRedirects = true)
    {
        var response = await client.GetAsync(url);
        return await ReadAsync(response, new Uri(client.BaseAddress!, url), followRedirects);
    }

    /// <summary>
    /// Submits (posts, or for a GET form requests) the form holding the button with <paramref name="buttonText"/> (or the page's only post form), with fields
    /// overridden by <paramref name="fields"/>.
    /// </summary>
    public async Task<Page> SubmitAsync(Page page, string? buttonText = null, IDictionary<string, string?>? fields = null,
        bool followRedirects = true, string? buttonSelector = null)
    {
        var button = buttonSelector is not null
            ? page.Document.QuerySelector(buttonSelector) as IHtmlButtonElement
            : buttonText is null ? null
            : page.Document.QuerySelectorAll("button").OfType<IHtmlButtonElement>()
                .FirstOrDefault(b => b.TextContent.Trim() == buttonText || b.GetAttribute("aria-label") == buttonText);
        if ((buttonText is not null || buttonSelector is not null) && button is null)
            throw new InvalidOperationException($"No button '{buttonText ?? buttonSelector}' on " +
                $"{page.Url}.\n{page.Text[..Math.Min(2000, page.Text.Length)]}");
        // The layout holds no post form, so a page's only post form is its own (the sign-out page's included).
        var form = button?.Form ?? page.Document.Forms.OfType<IHtmlFormElement>()
            .Single(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase));
        if (button?.IsDisabled == true) throw new InvalidOperationException($"Button '{buttonText}' is disabled.");

        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) break;
                    if (input.Type is "submit" or "button" or "image") break;
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }
        if (fields is not null)
        {
            foreach (var (name, value) in fields)
            {
                values.RemoveAll(v => v.Key == name);
                if (value is not null) values.Add(new(name, value));
            }
        }
        if (button is not null && !string.IsNullOrEmpty(button.Name)) values.Add(new(button.Name!, button.Value));

        var action = button?.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : new Uri(page.Url, action);
        if (form.Method.Equals("get", StringComparison.OrdinalIgnoreCase))
        {
            // As a browser does: the fields become the address's query.
            using var query = new FormUrlEncodedContent(values);
            target = new UriBuilder(target) { Query = await query.ReadAsStringAsync() }.Uri;
            return await ReadAsync(await client.GetAsync(target), target, followRedirects);
        }
        var response = await client.PostAsync(target, new FormUrlEncodedContent(values));
        return await ReadAsync(response, target, followRedirects);
    }

    private async Task<Page> ReadAsync(HttpResponseMessage response, Uri url, bool followRedirects)
    {
        var hops = 0;
        while (followRedirects
            && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
                or HttpStatusCode.SeeOther or HttpStatusCode.RedirectMethod
            && hops++ < 10)
        {
            url = new Uri(url, response.Headers.Location!);
            response.Dispose();
            response = await client.GetAsync(url);
        }
        var body = await response.Content.ReadAsStringAsync();
        CurrentUrl = url;
        return new Page(response, url, body, Parser.ParseDocument(body));
    }

    public void Dispose() => client.Dispose();
}

public sealed record Page(HttpResponseMessage Response, Uri Url, string Html, IHtmlDocument Document)
{
    public HttpStatusCode Status => Response.StatusCode;
    public string Path => Url.AbsolutePath;
    public string Text => Document.Body?.TextContent ?? "";
    public string? Location => Response.Headers.Location?.ToString();
}
