using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Application.Common;

namespace Portal.FunctionalTests.Support;

/// <summary>Creating API keys through the settings page, and calling the integration API with them.</summary>
public static class ApiFlows
{
    public const string KeysPage = PortalRoutes.Admin.ApiKeys;

    /// <summary>Creates a key on the page and returns its secret, read from the page the form redirects to, which shows it once.</summary>
    public static async Task<string> CreateApiKeyAsync(this PortalBrowser admin, string name, string role = "PortalManager",
        string? expiresOn = null, int? requestsPerMinute = null)
    {
        var created = await admin.SubmitCreateApiKeyAsync(name, role, expiresOn, requestsPerMinute);
        var secret = created.Document.QuerySelector("#created-secret")?.GetAttribute("value");
        secret.ShouldNotBeNullOrEmpty(created.Text);
        return secret!;
    }

    public static async Task<Page> SubmitCreateApiKeyAsync(this PortalBrowser admin, string name, string role = "PortalManager",
        string? expiresOn = null, int? requestsPerMinute = null, bool followRedirects = true)
    {
        var page = await admin.GetAsync(KeysPage);
        return await admin.SubmitAsync(page, buttonSelector: "section form button[type=submit]", fields: new Dictionary<string, string?>
        {
            ["Input.Name"] = name,
            ["Input.Role"] = role,
            ["Input.ExpiresOn"] = expiresOn ?? "",
            ["Input.RequestsPerMinute"] = requestsPerMinute?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        }, followRedirects: followRedirects);
    }

    /// <summary>A client of another system: no cookies, the key as bearer token.</summary>
    public static HttpClient ApiClient(this PortalFactory factory, string? key, string? language = null)
    {
        var client = factory.CreateDefaultClient(new Uri("https://localhost"));
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"No JSON in: {text}");
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body, string? idempotencyKey = null,
        string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendRawJsonAsync(this HttpClient client, HttpMethod method, string url, string json) =>
        client.SendAsync(new HttpRequestMessage(method, url)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        });

    public static async Task<int> CreateContactThroughApiAsync(this HttpClient client, string name, string? email)
    {
        var response = await client.PostJsonAsync("/api/v1/contacts", new { name, email });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["id"]!.GetValue<int>();
    }

    public static string[] FieldErrors(this JsonNode problem, string field) =>
        problem["errors"]?[field]?.AsArray().Select(e => e!.GetValue<string>()).ToArray() ?? [];

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
