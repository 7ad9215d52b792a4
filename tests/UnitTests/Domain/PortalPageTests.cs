using Portal.Domain.Common;
using Portal.Domain.Pages;

namespace Portal.UnitTests.Domain;

public sealed class PortalPageTests
{
    private static PageContent About(string slug = "about-us", string language = "en") =>
        new(PortalPageKind.Page, " About us ", slug, language, "# Hello");

    private static PageContent Post(DateOnly? publishedOn) =>
        new(PortalPageKind.BlogPost, "News", "news", "de", "Text", publishedOn);

    private static PortalPage NewPage(PageContent? content = null) =>
        PortalPage.Create(content ?? About(), "<h2>Hello</h2>", "settings-1", Given.Now, Given.Admin);

    [Fact]
    public void A_new_page_is_a_draft_with_its_trimmed_content_and_rendered_body()
    {
        var page = NewPage();

        page.Visibility.ShouldBe(PageVisibility.Draft);
        page.IsPublished.ShouldBeFalse();
        page.Title.ShouldBe("About us");
        page.Slug.ShouldBe("about-us");
        page.Language.ShouldBe("en");
        page.BodyMarkdown.ShouldBe("# Hello");
        page.BodyHtml.ShouldBe("<h2>Hello</h2>");
        page.PublishedOn.ShouldBeNull();
        page.CreatedAt.ShouldBe(Given.Now);
        page.UpdatedAt.ShouldBe(Given.Now);
        page.UpdatedBy.ShouldBe(Given.Admin);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("about-us")]
    [InlineData("2026-price-list")]
    [InlineData("x1-y2-z3")]
    public void Well_formed_slugs_are_accepted(string slug) =>
        NewPage(About(slug)).Slug.ShouldBe(slug);

