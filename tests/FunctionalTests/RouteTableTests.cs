using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Common;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// The route table is the one place an address may come from in C# (mails, cookies, redirects outside a page).
/// These tests hold it to what the running application really maps, so a page added or moved without it fails here.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.Independent)]
public sealed class RouteTableTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public void Every_page_answers_only_at_addresses_the_route_table_names()
    {
        var pages = Endpoints().Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null).ToList();
        pages.Count.ShouldBeGreaterThan(40);

        var unnamed = pages.Select(e => Normalized(e.RoutePattern.RawText)).Where(t => !Named().Contains(t)).Distinct().ToList();

        unnamed.ShouldBeEmpty("pages reachable at a template missing from PortalRoutes: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void Every_address_in_the_route_table_is_mapped()
    {
        var mapped = Endpoints().Select(e => Normalized(e.RoutePattern.RawText)).ToHashSet(StringComparer.Ordinal);

        var stale = Named().Where(t => !mapped.Contains(t)).ToList();

        stale.ShouldBeEmpty("templates in PortalRoutes that nothing answers at: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task The_contact_form_keeps_its_two_addresses_for_a_new_and_an_existing_contact()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Rita Routes", $"rita.{Guid.NewGuid():n}@example.com");

        var list = await admin.GetAsync("/admin/contacts");
        var details = await admin.GetAsync($"/admin/contacts/{contactId}");

        list.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain("/admin/contacts/new");
        details.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain($"/admin/contacts/{contactId}/edit");
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static HashSet<string> Named() => PortalRoutes.Templates.Select(Normalized).ToHashSet(StringComparer.Ordinal);

    /// <summary>Pages declare their templates with a leading slash, the route pattern keeps them without.</summary>
    private static string Normalized(string? template) => "/" + (template ?? "").Trim('/');
}
