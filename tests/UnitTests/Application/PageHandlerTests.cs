using FluentValidation;
using FluentValidation.TestHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Common;
using Portal.Application.Pages;
using Portal.Domain.Common;
using Portal.Domain.Pages;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

public sealed class PageHandlerTests : HandlerTest
{
    private async Task<int> SaveAsync(SavePage command)
    {
        using var request = NewRequest();
        var id = await request.SendAsync(command);
        Clock.Advance(TimeSpan.FromMinutes(1));
        return id;
    }

    private async Task<int> PageAsync(string slug, PageVisibility visibility, PortalPageKind kind = PortalPageKind.Page,
        DateOnly? publishedOn = null, string title = "Title")
    {
        var id = await SaveAsync(new SavePage(null, kind, title, slug, "en", "Text",
            publishedOn ?? (kind == PortalPageKind.BlogPost ? new DateOnly(2026, 1, 1) : null)));
        using var request = NewRequest();
        if (visibility != PageVisibility.Draft)
            await request.SendAsync(new PublishPage(id, visibility));
        return id;
    }

    private async Task<ReadPageResult> ReadPageAsync(string slug, PageReader reader)
    {
        using var request = NewRequest();
        return await request.SendAsync(new ReadPage(slug, reader));
    }

    private async Task<IReadOnlyList<BlogPostItem>> BlogAsync(PageReader reader, int page = 1)
    {
        using var request = NewRequest();
        return (await request.SendAsync(new ListBlogPosts(reader, page))).Items;
    }

    [Fact]
    public async Task Saving_a_new_page_stores_a_draft_with_the_sanitised_html_and_who_wrote_it()
    {
        var id = await SaveAsync(new SavePage(null, PortalPageKind.Page, "Terms", "terms", "de", "<script>alert(1)</script> **bold**",
            null));

        var page = await ReadAsync(db => db.Pages.AsNoTracking().SingleAsync(p => p.Id == id));
        page.Visibility.ShouldBe(PageVisibility.Draft);
        page.BodyMarkdown.ShouldBe("<script>alert(1)</script> **bold**");
        page.BodyHtml.ShouldContain("<strong>bold</strong>");
        page.BodyHtml.ShouldNotContain("<script");
        page.Language.ShouldBe("de");
        page.UpdatedBy.ShouldBe(CurrentUser.ActorName);
    }

