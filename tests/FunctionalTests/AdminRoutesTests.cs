using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// Portal users may only read the site. Rather than a list someone has to remember to extend, every route the
/// application maps under /admin is taken from the endpoint data source and tried, with GET and with a POST
/// that carries a valid antiforgery token, as a signed-in portal user.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.Independent)]
public sealed class AdminRoutesTests(PortalFactory factory, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_admin_route_is_forbidden_to_a_portal_user_for_get_and_post()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Olga Outsider", $"olga.{Guid.NewGuid():n}@example.com");
        using var _ = customer;
        var pageId = await admin.CreatePageAsync("Not for editing", $"locked-{Guid.NewGuid():n}"[..20]);
        var routes = AdminRoutes(contactId, pageId);

        routes.ShouldContain("/admin");
        routes.ShouldContain("/admin/contacts");
        routes.ShouldContain($"/admin/contacts/{contactId}");
        routes.ShouldContain("/admin/emails");
        routes.ShouldContain("/admin/pages");
        routes.ShouldContain("/admin/pages/new");
        routes.ShouldContain($"/admin/pages/{pageId}");
        routes.Count.ShouldBeGreaterThanOrEqualTo(10);
        output.WriteLine($"{routes.Count} admin routes:\n" + string.Join("\n", routes));

        // A token the customer's own session really issued, so a refusal can't be the antiforgery check's doing.
        var myAccount = await customer.GetAsync("/my/account");
        var token = myAccount.Document.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var leaks = new List<string>();
        foreach (var route in routes)
        {
            using var get = await customer.Client.GetAsync(route);
            if (get.StatusCode != HttpStatusCode.Forbidden) leaks.Add($"GET {route} → {(int)get.StatusCode}");

            using var post = await customer.Client.PostAsync(route, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            if (post.StatusCode != HttpStatusCode.Forbidden) leaks.Add($"POST {route} → {(int)post.StatusCode}");

            // The same address opens for the back office, so the 403 above is about who asks, not a broken address.
            using var asAdmin = await admin.Client.GetAsync(route);
            asAdmin.StatusCode.ShouldNotBe(HttpStatusCode.Forbidden, route);
        }
        leaks.ShouldBeEmpty(string.Join("\n", leaks));

        (await factory.ContactAsync(contactId)).PortalUser!.State.ShouldBe(Portal.Domain.PortalAccess.PortalAccessState.Active);
    }

    /// <summary>Every distinct /admin route, its parameters filled with a real contact or page id, or a dummy value.</summary>
    private List<string> AdminRoutes(int contactId, int pageId)
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase))
            .Select(e => PathOf(e.RoutePattern, contactId, pageId))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string PathOf(RoutePattern pattern, int contactId, int pageId)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => ValueFor(parameter, path.ToString(), contactId, pageId),
                    _ => "",
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string ValueFor(RoutePatternParameterPart parameter, string pathSoFar, int contactId, int pageId)
    {
        if (parameter.ParameterPolicies.Any(policy => policy.Content == "guid")) return Guid.NewGuid().ToString();
        if (pathSoFar.Contains("/pages", StringComparison.OrdinalIgnoreCase))
            return pageId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (pathSoFar.Contains("/contacts", StringComparison.OrdinalIgnoreCase))
            return contactId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Any other record: a well-formed id that satisfies an int constraint; the refusal must come before it is looked up.
        return "1";
    }
}
