using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Portal.Application.Pages;

namespace Portal.Infrastructure.Content;

/// <summary>
/// Markdown to HTML that is safe to put on the site. Two layers: Markdig with raw HTML disabled writes any tag
/// an author typed as text, and HtmlSanitizer then keeps only harmless elements and attributes — so a bug or
/// extension in one layer still can't smuggle a script, an event handler, a javascript: link or an inline
/// style (which the CSP would block anyway) onto a page.
/// </summary>
public sealed class SafeMarkdownRenderer : IMarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    /// <summary>
    /// Raise when this class changes what it writes in a way the fingerprint can't see (the heading shift, the rel on
    /// links, a new extension's options).
    /// </summary>
    private const int Revision = 1;

    // From the sanitiser's options, not from a sanitiser: building one loads AngleSharp's CSS engine (about 2,700 types),
    // and housekeeping reads the fingerprint at every start, where usually no page needs rendering.
    private static readonly string Fingerprint = FingerprintOf(SanitizerOptions());

    public string Settings => Fingerprint;

    public string ToSafeHtml(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);
        // The page's title is its only <h1>; a "# Heading" in the text is the first level below it.
        foreach (var heading in document.Descendants<HeadingBlock>()) heading.Level = Math.Min(6, heading.Level + 1);
        var html = document.ToHtml(Pipeline);
        return CreateSanitizer().Sanitize(html);
    }

    /// <summary>
    /// What decides the output: the pipeline's extensions, the sanitiser's allowed lists, both libraries' versions and
    /// <see cref="Revision"/>. Stored with each page's HTML; a page stored under another value is rendered again.
    /// </summary>
    private static string FingerprintOf(HtmlSanitizerOptions sanitizer)
    {
        static string Sorted(IEnumerable<string> values) => string.Join(",", values.Order(StringComparer.Ordinal));
        var settings = string.Join("\n",
            $"revision={Revision}",
            $"markdig={typeof(Markdown).Assembly.GetName().Version}",
            $"sanitizer={typeof(HtmlSanitizer).Assembly.GetName().Version}",
            "extensions=" + Sorted(Pipeline.Extensions.Select(e => e.GetType().FullName ?? "")),
            "tags=" + Sorted(sanitizer.AllowedTags),
            "attributes=" + Sorted(sanitizer.AllowedAttributes),
            "css=" + Sorted(sanitizer.AllowedCssProperties),
            "at-rules=" + Sorted(sanitizer.AllowedAtRules.Select(r => r.ToString())),
            "schemes=" + Sorted(sanitizer.AllowedSchemes),
            "uri-attributes=" + Sorted(sanitizer.UriAttributes),
            $"data-attributes={sanitizer.AllowDataAttributes}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings)))[..16];
    }

    private static HtmlSanitizerOptions SanitizerOptions()
    {
        var options = new HtmlSanitizerOptions { AllowDataAttributes = false };
        options.AllowedAttributes.Remove("style");
        options.AllowedCssProperties.Clear();
        options.AllowedAtRules.Clear();
        options.AllowedSchemes.Clear();
        options.AllowedSchemes.Add("http");
        options.AllowedSchemes.Add("https");
        options.AllowedSchemes.Add("mailto");
        return options;
    }

    // Rendering happens when the back office saves a page or after the settings changed, so a fresh sanitizer per call
    // costs nothing that matters and leaves no shared, mutable configuration between requests.
    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(SanitizerOptions());
        sanitizer.PostProcessNode += (_, e) =>
        {
            // A page may link anywhere; the target learns nothing about the page and gets no handle on its window.
            if (e.Node is IElement { LocalName: "a" } link && link.HasAttribute("href"))
                link.SetAttribute("rel", "noopener noreferrer");
        };
        return sanitizer;
    }
}
