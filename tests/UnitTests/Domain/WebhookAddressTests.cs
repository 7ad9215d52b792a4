using System.Net;
using Portal.Domain.Common;
using Portal.Domain.Webhooks;

namespace Portal.UnitTests.Domain;

public sealed class WebhookAddressTests
{
    private static readonly WebhookAddressPolicy Production = new(RequireHttps: true, AllowPrivateNetworks: false);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("0.0.0.0")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("169.254.169.254")]
    [InlineData("168.63.129.16")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:7f00:1::")]
    [InlineData("2001:db8::1")]
    public void Loopback_private_link_local_shared_multicast_and_metadata_addresses_are_not_public(string address) =>
        WebhookAddress.IsPublic(IPAddress.Parse(address)).ShouldBeFalse();

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:93.184.216.34")]
    public void Ordinary_internet_addresses_are_public(string address) =>
        WebhookAddress.IsPublic(IPAddress.Parse(address)).ShouldBeTrue();

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://LOCALHOST./hook")]
    [InlineData("https://api.localhost/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::ffff:7f00:1]/hook")]
    public void Local_names_and_non_public_literals_are_refused_when_saved(string url) =>
        WebhookAddress.Problem(url, Production).ShouldBe(DomainErrors.WebhookUrlPrivate);

    [Fact]
    public void Private_addresses_pass_when_the_configuration_allows_them() =>
        WebhookAddress.Problem("https://10.1.2.3/hook", Production with { AllowPrivateNetworks = true }).ShouldBeNull();

    [Theory]
    [InlineData("http://erp.example.com/hook")]
    [InlineData("HTTP://erp.example.com/hook")]
    public void Plain_http_is_refused_where_https_is_required(string url)
    {
        WebhookAddress.Problem(url, Production).ShouldBe(DomainErrors.WebhookUrlNeedsHttps);
        WebhookAddress.Problem(url, Production with { RequireHttps = false }).ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("erp.example.com/hook")]
    [InlineData("ftp://erp.example.com/hook")]
    [InlineData("https://user:password@erp.example.com/hook")]
    [InlineData("https://erp.example.com/hook#part")]
    [InlineData("/relative/hook")]
    public void Anything_but_an_absolute_web_address_is_invalid(string? url) =>
        WebhookAddress.Problem(url, Production).ShouldBe(DomainErrors.WebhookUrlInvalid);

    [Fact]
    public void A_public_https_address_is_fine() =>
        WebhookAddress.Problem("https://erp.example.com/portal-events?tenant=7", Production).ShouldBeNull();
}
