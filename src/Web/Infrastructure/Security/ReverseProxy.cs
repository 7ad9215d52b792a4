using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Web.Infrastructure.Security;

/// <summary>
/// Behind a load balancer: trust X-Forwarded-For/-Proto only from the configured proxies
/// (`Portal:ReverseProxy:KnownProxies`, `Portal:ReverseProxy:KnownNetworks` in CIDR), so the client address in
/// the activity log and rate limits is the real one and can't be forged by anybody else.
/// </summary>
internal static class ReverseProxy
{
    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = configuration.GetValue("Portal:ReverseProxy:ForwardLimit", 1);
        foreach (var proxy in configuration.GetSection("Portal:ReverseProxy:KnownProxies").Get<string[]>() ?? [])
        {
            if (IPAddress.TryParse(proxy, out var address)) options.KnownProxies.Add(address);
            else throw new InvalidOperationException($"Portal:ReverseProxy:KnownProxies has an invalid address '{proxy}'.");
        }
        foreach (var network in configuration.GetSection("Portal:ReverseProxy:KnownNetworks").Get<string[]>() ?? [])
        {
            if (System.Net.IPNetwork.TryParse(network, out var parsed)) options.KnownIPNetworks.Add(parsed);
            else throw new InvalidOperationException($"Portal:ReverseProxy:KnownNetworks has an invalid network '{network}'.");
        }
    }
}
