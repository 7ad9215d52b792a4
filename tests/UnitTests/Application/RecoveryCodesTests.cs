using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Application.Common;

namespace Portal.UnitTests.Application;

public sealed class RecoveryCodesTests
{
    [Fact]
    public void Ten_different_codes_are_generated_as_six_groups_of_four_unambiguous_characters()
    {
        var codes = RecoveryCodes.Generate();

        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);
        codes.ShouldAllBe(code => Regex.IsMatch(code, "^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){5}$"));
    }

    [Fact]
    public void Each_code_carries_at_least_112_bits_so_its_unsalted_hash_cant_be_searched()
    {
        var alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

        foreach (var code in RecoveryCodes.Generate())
        {
            var symbols = RecoveryCodes.Normalize(code);
            symbols.ShouldAllBe(c => alphabet.Contains(c));
            (symbols.Length * Math.Log2(alphabet.Length)).ShouldBeGreaterThanOrEqualTo(112);
        }
    }

    [Fact]
    public void Two_generations_never_share_codes()
    {
        RecoveryCodes.Generate().Intersect(RecoveryCodes.Generate()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("abcd-efgh")]
    [InlineData("ABCD-EFGH")]
    [InlineData("  abcd-efgh  ")]
    [InlineData("abcd efgh")]
    [InlineData("abcdefgh")]
    [InlineData("AbCd - EfGh\t")]
    public void A_code_matches_however_it_is_typed(string typed)
    {
        RecoveryCodes.Normalize(typed).ShouldBe("abcdefgh");
        RecoveryCodes.Hash(typed).ShouldBe(RecoveryCodes.Hash("abcd-efgh"));
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_normalised_code_in_lower_case_hex()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("abcdefgh")));

        RecoveryCodes.Hash("ABCD-EFGH").ShouldBe(expected);
        RecoveryCodes.Hash("ABCD-EFGH").ShouldNotContain("abcd");
    }

    [Fact]
    public void Different_codes_have_different_hashes()
    {
        RecoveryCodes.Hash("abcd-efgh").ShouldNotBe(RecoveryCodes.Hash("abcd-efgj"));
    }

    [Theory]
    [InlineData("123456", true)]
    [InlineData("123 456", true)]
    [InlineData(" 123456 ", true)]
    [InlineData("12345", false)]
    [InlineData("1234567", false)]
    [InlineData("12345a", false)]
    [InlineData("١٢٣٤٥٦", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void An_authenticator_code_is_six_ascii_digits_with_optional_spaces(string? typed, bool wellFormed)
    {
        TwoFactorCode.IsWellFormed(typed).ShouldBe(wellFormed);
    }
}
