using Microsoft.Extensions.Configuration;
using Portal.Infrastructure;

namespace Portal.UnitTests.Infrastructure;

public sealed class InstanceNameTests
{
    private static InstanceName From(string? configured) => InstanceName.From(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [InstanceName.Setting] = configured }).Build());

    [Fact]
    public void The_configured_name_is_used_and_the_host_name_without_one()
    {
        From("web-2").Value.ShouldBe("web-2");
        From(null).Value.ShouldBe(Environment.MachineName);
        From("").Value.ShouldBe(Environment.MachineName);
    }

    [Fact]
    public void Each_process_has_an_id_of_its_own_under_the_same_name() =>
        From("web-2").ProcessId.ShouldNotBe(From("web-2").ProcessId);

    [Fact]
    public void Claims_start_with_the_name_and_a_separator_no_name_holds_so_web_2_never_releases_web_20s()
    {
        var web2 = From("web-2");
        var claim = web2.NewClaim();
        claim.ShouldStartWith(web2.ClaimPrefix);
        web2.NewClaim().ShouldNotBe(claim);
        From("web-20").NewClaim().ShouldNotStartWith(web2.ClaimPrefix);
    }

    [Theory]
    [InlineData("web/2")]
    [InlineData("web 2")]
    [InlineData("web%2")]
    public void A_name_a_claim_could_not_carry_is_refused_at_start(string configured) =>
        Should.Throw<InvalidOperationException>(() => From(configured)).Message.ShouldContain(InstanceName.Setting);
}
