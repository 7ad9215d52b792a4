using System.Net;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

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
