namespace Portal.Application.Pages;

/// <summary>
/// Turns what the back office writes into HTML a visitor's browser may run: raw HTML in the Markdown is shown
/// as text, and the result is sanitised (no scripts, event handlers, javascript: links or inline styles).
/// </summary>
public interface IMarkdownRenderer
{
    string ToSafeHtml(string markdown);

    /// <summary>
    /// Names the rendering and sanitising settings: it changes whenever they do, so stored HTML made under other settings
    /// is recognised and made again.
    /// </summary>
    string Settings { get; }
}