    [Fact]
    public void A_slug_of_exactly_one_hundred_characters_is_accepted() =>
        NewPage(About(new string('a', 100))).Slug.Length.ShouldBe(100);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("About")]
    [InlineData("about us")]
    [InlineData("-about")]
    [InlineData("about-")]
    [InlineData("über")]
    [InlineData("about/us")]
    [InlineData("about_us")]
    [InlineData("../admin")]
    public void Malformed_slugs_are_refused(string slug) =>
        Should.Throw<DomainException>(() => NewPage(About(slug))).Error.ShouldBe(DomainErrors.PageSlugInvalid);

    [Fact]
    public void A_slug_longer_than_one_hundred_characters_is_refused() =>
        Should.Throw<DomainException>(() => NewPage(About(new string('a', 101)))).Error.ShouldBe(DomainErrors.PageSlugInvalid);

    [Theory]
    [InlineData("admin")]
    [InlineData("my")]
    [InlineData("account")]
    [InlineData("blog")]
    public void Slugs_the_site_uses_itself_are_refused(string slug) =>
        Should.Throw<DomainException>(() => NewPage(About(slug))).Error.ShouldBe(DomainErrors.PageSlugReserved);

    [Fact]
    public void A_page_needs_a_title() =>
        Should.Throw<DomainException>(() => NewPage(About() with { Title = "  " })).Error.ShouldBe(DomainErrors.PageTitleRequired);

    [Fact]
    public void A_title_longer_than_the_column_is_refused() =>
        Should.Throw<DomainException>(() => NewPage(About() with { Title = new string('T', 201) })).Error
            .ShouldBe(DomainErrors.PageTitleTooLong);

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData("DE")]
    public void Only_english_and_german_pages_are_accepted(string language) =>
        Should.Throw<DomainException>(() => NewPage(About(language: language))).Error.ShouldBe(DomainErrors.PageLanguageInvalid);

    [Fact]
    public void An_unknown_kind_is_refused() =>
        Should.Throw<DomainException>(() => NewPage(About() with { Kind = (PortalPageKind)9 })).Error
            .ShouldBe(DomainErrors.PageKindInvalid);

    [Fact]
    public void A_blog_post_needs_a_publication_date() =>
        Should.Throw<DomainException>(() => NewPage(Post(null))).Error.ShouldBe(DomainErrors.BlogPostNeedsPublicationDate);

    [Fact]
    public void A_blog_post_keeps_its_publication_date() =>
        NewPage(Post(new DateOnly(2026, 3, 1))).PublishedOn.ShouldBe(new DateOnly(2026, 3, 1));

    [Fact]
    public void A_page_keeps_no_publication_date_even_when_one_is_given() =>
        NewPage(About() with { PublishedOn = new DateOnly(2026, 3, 1) }).PublishedOn.ShouldBeNull();

    [Fact]
    public void Turning_a_blog_post_into_a_page_drops_its_date()
    {
        var page = NewPage(Post(new DateOnly(2026, 3, 1)));
        page.Edit(About() with { PublishedOn = new DateOnly(2026, 3, 1) }, "", "settings-1", Given.Now.AddHours(1), "editor");
        page.Kind.ShouldBe(PortalPageKind.Page);
        page.PublishedOn.ShouldBeNull();
    }

    [Fact]
    public void Editing_changes_the_content_but_not_who_may_read_it()
    {
        var page = NewPage();
        page.Publish(PageVisibility.PortalUsers, Given.Now.AddMinutes(1), Given.Admin);

        page.Edit(new PageContent(PortalPageKind.Page, "Delivery terms", "delivery-terms", "de", "**Neu**"), "<p><strong>Neu</strong></p>",
            "settings-1", Given.Now.AddHours(1), "editor");

        page.Title.ShouldBe("Delivery terms");
        page.Slug.ShouldBe("delivery-terms");
        page.Language.ShouldBe("de");
        page.BodyHtml.ShouldBe("<p><strong>Neu</strong></p>");
        page.Visibility.ShouldBe(PageVisibility.PortalUsers);
        page.UpdatedAt.ShouldBe(Given.Now.AddHours(1));
        page.UpdatedBy.ShouldBe("editor");
        page.CreatedAt.ShouldBe(Given.Now);
    }

    [Fact]
    public void A_refused_edit_changes_nothing()
    {
        var page = NewPage();
        Should.Throw<DomainException>(() => page.Edit(About("Not OK") with { Title = "Other" }, "<p>x</p>", "settings-1",
            Given.Now.AddHours(1), "editor"));
        page.Title.ShouldBe("About us");
        page.Slug.ShouldBe("about-us");
        page.BodyHtml.ShouldBe("<h2>Hello</h2>");
        page.UpdatedAt.ShouldBe(Given.Now);
    }

    [Theory]
    [InlineData(PageVisibility.Public)]
    [InlineData(PageVisibility.PortalUsers)]
    public void Publishing_releases_the_page_to_the_chosen_readers(PageVisibility audience)
    {
        var page = NewPage();
        page.Publish(audience, Given.Now.AddMinutes(5), "publisher");
        page.Visibility.ShouldBe(audience);
        page.IsPublished.ShouldBeTrue();
        page.UpdatedAt.ShouldBe(Given.Now.AddMinutes(5));
        page.UpdatedBy.ShouldBe("publisher");
    }

    [Theory]
    [InlineData(PageVisibility.Draft)]
    [InlineData((PageVisibility)7)]
    public void Publishing_to_anything_but_everyone_or_portal_users_is_refused(PageVisibility audience)
    {
        var page = NewPage();
        Should.Throw<DomainException>(() => page.Publish(audience, Given.Now, Given.Admin)).Error
            .ShouldBe(DomainErrors.PageAudienceInvalid);
        page.Visibility.ShouldBe(PageVisibility.Draft);
    }

    [Fact]
    public void A_published_page_can_move_from_public_to_portal_users_only()
    {
        var page = NewPage();
        page.Publish(PageVisibility.Public, Given.Now, Given.Admin);
        page.Publish(PageVisibility.PortalUsers, Given.Now.AddMinutes(1), Given.Admin);
        page.Visibility.ShouldBe(PageVisibility.PortalUsers);
    }

    [Fact]
    public void Unpublishing_makes_the_page_a_draft_again()
    {
        var page = NewPage();
        page.Publish(PageVisibility.Public, Given.Now, Given.Admin);
        page.Unpublish(Given.Now.AddMinutes(2), "editor");
        page.Visibility.ShouldBe(PageVisibility.Draft);
        page.UpdatedAt.ShouldBe(Given.Now.AddMinutes(2));
    }

    [Fact]
    public void Unpublishing_a_draft_changes_nothing()
    {
        var page = NewPage();
        page.Unpublish(Given.Now.AddMinutes(2), "editor");
        page.UpdatedAt.ShouldBe(Given.Now);
        page.UpdatedBy.ShouldBe(Given.Admin);
    }

    [Fact]
    public void A_published_post_dated_ahead_is_scheduled_until_its_day_and_readers_see_it_from_that_day()
    {
        var post = NewPage(Post(new DateOnly(2026, 3, 10)));
        post.IsScheduledOn(new DateOnly(2026, 3, 9)).ShouldBeFalse("a draft is a draft, whatever its date");
        post.Publish(PageVisibility.PortalUsers, Given.Now, Given.Admin);
        var due = PortalPage.DueOn(new DateOnly(2026, 3, 9)).Compile();

        post.IsScheduledOn(new DateOnly(2026, 3, 9)).ShouldBeTrue();
        due(post).ShouldBeFalse();
        post.IsScheduledOn(new DateOnly(2026, 3, 10)).ShouldBeFalse();
        PortalPage.DueOn(new DateOnly(2026, 3, 10)).Compile()(post).ShouldBeTrue();
        due(NewPage()).ShouldBeTrue("a page without a date is never held back");
    }

    [Fact]
    public void Rendering_again_replaces_the_html_and_its_settings_but_not_who_changed_the_page_last()
    {
        var page = NewPage();

        page.RenderAgain("<h2>Hello again</h2>", "settings-2");

        (page.BodyHtml, page.RenderedWith).ShouldBe(("<h2>Hello again</h2>", "settings-2"));
        (page.UpdatedAt, page.UpdatedBy).ShouldBe((Given.Now, Given.Admin));
    }
}
