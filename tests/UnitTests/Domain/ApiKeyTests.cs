using Portal.Domain.Activity;
using Portal.Domain.ApiKeys;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.UnitTests.Domain;

public sealed class ApiKeyTests
{
    private const string PublicId = "0123456789ab";
    private static readonly IssuedToken Secret = new($"pk_{PublicId}_secret-part", "hash-of-the-key");

    private static ApiKey NewKey(StaffRole role = StaffRole.PortalManager, DateTimeOffset? expiresAt = null, int? limit = null) =>
        ApiKey.Create("ERP sync", role, expiresAt, limit, PublicId, Secret, Given.Now, "Ada Admin <admin@example.com>");

    [Fact]
    public void A_new_key_keeps_only_the_hash_of_its_secret_and_records_its_creation()
    {
        var key = NewKey();

        key.SecretHash.ShouldBe("hash-of-the-key");
        key.PublicId.ShouldBe(PublicId);
        key.Name.ShouldBe("ERP sync");
        key.IsUsableAt(Given.Now).ShouldBeTrue();
        var created = key.DomainEvents.OfType<ApiKeyChanged>().ShouldHaveSingleItem();
        created.ToActivity(7).Kind.ShouldBe(ActivityKind.ApiKeyCreated);
        created.ToActivity(7).Detail.ShouldBe("PortalManager");
    }

    [Fact]
    public void A_key_never_gets_the_administrator_role()
    {
        Should.Throw<DomainException>(() => NewKey(StaffRole.Administrator)).Code.ShouldBe(DomainErrors.ApiKeyRoleInvalid.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("two\nlines")]
    public void A_key_needs_a_one_line_name(string name)
    {
        Should.Throw<DomainException>(() => ApiKey.Create(name, StaffRole.ReadOnly, null, null, PublicId, Secret, Given.Now, "admin"))
            .Code.ShouldBe(DomainErrors.ApiKeyNameInvalid.Code);
    }

    [Fact]
    public void An_expiry_in_the_past_is_refused()
    {
        Should.Throw<DomainException>(() => NewKey(expiresAt: Given.Now)).Code.ShouldBe(DomainErrors.ApiKeyExpiryInPast.Code);
    }

    [Fact]
    public void A_limit_of_its_own_must_be_positive()
    {
        Should.Throw<DomainException>(() => NewKey(limit: 0)).Code.ShouldBe(DomainErrors.ApiKeyRateLimitInvalid.Code);
        NewKey(limit: 5).RequestsPerMinute.ShouldBe(5);
    }

    [Fact]
    public void A_secret_that_does_not_carry_the_public_id_is_a_programming_error()
    {
        Should.Throw<ArgumentException>(() =>
            ApiKey.Create("ERP", StaffRole.ReadOnly, null, null, PublicId, new IssuedToken("pk_ffffffffffff_x", "h"), Given.Now, "admin"));
    }

    [Fact]
    public void An_expired_key_is_no_longer_usable()
    {
        var key = NewKey(expiresAt: Given.Now.AddDays(1));

        key.IsUsableAt(Given.Now.AddHours(23)).ShouldBeTrue();
        key.IsUsableAt(Given.Now.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void Revoking_ends_the_key_at_once_and_only_once()
    {
        var key = NewKey();
        key.ClearDomainEvents();

        key.Revoke(Given.Now.AddMinutes(5), "admin");

        key.IsUsableAt(Given.Now.AddMinutes(5)).ShouldBeFalse();
        key.RevokedBy.ShouldBe("admin");
        key.DomainEvents.OfType<ApiKeyChanged>().ShouldHaveSingleItem().Kind.ShouldBe(ActivityKind.ApiKeyRevoked);
        Should.Throw<DomainException>(() => key.Revoke(Given.Now.AddMinutes(6), "admin")).Code
            .ShouldBe(DomainErrors.ApiKeyAlreadyRevoked.Code);
    }

    [Fact]
    public void Its_last_use_moves_at_most_once_a_minute()
    {
        var key = NewKey();

        key.NoteUse(Given.Now).ShouldBeTrue();
        key.NoteUse(Given.Now.AddSeconds(59)).ShouldBeFalse();
        key.LastUsedAt.ShouldBe(Given.Now);
        key.NoteUse(Given.Now.AddMinutes(1)).ShouldBeTrue();
        key.LastUsedAt.ShouldBe(Given.Now.AddMinutes(1));
    }
}
