using System.Net;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests.ScaleOut;

/// <summary>What a load balancer and a reverse proxy rely on: health endpoints and forwarded client addresses.</summary>
public sealed class OperationsTests(BehindProxyFactory factory) : IClassFixture<BehindProxyFactory>
{
    [Fact]
    public async Task Live_and_ready_answer_healthy_when_the_database_is_migrated_and_no_mail_is_waiting()
    {
        using var probe = factory.NewBrowser();
        (await probe.GetAsync("/health/live")).Status.ShouldBe(HttpStatusCode.OK);
        var ready = await probe.GetAsync("/health/ready");
        ready.Status.ShouldBe(HttpStatusCode.OK);
        ready.Html.ShouldBe("Healthy");
    }

    [Fact]
    public async Task Ready_turns_unhealthy_when_mail_has_been_waiting_too_long_and_live_stays_up()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Hedda Health", "hedda.health@example.com");
        await factory.Smtp.StopAsync();
        try
        {
            await admin.GrantAsync(contactId); // the SMTP server is down: the mail waits
            factory.Clock.Advance(TimeSpan.FromMinutes(16));
            using var probe = factory.NewBrowser();
            (await probe.GetAsync("/health/ready")).Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await probe.GetAsync("/health/live")).Status.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            factory.Smtp.Start();
        }

        // Once the mail is out, the instance is ready again. Time goes on by the hour until it is: an attempt that failed while
        // the server was down may be recorded only after a single jump, and would then wait for a time that never came.
        var lastJump = DateTime.MinValue;
        await Eventually.HoldsAsync(() =>
        {
            if (DateTime.UtcNow - lastJump > TimeSpan.FromSeconds(1))
            {
                factory.Clock.Advance(TimeSpan.FromHours(1));
                lastJump = DateTime.UtcNow;
            }
            return Task.FromResult(factory.Smtp.To("hedda.health@example.com").Count);
        }, sent => sent > 0, "the waiting mail to be sent");
        using var again = factory.NewBrowser();
        await Eventually.HoldsAsync(() => again.GetAsync("/health/ready"), page => page.Status == HttpStatusCode.OK, "ready again");
    }

    [Fact]
    public async Task The_client_address_comes_from_the_known_proxy_and_never_from_anyone_else()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Pete Proxy", "pete.proxy@example.com");
        customer.Dispose();

        using var viaProxy = factory.NewBrowser();
        viaProxy.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        (await viaProxy.SignInAsync("pete.proxy@example.com", Flows.CustomerPassword)).Path.ShouldBe("/my");

        using var spoofer = factory.NewBrowser();
        spoofer.Client.DefaultRequestHeaders.Add("X-Test-Peer", "198.51.100.20");
        spoofer.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.66");
        await spoofer.SignInAsync("pete.proxy@example.com", "Wrong-Password-For-Pete-1");

        var activity = (await viaProxy.GetAsync("/my/security")).Document
            .QuerySelectorAll("section[aria-labelledby=activity-heading] tbody tr").Select(r => r.TextContent).ToList();
        activity.ShouldContain(row => row.Contains("Signed in") && row.Contains("203.0.113.9"));
        activity.ShouldContain(row => row.Contains("Failed sign-in") && row.Contains("198.51.100.20"));
        activity.ShouldNotContain(row => row.Contains("192.0.2.66"));
    }
}
