using Portal.Domain.Users;

namespace Portal.UnitTests.Domain;

public sealed class InternalUserTests
{
    [Fact]
    public void An_internal_user_has_the_normalised_email_as_login_and_a_trimmed_display_name()
    {
        var user = InternalUser.Create(" Staff@Portal.EXAMPLE ", "  Sam Staff ");

        user.Kind.ShouldBe(UserKind.Internal);
        user.Login.ShouldBe("staff@portal.example");
        user.DisplayName.ShouldBe("Sam Staff");
        user.PasswordHash.ShouldBeNull();
    }

    [Fact]
    public void An_internal_user_without_a_password_cannot_sign_in() =>
        InternalUser.Create("staff@portal.example", "Sam").CanSignIn.ShouldBeFalse();

    [Fact]
    public void Setting_a_password_allows_sign_in_and_ends_every_session()
    {
        var user = InternalUser.Create("staff@portal.example", "Sam");
        var stamp = user.SecurityStamp;
        var version = user.Version;

        user.SetPassword("pw-hash");

        user.PasswordHash.ShouldBe("pw-hash");
        user.CanSignIn.ShouldBeTrue();
        user.SecurityStamp.ShouldNotBe(stamp);
        user.Version.ShouldBe(version + 1);
    }

    [Fact]
    public void A_rehash_replaces_the_password_hash_only_when_there_is_one()
    {
        var user = InternalUser.Create("staff@portal.example", "Sam");
        user.UpgradePasswordHash("rehashed");
        user.PasswordHash.ShouldBeNull();

        user.SetPassword("pw-hash");
        var stamp = user.SecurityStamp;
        user.UpgradePasswordHash("rehashed");

        user.PasswordHash.ShouldBe("rehashed");
        user.SecurityStamp.ShouldBe(stamp);
    }

    [Fact]
    public void A_generated_password_must_be_changed_and_changing_it_clears_that()
    {
        var user = InternalUser.Create("first@portal.example", "First");
        user.SetGeneratedPassword("generated-hash");
        user.MustChangePassword.ShouldBeTrue();
        user.CanSignIn.ShouldBeTrue();

        user.ChangePassword("chosen-hash", Given.Now);

        user.MustChangePassword.ShouldBeFalse();
        user.PasswordHash.ShouldBe("chosen-hash");
    }

    [Fact]
    public void A_password_set_by_its_owner_need_not_be_changed()
    {
        var user = InternalUser.Create("first@portal.example", "First");

        user.SetPassword("chosen-hash");

        user.MustChangePassword.ShouldBeFalse();
    }
}