    [Fact]
    public async Task A_slug_another_page_uses_is_refused_on_the_slug_field_and_nothing_is_stored()
    {
        var first = await SaveAsync(new SavePage(null, PortalPageKind.Page, "First", "shared", "en", "one", null));

        var refused = await Should.ThrowAsync<ValidationException>(() => SaveAsync(new SavePage(null, PortalPageKind.Page, "Second",
            " shared ", "en", "two", null)));

        refused.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(SavePage.Slug));
        refused.Errors.Single().ErrorMessage.ShouldBe(SavePageValidator.SlugTaken);
        (await ReadAsync(db => db.Pages.CountAsync())).ShouldBe(1);
        var other = await SaveAsync(new SavePage(null, PortalPageKind.Page, "Second", "second", "en", "two", null));
        await Should.ThrowAsync<ValidationException>(() => SaveAsync(new SavePage(other, PortalPageKind.Page, "Second", "shared", "en",
            "two", null)));
        (await ReadAsync(db => db.Pages.AsNoTracking().SingleAsync(p => p.Id == other))).Slug.ShouldBe("second");
        (await ReadAsync(db => db.Pages.AsNoTracking().SingleAsync(p => p.Id == first))).Title.ShouldBe("First");
    }

    [Fact]
    public async Task A_page_keeps_its_own_slug_when_edited()
    {
        var id = await SaveAsync(new SavePage(null, PortalPageKind.Page, "About", "about", "en", "old", null));

        await SaveAsync(new SavePage(id, PortalPageKind.Page, "About us", "about", "en", "new *text*", null));

        var page = await ReadAsync(db => db.Pages.AsNoTracking().SingleAsync(p => p.Id == id));
        page.Title.ShouldBe("About us");
        page.BodyHtml.ShouldContain("<em>text</em>");
    }

    [Fact]
    public async Task Editing_an_unknown_page_is_not_found() =>
        await Should.ThrowAsync<NotFoundException>(() => SaveAsync(new SavePage(4711, PortalPageKind.Page, "About", "about", "en", "",
            null)));

    [Fact]
    public async Task Publishing_and_unpublishing_change_who_may_read_the_page()
    {
        var id = await PageAsync("news", PageVisibility.PortalUsers);
        (await ReadAsync(db => db.Pages.AsNoTracking().SingleAsync(p => p.Id == id))).Visibility.ShouldBe(PageVisibility.PortalUsers);

        using (var request = NewRequest())
            await request.SendAsync(new UnpublishPage(id));

        (await ReadAsync(db => db.Pages.AsNoTracking().SingleAsync(p => p.Id == id))).Visibility.ShouldBe(PageVisibility.Draft);
    }

    [Fact]
    public async Task Publishing_as_a_draft_is_refused()
    {
        var id = await PageAsync("news", PageVisibility.Draft);
        using var request = NewRequest();
        var refused = await Should.ThrowAsync<DomainException>(() =>
            request.SendAsync(new PublishPage(id, PageVisibility.Draft)).AsTask());
        refused.Error.ShouldBe(DomainErrors.PageAudienceInvalid);
    }

    [Theory]
    [InlineData(PageReader.Visitor)]
    [InlineData(PageReader.PortalUser)]
    [InlineData(PageReader.Staff)]
    public async Task Everyone_reads_a_public_page(PageReader reader)
    {
        await PageAsync("open", PageVisibility.Public, title: "Open");
        (await ReadPageAsync("open", reader)).ShouldBeOfType<ReadPageResult.Readable>().Page.Title.ShouldBe("Open");
    }

    [Fact]
    public async Task A_portal_only_page_asks_a_visitor_to_sign_in_and_shows_itself_to_signed_in_readers()
    {
        await PageAsync("customers", PageVisibility.PortalUsers);
        (await ReadPageAsync("customers", PageReader.Visitor)).ShouldBeOfType<ReadPageResult.SignInRequired>();
        (await ReadPageAsync("customers", PageReader.PortalUser)).ShouldBeOfType<ReadPageResult.Readable>();
        (await ReadPageAsync("customers", PageReader.Staff)).ShouldBeOfType<ReadPageResult.Readable>();
    }

    [Theory]
    [InlineData(PageReader.Visitor)]
    [InlineData(PageReader.PortalUser)]
    [InlineData(PageReader.Staff)]
    public async Task Drafts_unknown_and_malformed_addresses_do_not_exist_on_the_site(PageReader reader)
    {
        await PageAsync("draft", PageVisibility.Draft);
        await Should.ThrowAsync<NotFoundException>(() => ReadPageAsync("draft", reader));
        await Should.ThrowAsync<NotFoundException>(() => ReadPageAsync("nothing-here", reader));
        await Should.ThrowAsync<NotFoundException>(() => ReadPageAsync("../Admin", reader));
    }

    [Fact]
    public async Task The_blog_lists_published_posts_newest_first_and_portal_only_ones_only_to_signed_in_readers()
    {
        await PageAsync("older", PageVisibility.Public, PortalPageKind.BlogPost, new DateOnly(2026, 1, 10));
        await PageAsync("newest", PageVisibility.PortalUsers, PortalPageKind.BlogPost, new DateOnly(2026, 3, 1));
        await PageAsync("middle", PageVisibility.Public, PortalPageKind.BlogPost, new DateOnly(2026, 2, 1));
        await PageAsync("unpublished", PageVisibility.Draft, PortalPageKind.BlogPost, new DateOnly(2026, 4, 1));
        await PageAsync("plain-page", PageVisibility.Public);

        (await BlogAsync(PageReader.Visitor)).Select(p => p.Slug).ShouldBe(["middle", "older"]);
        (await BlogAsync(PageReader.PortalUser)).Select(p => p.Slug).ShouldBe(["newest", "middle", "older"]);
    }

    [Fact]
    public async Task A_post_dated_ahead_is_listed_as_scheduled_and_readers_get_it_only_from_its_day()
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        await PageAsync("tomorrow", PageVisibility.PortalUsers, PortalPageKind.BlogPost, today.AddDays(1));
        await PageAsync("today", PageVisibility.PortalUsers, PortalPageKind.BlogPost, today);

        (await BlogAsync(PageReader.PortalUser)).Select(p => p.Slug).ShouldBe(["today"]);
        await Should.ThrowAsync<NotFoundException>(() => ReadPageAsync("tomorrow", PageReader.PortalUser));
        await Should.ThrowAsync<NotFoundException>(() => ReadPageAsync("tomorrow", PageReader.Staff));
        using (var request = NewRequest())
            (await request.SendAsync(new ListPages())).Items.Select(p => (p.Slug, p.IsScheduled))
                .ShouldBe([("today", false), ("tomorrow", true)], ignoreOrder: true);

        Clock.SetUtcNow(new DateTimeOffset(today.AddDays(1), TimeOnly.MinValue, TimeSpan.Zero));

        (await BlogAsync(PageReader.PortalUser)).Select(p => p.Slug).ShouldBe(["tomorrow", "today"]);
        (await ReadPageAsync("tomorrow", PageReader.PortalUser)).ShouldBeOfType<ReadPageResult.Readable>();
        using (var request = NewRequest())
            (await request.SendAsync(new ListPages())).Items.ShouldAllBe(p => !p.IsScheduled);
    }

    [Fact]
    public async Task Html_stored_under_other_sanitiser_settings_is_rendered_again_at_read_time_and_by_housekeeping()
    {
        var id = await PageAsync("terms", PageVisibility.Public);
        var updatedAt = await ReadAsync(db => db.Pages.Where(p => p.Id == id).Select(p => p.UpdatedAt).SingleAsync());
        await using (var db = Database.CreateContext())
            await db.Pages.Where(p => p.Id == id).ExecuteUpdateAsync(p => p
                .SetProperty(x => x.BodyHtml, "<p onclick=\"steal()\">Text</p>").SetProperty(x => x.RenderedWith, "older-settings"));

        var read = (await ReadPageAsync("terms", PageReader.Visitor)).ShouldBeOfType<ReadPageResult.Readable>();
        read.Page.BodyHtml.Trim().ShouldBe("<p>Text</p>");

        using (var request = NewRequest())
            (await request.Services.GetRequiredService<StalePages>().RenderAgainAsync(CancellationToken.None)).ShouldBe(1);

        var stored = await ReadAsync(db => db.Pages.AsNoTracking().SingleAsync(p => p.Id == id));
        stored.BodyHtml.Trim().ShouldBe("<p>Text</p>");
        stored.RenderedWith.ShouldBe(read.Page.RenderedWith);
        stored.UpdatedAt.ShouldBe(updatedAt, "rendering again is not an edit");
        using (var request = NewRequest())
            (await request.Services.GetRequiredService<StalePages>().RenderAgainAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task The_blog_pages_through_its_posts()
    {
        for (var day = 1; day <= ListBlogPosts.PageSize + 2; day++)
            await PageAsync($"post-{day}", PageVisibility.Public, PortalPageKind.BlogPost, new DateOnly(2026, 1, day));

        (await BlogAsync(PageReader.Visitor)).Count.ShouldBe(ListBlogPosts.PageSize);
        (await BlogAsync(PageReader.Visitor, 2)).Select(p => p.Slug).ShouldBe(["post-2", "post-1"]);
    }

    [Fact]
    public async Task The_customer_menu_lists_only_portal_only_pages_by_title()
    {
        await PageAsync("zeta", PageVisibility.PortalUsers, title: "Zeta prices");
        await PageAsync("alpha", PageVisibility.PortalUsers, title: "Alpha terms");
        await PageAsync("public", PageVisibility.Public);
        await PageAsync("draft", PageVisibility.Draft);
        await PageAsync("customer-news", PageVisibility.PortalUsers, PortalPageKind.BlogPost);

        using var request = NewRequest();
        var links = await request.SendAsync(new ListCustomerPages());

        links.Select(l => l.Slug).ShouldBe(["alpha", "zeta"]);
    }

    private async Task<IEnumerable<string>> CustomerMenuAsync()
    {
        using var request = NewRequest();
        return (await request.SendAsync(new ListCustomerPages())).Select(l => l.Slug);
    }

    [Fact]
    public async Task A_page_published_for_customers_is_on_their_menu_at_once_though_the_menu_is_cached()
    {
        (await CustomerMenuAsync()).ShouldBeEmpty();

        await PageAsync("prices", PageVisibility.PortalUsers);

        (await CustomerMenuAsync()).ShouldBe(["prices"]);
    }

    [Fact]
    public async Task An_unpublished_page_leaves_the_customer_menu_at_once_though_the_menu_is_cached()
    {
        var id = await PageAsync("prices", PageVisibility.PortalUsers);
        (await CustomerMenuAsync()).ShouldBe(["prices"]);

        using (var request = NewRequest()) await request.SendAsync(new UnpublishPage(id));

        (await CustomerMenuAsync()).ShouldBeEmpty();
    }
}

public sealed class SavePageValidatorTests
{
    private readonly SavePageValidator _validator = new();

    private static SavePage Valid() => new(null, PortalPageKind.Page, "About", "about", "en", "Text", null);

    [Fact]
    public void A_complete_page_passes() => _validator.TestValidate(Valid()).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void A_blog_post_without_a_date_fails_on_the_date() =>
        _validator.TestValidate(Valid() with { Kind = PortalPageKind.BlogPost }).ShouldHaveValidationErrorFor(p => p.PublishedOn)
            .WithErrorMessage(DomainErrors.BlogPostNeedsPublicationDate.Message);

    [Theory]
    [InlineData(null, SavePageValidator.SlugRequired)]
    [InlineData("About Us",
        "The address may contain only lower-case letters, digits and hyphens (at most 100), " +
        "and must start and end with a letter or digit.")]
    [InlineData("admin", "This address is reserved for the site itself. Please choose another one.")]
    public void A_bad_slug_fails_with_one_clear_message(string? slug, string message) =>
        _validator.TestValidate(Valid() with { Slug = slug }).ShouldHaveValidationErrorFor(p => p.Slug).WithErrorMessage(message)
            .Count().ShouldBe(1);

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_title_is_required(string? title) =>
        _validator.TestValidate(Valid() with { Title = title }).ShouldHaveValidationErrorFor(p => p.Title);

    [Fact]
    public void Another_language_fails() =>
        _validator.TestValidate(Valid() with { Language = "fr" }).ShouldHaveValidationErrorFor(p => p.Language);

    [Fact]
    public void An_overlong_text_fails() =>
        _validator.TestValidate(Valid() with { BodyMarkdown = new string('x', SavePageValidator.BodyMaxLength + 1) })
            .ShouldHaveValidationErrorFor(p => p.BodyMarkdown);
}
