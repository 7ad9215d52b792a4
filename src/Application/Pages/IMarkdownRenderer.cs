namespace Portal.Application.Pages;

/// <summary>
/// Turns what the back office writes into HTML a visitor's browser may run: raw HTML in the Markdown is shown
/// as text, and the result is sanitised (no scripts, event handlers, javascript: links or inline styles).
/// </summary>
public interface IMarkdownRenderer
{
    string ToSafeHtml(string markdown);
}
