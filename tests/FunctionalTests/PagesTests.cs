using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Common;
using Portal.Application.Pages;
using Portal.Domain.Pages;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>Pages and blog posts: written and published in the back office, read on the site by the right people only.</summary>
public sealed class PagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string UniqueSlug(string stem) => $"{stem}-{Guid.NewGuid():n}"[..(stem.Length + 13)];

    private async Task<(PortalBrowser Customer, string Email)> CustomerAsync(PortalBrowser admin)
    {
        var email = $"reader.{Guid.NewGuid():n}@example.com";
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Rita Reader", email);
        return (customer, email);
    }

    [Fact]
    public async Task An_admin_writes_a_draft_edits_it_publishes_it_and_takes_it_back()
    {
        using var admin = await factory.SignedInAdminAsync();
        using var anonymous = factory.NewBrowser();
        var slug = UniqueSlug("delivery");

        var id = await admin.CreatePageAsync("Delivery terms", slug, body: "We deliver **fast**.");

        var edit = await admin.GetAsync($"/admin/pages/{id}");
        edit.Document.QuerySelector("#current-visibility")!.TextContent.ShouldBe("Draft");
        edit.Document.QuerySelector(".page-preview strong")!.TextContent.ShouldBe("fast");
        var list = await admin.GetAsync("/admin/pages");
        var row = list.Document.QuerySelector($"tr[data-page-id='{id}']")!;
        row.TextContent.ShouldContain("Delivery terms");
        row.TextContent.ShouldContain($"/pages/{slug}");
        row.TextContent.ShouldContain("Page");
        row.TextContent.ShouldContain("English");
        row.TextContent.ShouldContain("Draft");
        (await anonymous.GetAsync($"/pages/{slug}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/pages/{slug}")).Status.ShouldBe(HttpStatusCode.NotFound);

        var saved = await admin.SubmitAsync(edit, "Save", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Delivery and returns",
            ["Input.BodyMarkdown"] = "Returns within *30 days*.",
        });
        saved.Path.ShouldBe($"/admin/pages/{id}");
        saved.Text.ShouldContain("The page has been saved.");
        saved.Document.QuerySelector(".page-preview em")!.TextContent.ShouldBe("30 days");

        var published = await admin.PublishPageAsync(id, "Public");
        published.Text.ShouldContain("The page has been published.");
        published.Document.QuerySelector("#current-visibility")!.TextContent.ShouldBe("Public");
        var read = await anonymous.GetAsync($"/pages/{slug}");
        read.Status.ShouldBe(HttpStatusCode.OK);
        read.Document.QuerySelector("h1")!.TextContent.ShouldBe("Delivery and returns");
        read.Document.QuerySelector(".page-body em")!.TextContent.ShouldBe("30 days");

        var unpublished = await admin.SubmitAsync(published, "Unpublish");
        unpublished.Document.QuerySelector("#current-visibility")!.TextContent.ShouldBe("Draft");
        (await anonymous.GetAsync($"/pages/{slug}")).Status.ShouldBe(HttpStatusCode.NotFound);

        var page = await factory.WithDbAsync(db => db.Pages.AsNoTracking().SingleAsync(p => p.Id == id));
        page.Visibility.ShouldBe(PageVisibility.Draft);
        page.UpdatedBy.ShouldContain(PortalFactory.AdminEmail);
    }

    [Theory]
    [InlineData("About Us", "slug-error", "The address may contain only lower-case letters, digits and hyphens")]
    [InlineData("-about", "slug-error", "The address may contain only lower-case letters, digits and hyphens")]
    [InlineData("admin", "slug-error", "This address is reserved for the site itself.")]
    [InlineData("", "slug-error", "Please enter the page's address.")]
    public async Task A_bad_address_is_refused_next_to_its_field_and_nothing_is_stored(string slug, string errorId, string message)
    {
        using var admin = await factory.SignedInAdminAsync();
        var before = await factory.WithDbAsync(db => db.Pages.CountAsync());
        var form = await admin.GetAsync("/admin/pages/new");

        var refused = await admin.SubmitAsync(form, "Save draft",
            new Dictionary<string, string?> { ["Input.Title"] = "About", ["Input.Slug"] = slug });

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Path.ShouldBe("/admin/pages/new");
        refused.Document.GetElementById(errorId)!.TextContent.ShouldContain(message);
        refused.Document.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe("About");
        (await factory.WithDbAsync(db => db.Pages.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task An_address_another_page_uses_is_refused_with_a_clear_message_on_create_and_on_edit()
    {
        using var admin = await factory.SignedInAdminAsync();
        var taken = UniqueSlug("taken");
        var firstId = await admin.CreatePageAsync("First", taken);
        var secondId = await admin.CreatePageAsync("Second", UniqueSlug("second"));

        var form = await admin.GetAsync("/admin/pages/new");
        var refused = await admin.SubmitAsync(form, "Save draft",
            new Dictionary<string, string?> { ["Input.Title"] = "Copy", ["Input.Slug"] = taken });
        refused.Document.GetElementById("slug-error")!.TextContent.ShouldContain("Another page already uses this address.");

        var edit = await admin.GetAsync($"/admin/pages/{secondId}");
        var refusedEdit = await admin.SubmitAsync(edit, "Save",
            new Dictionary<string, string?> { ["Input.Slug"] = taken, ["Input.Title"] = "Renamed" });
        refusedEdit.Path.ShouldBe($"/admin/pages/{secondId}");
        refusedEdit.Document.GetElementById("slug-error")!.TextContent.ShouldContain("Another page already uses this address.");

        var pages = await factory.WithDbAsync(db => db.Pages.AsNoTracking().Where(p => p.Id == firstId || p.Id == secondId).ToListAsync());
        pages.Count(p => p.Slug == taken).ShouldBe(1);
        pages.Single(p => p.Id == secondId).Title.ShouldBe("Second");
    }

    [Fact]
    public async Task The_unique_index_is_the_last_line_of_defence_when_two_saves_race()
    {
        using var admin = await factory.SignedInAdminAsync();
        var slug = UniqueSlug("race");
        await admin.CreatePageAsync("Winner", slug);

        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // The other save committed between this one's check and its commit: the check saw nothing.
        var blindToTheOtherSave = SlugCheckMissesTheOtherSave.Wrap(services.GetRequiredService<IRepository<PortalPage>>());
        var handler = new SavePageHandler(blindToTheOtherSave, services.GetRequiredService<IMarkdownRenderer>(),
            services.GetRequiredService<ICurrentUser>(), services.GetRequiredService<IUnitOfWork>(), factory.Clock);

        await Should.ThrowAsync<ConflictException>(() =>
            handler.Handle(new SavePage(null, PortalPageKind.Page, "Loser", slug, "en", "", null), CancellationToken.None).AsTask());
        (await factory.WithDbAsync(db => db.Pages.CountAsync(p => p.Slug == slug))).ShouldBe(1);
    }

    [Fact]
    public async Task A_title_is_required_and_a_blog_post_needs_a_publication_date()
    {
        using var admin = await factory.SignedInAdminAsync();
        var form = await admin.GetAsync("/admin/pages/new");

        var refused = await admin.SubmitAsync(form, "Save draft", new Dictionary<string, string?>
        {
            ["Input.Title"] = "  ",
            ["Input.Slug"] = UniqueSlug("post"),
            ["Input.Kind"] = "BlogPost",
            ["Input.PublishedOn"] = "",
        });

        refused.Document.GetElementById("title-error")!.TextContent.ShouldContain("Please enter a title.");
        refused.Document.GetElementById("publishedon-error")!.TextContent.ShouldContain("A blog post needs a publication date.");
    }

    [Fact]
    public async Task Forged_kind_and_date_values_are_refused_next_to_their_fields()
    {
        using var admin = await factory.SignedInAdminAsync();
        var before = await factory.WithDbAsync(db => db.Pages.CountAsync());
        var form = await admin.GetAsync("/admin/pages/new");

        var refused = await admin.SubmitAsync(form, "Save draft", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Forged",
            ["Input.Slug"] = UniqueSlug("forged"),
            ["Input.Kind"] = "99",
            ["Input.Language"] = "fr",
            ["Input.PublishedOn"] = "someday",
        });

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Document.GetElementById("kind-error")!.TextContent.ShouldContain("is invalid");
        refused.Document.GetElementById("publishedon-error")!.TextContent.ShouldContain("is not valid");
        var otherLanguage = await admin.SubmitAsync(refused, "Save draft",
            new Dictionary<string, string?> { ["Input.Kind"] = "Page", ["Input.PublishedOn"] = "", ["Input.Language"] = "fr" });
        otherLanguage.Status.ShouldBe(HttpStatusCode.OK);
        otherLanguage.Document.GetElementById("language-error")!.TextContent.ShouldContain("Please choose English or German.");
        (await factory.WithDbAsync(db => db.Pages.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Markdown_is_rendered_and_raw_html_scripts_and_javascript_links_are_neutralised()
    {
        using var admin = await factory.SignedInAdminAsync();
        using var anonymous = factory.NewBrowser();
        var slug = UniqueSlug("xss");
        var id = await admin.CreatePageAsync("Careful", slug,
            body: "<script>alert(1)</script> **bold** [x](javascript:alert(1)) <img src=x onerror=alert(2)> [ok](https://example.com)");
        await admin.PublishPageAsync(id, "Public");

        var page = await anonymous.GetAsync($"/pages/{slug}");

        var body = page.Document.QuerySelector(".page-body")!;
        body.QuerySelectorAll("script").ShouldBeEmpty();
        body.QuerySelectorAll("img").ShouldBeEmpty();
        body.QuerySelectorAll("[onerror]").ShouldBeEmpty();
        body.QuerySelectorAll("[style]").ShouldBeEmpty();
        body.QuerySelector("strong")!.TextContent.ShouldBe("bold");
        body.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")).ShouldBe(["https://example.com"]);
        body.QuerySelector("a[href]")!.GetAttribute("rel").ShouldBe("noopener noreferrer");
        body.TextContent.ShouldContain("<script>alert(1)</script>");
        page.Html.ShouldNotContain("javascript:alert", Case.Insensitive);
        page.Document.QuerySelectorAll("script").Select(s => s.GetAttribute("src")).ShouldAllBe(src => src != null);
    }

    [Fact]
    public async Task Public_portal_only_and_draft_pages_are_shown_to_exactly_the_right_readers()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await CustomerAsync(admin);
        using var _1 = customer;
        using var anonymous = factory.NewBrowser();
        var open = UniqueSlug("open");
        var members = UniqueSlug("members");
        var draft = UniqueSlug("draft");
        await admin.PublishPageAsync(await admin.CreatePageAsync("Open page", open), "Public");
        await admin.PublishPageAsync(await admin.CreatePageAsync("Members page", members), "PortalUsers");
        await admin.CreatePageAsync("Draft page", draft);

        foreach (var reader in new[] { anonymous, customer, admin })
        {
            var page = await reader.GetAsync($"/pages/{open}");
            page.Status.ShouldBe(HttpStatusCode.OK);
            page.Document.QuerySelector("h1")!.TextContent.ShouldBe("Open page");
            var missing = await reader.GetAsync($"/pages/{draft}");
            missing.Status.ShouldBe(HttpStatusCode.NotFound);
            missing.Text.ShouldContain("Page not found");
            (await reader.GetAsync($"/pages/{UniqueSlug("nothing")}")).Status.ShouldBe(HttpStatusCode.NotFound);
        }

        var forCustomer = await customer.GetAsync($"/pages/{members}");
        forCustomer.Status.ShouldBe(HttpStatusCode.OK);
        forCustomer.Document.QuerySelector("h1")!.TextContent.ShouldBe("Members page");
        forCustomer.Text.ShouldContain("For customers");
        (await admin.GetAsync($"/pages/{members}")).Status.ShouldBe(HttpStatusCode.OK);
        var forVisitor = await anonymous.GetAsync($"/pages/{members}", followRedirects: false);
        forVisitor.Status.ShouldBe(HttpStatusCode.Redirect);
        forVisitor.Location!.ShouldContain("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString($"/pages/{members}"));
    }

    [Fact]
    public async Task A_visitor_signs_in_for_a_portal_only_page_and_lands_back_on_it()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, email) = await CustomerAsync(admin);
        customer.Dispose();
        var slug = UniqueSlug("price-list");
        await admin.PublishPageAsync(await admin.CreatePageAsync("Price list", slug, body: "Only for *customers*."), "PortalUsers");

        using var visitor = factory.NewBrowser();
        var signIn = await visitor.GetAsync($"/pages/{slug}");
        signIn.Path.ShouldBe("/account/sign-in");
        var landed = await visitor.SubmitAsync(signIn,
            fields: new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = Flows.CustomerPassword },
            buttonSelector: "main form button[type=submit]");

        landed.Path.ShouldBe($"/pages/{slug}");
        landed.Document.QuerySelector("h1")!.TextContent.ShouldBe("Price list");
        landed.Document.QuerySelector(".page-body em")!.TextContent.ShouldBe("customers");
    }

    [Fact]
    public async Task The_blog_lists_published_posts_newest_first_and_portal_only_posts_only_to_customers()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await CustomerAsync(admin);
        using var _1 = customer;
        using var anonymous = factory.NewBrowser();
        var older = UniqueSlug("older");
        var newer = UniqueSlug("newer");
        var members = UniqueSlug("members-news");
        var draft = UniqueSlug("draft-news");
        var plainPage = UniqueSlug("plain");
        await admin.PublishPageAsync(await admin.CreatePageAsync("Older news", older, kind: "BlogPost", publishedOn: "2026-10-10"),
            "Public");
        await admin.PublishPageAsync(await admin.CreatePageAsync("Newer news", newer, kind: "BlogPost", publishedOn: "2026-11-20"),
            "Public");
        await admin.PublishPageAsync(await admin.CreatePageAsync("Members news", members, kind: "BlogPost", publishedOn: "2026-11-01"),
            "PortalUsers");
        await admin.CreatePageAsync("Draft news", draft, kind: "BlogPost", publishedOn: "2026-11-28");
        await admin.PublishPageAsync(await admin.CreatePageAsync("Plain page", plainPage), "Public");

        // Other tests of this class post too (and move the clock): only this test's posts are compared.
        string[] mine = [older, newer, members, draft, plainPage];
        List<string> Slugs(Page blog) => blog.Document.QuerySelectorAll(".blog-list a")
            .Select(a => a.GetAttribute("href")!["/pages/".Length..]).Where(mine.Contains).ToList();
        var forVisitor = Slugs(await anonymous.GetAsync("/blog"));
        var forCustomer = Slugs(await customer.GetAsync("/blog"));

        forVisitor.Take(2).ShouldBe([newer, older]);
        forVisitor.ShouldNotContain(members);
        forCustomer.Take(3).ShouldBe([newer, members, older]);
        forVisitor.Concat(forCustomer).ShouldNotContain(draft);
        forVisitor.Concat(forCustomer).ShouldNotContain(plainPage);
        var post = await anonymous.GetAsync($"/pages/{newer}");
        post.Text.ShouldContain("Published on");
        post.Document.QuerySelector("time")!.GetAttribute("datetime").ShouldBe("2026-11-20");
    }

    [Fact]
    public async Task A_post_dated_ahead_is_scheduled_in_the_back_office_and_reaches_customers_on_its_day()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, email) = await CustomerAsync(admin);
        customer.Dispose();
        var slug = UniqueSlug("coming");
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var id = await admin.CreatePageAsync("Coming soon", slug, kind: "BlogPost",
            publishedOn: today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await admin.PublishPageAsync(id, "PortalUsers");

        var row = (await admin.GetAsync("/admin/pages")).Document.QuerySelector($"tr[data-page-id='{id}'] [data-testid='scheduled']");
        row!.TextContent.ShouldStartWith("Scheduled for ");
        using (var german = factory.NewBrowser("de", admin.Cookies))
            (await german.GetAsync("/admin/pages")).Document.QuerySelector($"tr[data-page-id='{id}'] [data-testid='scheduled']")!
                .TextContent.ShouldBe($"Geplant für den {today.AddDays(1).ToString("d", System.Globalization.CultureInfo.GetCultureInfo("de-DE"))}");
        using var reader = factory.NewBrowser();
        (await reader.SignInAsync(email, Flows.CustomerPassword)).Path.ShouldBe("/my");
        (await reader.GetAsync("/blog")).Text.ShouldNotContain("Coming soon");
        (await reader.GetAsync($"/pages/{slug}")).Status.ShouldBe(HttpStatusCode.NotFound);

        factory.Clock.Advance(TimeSpan.FromDays(1));

        using var nextDay = factory.NewBrowser();
        (await nextDay.SignInAsync(email, Flows.CustomerPassword)).Path.ShouldBe("/my");
        (await nextDay.GetAsync("/blog")).Text.ShouldContain("Coming soon");
        (await nextDay.GetAsync($"/pages/{slug}")).Document.QuerySelector("h1")!.TextContent.ShouldBe("Coming soon");
        using var adminNextDay = await factory.SignedInAdminAsync();
        (await adminNextDay.GetAsync("/admin/pages")).Document.QuerySelector($"tr[data-page-id='{id}'] [data-testid='scheduled']")
            .ShouldBeNull();
    }

    [Fact]
    public async Task Html_stored_under_other_sanitiser_settings_never_reaches_readers_and_housekeeping_renders_it_again()
    {
        using var admin = await factory.SignedInAdminAsync();
        var slug = UniqueSlug("rerender");
        var id = await admin.CreatePageAsync("Rendered again", slug, body: "We deliver **fast**.");
        await admin.PublishPageAsync(id, "Public");
        await factory.WithDbAsync(db => db.Pages.Where(p => p.Id == id).ExecuteUpdateAsync(p => p
            .SetProperty(x => x.BodyHtml, "<p>Made under <a href=\"javascript:steal()\">older</a> settings</p>")
            .SetProperty(x => x.RenderedWith, "older-settings")));

        using var visitor = factory.NewBrowser();
        var read = await visitor.GetAsync($"/pages/{slug}");
        read.Document.QuerySelector(".page-body strong")!.TextContent.ShouldBe("fast");
        read.Text.ShouldNotContain("older");

        var worker = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>()
            .OfType<Portal.Infrastructure.Persistence.MaintenanceWorker>().Single();
        await worker.RunOnceAsync(CancellationToken.None);

        var stored = await factory.WithDbAsync(db => db.Pages.AsNoTracking().SingleAsync(p => p.Id == id));
        stored.BodyHtml.ShouldContain("<strong>fast</strong>");
        stored.RenderedWith.ShouldBe(factory.Services.GetRequiredService<IMarkdownRenderer>().Settings);
    }

    [Fact]
    public async Task Only_portal_users_get_the_for_customers_menu_and_it_lists_only_portal_only_pages()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await CustomerAsync(admin);
        using var _1 = customer;
        using var anonymous = factory.NewBrowser();
        var members = UniqueSlug("handbook");
        var open = UniqueSlug("imprint");
        var draft = UniqueSlug("secret");
        var membersPost = UniqueSlug("members-post");
        await admin.PublishPageAsync(await admin.CreatePageAsync("Customer handbook", members), "PortalUsers");
        await admin.PublishPageAsync(await admin.CreatePageAsync("Imprint", open), "Public");
        await admin.CreatePageAsync("Secret draft", draft);
        await admin.PublishPageAsync(await admin.CreatePageAsync("Members post", membersPost, kind: "BlogPost", publishedOn: "2026-11-01"),
            "PortalUsers");

        var home = await customer.GetAsync("/");
        var menu = home.Document.QuerySelector("[aria-labelledby='customer-pages-menu']")!;
        home.Document.GetElementById("customer-pages-menu")!.TextContent.ShouldBe("For customers");
        var menuLinks = menu.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        menuLinks.ShouldContain($"/pages/{members}");
        menuLinks.ShouldNotContain($"/pages/{open}");
        menuLinks.ShouldNotContain($"/pages/{draft}");
        menuLinks.ShouldNotContain($"/pages/{membersPost}");

        var myAccount = await customer.GetAsync("/my");
        var tile = myAccount.Document.QuerySelector("[aria-labelledby='customer-pages-heading']")!;
        tile.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain($"/pages/{members}");
        tile.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldNotContain($"/pages/{open}");

        foreach (var other in new[] { anonymous, admin })
        {
            var page = await other.GetAsync("/");
            page.Document.GetElementById("customer-pages-menu").ShouldBeNull();
            page.Html.ShouldNotContain($"/pages/{members}");
        }
    }

    [Fact]
    public async Task German_and_english_pages_show_their_language()
    {
        using var admin = await factory.SignedInAdminAsync();
        using var anonymous = factory.NewBrowser();
        var german = UniqueSlug("lieferung");
        var english = UniqueSlug("delivery");
        var germanId = await admin.CreatePageAsync("Lieferbedingungen", german, language: "de", body: "Wir liefern **schnell**.");
        await admin.PublishPageAsync(germanId, "Public");
        await admin.PublishPageAsync(await admin.CreatePageAsync("Delivery terms", english, language: "en"), "Public");

        var germanPage = await anonymous.GetAsync($"/pages/{german}");
        germanPage.Document.QuerySelector(".badge[lang='de']")!.TextContent.ShouldBe("Deutsch");
        germanPage.Document.QuerySelector(".page-body")!.GetAttribute("lang").ShouldBe("de");
        germanPage.Document.QuerySelector("h1")!.GetAttribute("lang").ShouldBe("de");
        germanPage.Document.DocumentElement.GetAttribute("lang").ShouldBe("en");
        var englishPage = await anonymous.GetAsync($"/pages/{english}");
        englishPage.Document.QuerySelector(".badge[lang='en']")!.TextContent.ShouldBe("English");

        using var germanVisitor = factory.NewBrowser("de");
        var inGerman = await germanVisitor.GetAsync($"/pages/{english}");
        inGerman.Status.ShouldBe(HttpStatusCode.OK);
        inGerman.Document.QuerySelector("h1")!.TextContent.ShouldBe("Delivery terms");
        (await admin.GetAsync($"/admin/pages/{germanId}")).Document.QuerySelector("#Input_Language option[selected]")!.GetAttribute("value")
            .ShouldBe("de");
    }

    [Fact]
    public async Task The_back_office_speaks_german_too()
    {
        using var admin = await factory.SignedInAdminAsync("de-DE,de;q=0.9");
        var list = await admin.GetAsync("/admin/pages");
        list.Document.QuerySelector("h1")!.TextContent.ShouldBe("Seiten");
        var form = await admin.GetAsync("/admin/pages/new");
        var refused = await admin.SubmitAsync(form, "Entwurf speichern",
            new Dictionary<string, string?> { ["Input.Title"] = "Über uns", ["Input.Slug"] = "Über uns" });
        refused.Document.GetElementById("slug-error")!.TextContent.ShouldContain("Die Adresse darf nur");
    }

    [Theory]
    [InlineData("/admin/pages/999999", HttpStatusCode.NotFound)]
    [InlineData("/admin/pages/abc", HttpStatusCode.NotFound)]
    [InlineData("/admin/pages?page=abc", HttpStatusCode.OK)]
    [InlineData("/admin/pages?page=-3", HttpStatusCode.OK)]
    [InlineData("/blog?page=abc", HttpStatusCode.OK)]
    [InlineData("/blog?page=99999", HttpStatusCode.OK)]
    [InlineData("/pages/UPPER-case", HttpStatusCode.NotFound)]
    [InlineData("/pages/..%2Fadmin", HttpStatusCode.NotFound)]
    public async Task Hand_edited_addresses_never_give_a_server_error(string url, HttpStatusCode expected)
    {
        using var admin = await factory.SignedInAdminAsync();
        (await admin.GetAsync(url)).Status.ShouldBe(expected);
    }

    [Fact]
    public async Task A_forged_audience_is_refused_with_a_message_and_the_page_stays_a_draft()
    {
        using var admin = await factory.SignedInAdminAsync();
        var id = await admin.CreatePageAsync("Forged", UniqueSlug("forged"));
        var edit = await admin.GetAsync($"/admin/pages/{id}");

        foreach (var audience in new[] { "Draft", "Nonsense", "42" })
        {
            var refused = await admin.SubmitAsync(edit, "Publish", new Dictionary<string, string?> { ["audience"] = audience });
            refused.Status.ShouldBe(HttpStatusCode.OK);
            refused.Document.QuerySelector(".alert-danger")!.TextContent.ShouldContain("Please choose who may read the page");
        }
        (await factory.WithDbAsync(db => db.Pages.AsNoTracking().SingleAsync(p => p.Id == id))).Visibility.ShouldBe(PageVisibility.Draft);
    }
}
