namespace Portal.FunctionalTests.Support;

/// <summary>The page steps the tests share, done through the real back-office forms.</summary>
public static class PageFlows
{
    public static async Task<int> CreatePageAsync(this PortalBrowser admin, string title, string slug, string kind = "Page",
        string language = "en", string body = "Some text.", string? publishedOn = null)
    {
        var form = await admin.GetAsync("/admin/pages/new");
        var saved = await admin.SubmitAsync(form, "Save draft", new Dictionary<string, string?>
        {
            ["Input.Title"] = title,
            ["Input.Slug"] = slug,
            ["Input.Kind"] = kind,
            ["Input.Language"] = language,
            ["Input.BodyMarkdown"] = body,
            ["Input.PublishedOn"] = publishedOn,
        });
        var match = System.Text.RegularExpressions.Regex.Match(saved.Path, @"^/admin/pages/(\d+)$");
        match.Success.ShouldBeTrue($"Expected the page's edit page, got {saved.Path}: {saved.Text}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<Page> PublishPageAsync(this PortalBrowser admin, int id, string audience)
    {
        var edit = await admin.GetAsync($"/admin/pages/{id}");
        var published = await admin.SubmitAsync(edit, "Publish", new Dictionary<string, string?> { ["audience"] = audience });
        published.Path.ShouldBe($"/admin/pages/{id}");
        return published;
    }
}
