using Portal.Application.ApiKeys;

namespace Portal.UnitTests.Application;

public sealed class ApiKeyFormatTests
{
    [Theory]
    [InlineData("pk_0123456789ab_AbC-dEf_123", "0123456789ab")]
    [InlineData("pk_ffffffffffff_x", "ffffffffffff")]
    public void A_presented_key_is_found_again_by_its_public_id(string presented, string publicId)
    {
        AuthenticateApiKeyHandler.PublicIdOf(presented).ShouldBe(publicId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pk_")]
    [InlineData("pk_0123456789ab_")]
    [InlineData("pk_0123456789ab")]
    [InlineData("pk_0123456789_abcdef")]
    [InlineData("pk_0123456789zz_secret")]
    [InlineData("sk_0123456789ab_secret")]
    [InlineData("Bearer pk_0123456789ab_secret")]
    public void Anything_not_shaped_like_our_keys_names_no_key(string? presented)
    {
        AuthenticateApiKeyHandler.PublicIdOf(presented).ShouldBeNull();
    }

    [Fact]
    public void An_overlong_value_is_not_read_at_all()
    {
        AuthenticateApiKeyHandler.PublicIdOf("pk_0123456789ab_" + new string('a', 300)).ShouldBeNull();
    }
}
