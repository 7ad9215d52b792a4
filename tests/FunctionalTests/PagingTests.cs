using System.Net;
using Portal.Domain.Contacts;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>Lists page through their rows by the "page" query value, which Razor Pages also uses as a route value of its own.</summary>
public sealed class PagingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_second_page_of_contacts_shows_the_next_contacts()
    {
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
                db.Contacts.Add(Contact.CreatePerson(new ContactDetails($"Paging Person {i:00}", null, null, null, "Hamburg", "DE"),
                    $"paging{i:00}@example.com", null, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        using var admin = await factory.SignedInAdminAsync();

        var first = await admin.GetAsync("/admin/contacts?q=Paging+Person&page=1");
        var second = await admin.GetAsync("/admin/contacts?q=Paging+Person&page=2");

        second.Status.ShouldBe(HttpStatusCode.OK);
        second.Text.ShouldContain("Page 2 of 2");
        second.Text.ShouldContain("Paging Person 29");
        second.Text.ShouldNotContain("Paging Person 00");
        first.Text.ShouldContain("Paging Person 00");
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("-5", 1)]
    [InlineData("abc", 1)]
    [InlineData("999999999", 2)]
    [InlineData("2147483647", 2)]
    [InlineData("99999999999999999999", 1)]
    public async Task A_page_number_out_of_range_or_unreadable_shows_the_nearest_page_there_is(string requested, int shown)
    {
        await factory.WithDbAsync(async db =>
        {
            if (db.Contacts.Any(c => c.Name.StartsWith("Bounded Person"))) return;
            for (var i = 0; i < 30; i++)
                db.Contacts.Add(Contact.CreatePerson(new ContactDetails($"Bounded Person {i:00}", null, null, null, "Hamburg", "DE"),
                    $"bounded{i:00}@example.com", null, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        using var admin = await factory.SignedInAdminAsync();

        var contacts = await admin.GetAsync($"/admin/contacts?q=Bounded+Person&page={requested}");

        contacts.Status.ShouldBe(HttpStatusCode.OK);
        contacts.Text.ShouldContain($"Page {shown} of 2");
        contacts.Text.ShouldContain(shown == 2 ? "Bounded Person 29" : "Bounded Person 00");
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("-2147483648")]
    [InlineData("abc")]
    public async Task Every_list_answers_any_page_number_with_a_page(string requested)
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Paula Pages", $"paula.pages.{Guid.NewGuid():n}@example.com");
        using var _1 = customer;

        foreach (var list in new[] { "/admin/emails?page=", "/admin/pages?page=", "/admin/activity?p=", "/blog?page=" })
            (await admin.GetAsync(list + requested)).Status.ShouldBe(HttpStatusCode.OK, list);
        (await customer.GetAsync("/my/documents?page=" + requested)).Status.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>The error page answers whatever the failed request carried.</summary>
public sealed class StatusPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_post_with_an_unreadable_body_to_a_missing_page_gets_an_error_page_not_a_server_error()
    {
        using var client = factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var body = new StringContent("--broken\r\nnot a part", System.Text.Encoding.UTF8);
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=broken");

        var response = await client.PostAsync("/no-such-page", body);

        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<h1");
    }
}
