using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Webhooks;

namespace Portal.FunctionalTests.Support;

/// <summary>
/// A portal whose webhooks may reach this machine over plain http, as a receiver inside the business's own network would need:
/// the tests' receiver listens on 127.0.0.1.
/// </summary>
public sealed class WebhookReceiverFactory : PortalFactory
{
    public WebhookReceiver Receiver { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Webhooks:AllowPrivateNetworks", "true");
        builder.UseSetting("Portal:Webhooks:RequireHttps", "false");
        builder.UseSetting("Portal:Webhooks:PollInterval", "00:00:00.100");
        builder.UseSetting("Portal:Webhooks:RetryBase", "00:00:10");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>
/// A portal with production's webhook rules whose name lookups answer <see cref="RebindingHost"/> with 127.0.0.1: a name that
/// looked public when the webhook was saved and points inward when a delivery connects (DNS rebinding).
/// </summary>
public sealed class RebindingDnsFactory : PortalFactory
{
    public const string RebindingHost = "hooks.rebinding.example";

    public WebhookReceiver Receiver { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Webhooks:PollInterval", "00:00:00.100");
        builder.ConfigureTestServices(services => services.AddSingleton<WebhookHostResolver>(new RebindingResolver()));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    private sealed class RebindingResolver : WebhookHostResolver
    {
        public override Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            host == RebindingHost ? Task.FromResult(new[] { IPAddress.Loopback }) : base.ResolveAsync(host, cancellationToken);
    }
}
