using System.Net;
using System.Text.RegularExpressions;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>The integration API describes itself: every endpoint with a summary and its answers; the reference page runs locally.</summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.Independent)]
public sealed partial class ApiDescriptionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_endpoint_is_described_with_a_summary_its_success_answer_and_its_refusals()
    {
        using var client = factory.ApiClient(null);

        var response = await client.GetAsync("/api/v1/openapi.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await response.JsonAsync();
        document["components"]!["securitySchemes"]!["ApiKey"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => Methods.Where(m => path.Value![m] is not null).Select(m => (Name: $"{m.ToUpperInvariant()} {path.Key}",
                Operation: path.Value![m]!)))
            .ToList();
        operations.Count.ShouldBeGreaterThanOrEqualTo(12);
        operations.ShouldAllBe(o => o.Name.Contains(" /api/v1/"));
        var undescribed = operations.Where(o => string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>())).Select(o => o.Name);
        undescribed.ShouldBeEmpty("every endpoint needs a summary (WithSummary)");
        var withoutSuccess = operations
            .Where(o => !o.Operation["responses"]!.AsObject().Any(r => r.Key.StartsWith('2') && r.Value!["content"] is not null))
            .Select(o => o.Name);
        withoutSuccess.ShouldBeEmpty("every endpoint needs its success answer with a body type");
        var withoutRefusals = operations
            .Where(o => new[] { "401", "403", "429" }.Any(status => o.Operation["responses"]![status] is null))
            .Select(o => o.Name);
        withoutRefusals.ShouldBeEmpty("every endpoint answers 401, 403 and 429 as problem details");
    }

    [Fact]
    public async Task The_reference_page_runs_the_bundled_script_from_this_site_under_a_nonce()
    {
        using var client = factory.ApiClient(null);

        var page = await client.GetAsync("/api/docs/");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = NonceInPolicy().Match(policy);
        nonce.Success.ShouldBeTrue(policy);
        policy.ShouldContain("connect-src 'self'");
        policy.ShouldNotContain("unsafe-eval");
        html.ShouldContain($"nonce=\"{nonce.Groups[1].Value}\"");
        html.ShouldContain("\"url\":\"api/v1/openapi.json\"", customMessage: html);
        var sources = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        sources.ShouldNotBeEmpty();
        sources.ShouldAllBe(src => !src.Contains("//"));
        foreach (var source in sources)
        {
            var script = await client.GetAsync(new Uri(new Uri("https://localhost/api/docs/"), source));
            script.StatusCode.ShouldBe(HttpStatusCode.OK, source);
            (await script.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(1000, source);
        }
    }

    [GeneratedRegex("'nonce-([A-Za-z0-9_-]+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
