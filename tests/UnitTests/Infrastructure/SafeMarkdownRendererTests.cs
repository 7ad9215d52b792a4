using Portal.Infrastructure.Content;

namespace Portal.UnitTests.Infrastructure;

public sealed class SafeMarkdownRendererTests
{
    private readonly SafeMarkdownRenderer _renderer = new();

    [Fact]
    public void Markdown_becomes_html()
    {
        var html = _renderer.ToSafeHtml("Some **bold** and *italic* text.\n\n- one\n- two");
        html.ShouldContain("<strong>bold</strong>");
        html.ShouldContain("<em>italic</em>");
        html.ShouldContain("<li>one</li>");
    }

    [Fact]
    public void Headings_start_below_the_page_title()
    {
        var html = _renderer.ToSafeHtml("# Top\n\n## Next\n\n###### Deepest");
        html.ShouldContain("<h2");
        html.ShouldContain(">Top</h2>");
        html.ShouldContain(">Next</h3>");
        html.ShouldContain(">Deepest</h6>");
        html.ShouldNotContain("<h1");
    }

    [Fact]
    public void Raw_html_is_shown_as_text_and_never_runs()
    {
        var html = _renderer.ToSafeHtml("<script>alert(1)</script> **bold** <img src=x onerror=alert(2)> <b style=\"color:red\">x</b>");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("<b ", Case.Insensitive);
        html.ShouldContain("&lt;script&gt;");
        html.ShouldContain("<strong>bold</strong>");
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](  javascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    public void Links_and_images_with_dangerous_schemes_lose_their_target(string markdown)
    {
        var html = _renderer.ToSafeHtml(markdown);
        // What is left may show the text, but nothing on the page points at it.
        html.ShouldNotContain("href=", Case.Insensitive);
        html.ShouldNotContain("src=", Case.Insensitive);
    }

    [Fact]
    public void Links_open_without_giving_the_target_a_handle_or_a_referrer()
    {
        var html = _renderer.ToSafeHtml("[Example](https://example.com/a?b=1) and [mail](mailto:info@example.com) and " +
            "https://auto.example.com");
        html.ShouldContain("href=\"https://example.com/a?b=1\"");
        html.ShouldContain("href=\"mailto:info@example.com\"");
        html.ShouldContain("href=\"https://auto.example.com\"");
        System.Text.RegularExpressions.Regex.Matches(html, "rel=\"noopener noreferrer\"").Count.ShouldBe(3);
    }

    [Fact]
    public void Attribute_syntax_can_not_add_styles_or_event_handlers()
    {
        var html = _renderer.ToSafeHtml("Text {style=\"color:red\" onclick=\"alert(1)\"}\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        System.Text.RegularExpressions.Regex.IsMatch(html, @"<[^>]*\s(style|onclick)\s*=",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .ShouldBeFalse(html);
        html.ShouldContain("<table>");
    }

    [Fact]
    public void Images_from_the_web_are_kept()
    {
        var html = _renderer.ToSafeHtml("![Logo](https://example.com/logo.png)");
        html.ShouldContain("<img src=\"https://example.com/logo.png\" alt=\"Logo\"");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void An_empty_text_renders_to_nothing(string markdown) =>
        _renderer.ToSafeHtml(markdown).ShouldBe("");
}
