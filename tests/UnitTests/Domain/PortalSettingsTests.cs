using Portal.Domain.Common;
using Portal.Domain.Settings;
using Portal.Domain.Users;

namespace Portal.UnitTests.Domain;

public sealed class PortalSettingsTests
{
    private static PortalSettings Defaults() => PortalSettings.CreateDefault("Contoso", TimeSpan.FromDays(7), TimeSpan.FromMinutes(30));

    [Fact]
    public void A_new_portal_starts_with_everything_shown_and_the_configured_name_and_validity()
    {
        var settings = PortalSettings.CreateDefault("  Contoso Trading ", TimeSpan.FromDays(3), TimeSpan.FromMinutes(30));

        settings.CompanyName.ShouldBe("Contoso Trading");
        settings.InvitationValidityHours.ShouldBe(72);
        settings.PrimaryColour.ShouldBe(PortalSettings.DefaultPrimaryColour);
        (settings.ShowDetails && settings.ShowPaymentMethods && settings.ShowDocuments && settings.ShowPages).ShouldBeTrue();
        settings.PasswordMinLength.ShouldBe(PortalSettings.MinPasswordLength);
    }

    [Fact]
    public void Changing_the_branding_records_who_changed_which_fields()
    {
        var settings = Defaults();

        settings.ChangeBranding(" Fabrikam ", "#1A4D2E", "help@fabrikam.example", null, "https://fabrikam.example/imprint", null, Given.Now,
            "Ada Admin");

        settings.CompanyName.ShouldBe("Fabrikam");
        settings.PrimaryColour.ShouldBe("#1a4d2e");
        var changed = settings.DomainEvents.OfType<SettingsChanged>().ShouldHaveSingleItem();
        changed.Actor.ShouldBe("Ada Admin");
        changed.Detail.ShouldBe("CompanyName,PrimaryColour,SupportEmail,ImprintUrl");
        settings.Version.ShouldBe(1);
    }

    [Fact]
    public void Saving_the_same_values_again_records_nothing()
    {
        var settings = Defaults();
        settings.ChangeSections(true, true, true, true, Given.Now, "Ada Admin");
        settings.DomainEvents.ShouldBeEmpty();
        settings.Version.ShouldBe(0);
    }

    [Theory]
    [InlineData("#ffff00")]
    [InlineData("#7fbfff")]
    [InlineData("blue")]
    [InlineData("#12345")]
    public void A_colour_white_text_is_hard_to_read_on_or_that_is_no_colour_is_refused(string colour) =>
        Should.Throw<DomainException>(() => Defaults().ChangeBranding("Contoso", colour, null, null, null, null, Given.Now, "Ada"))
            .Error.ShouldBe(DomainErrors.SettingsInvalid);

    [Fact]
    public void The_contrast_check_follows_wcag()
    {
        BrandColour.ContrastWithWhite("#000000").ShouldBe(21, 0.01);
        BrandColour.IsReadableOnWhite("#0b5ed7").ShouldBeTrue();
        BrandColour.IsReadableOnWhite("#777777").ShouldBeFalse("#777 is 4.48:1, just under AA");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/imprint")]
    [InlineData("/imprint")]
    public void Legal_links_must_be_web_addresses(string url) =>
        Should.Throw<DomainException>(() => Defaults().ChangeBranding("Contoso", "#0b5ed7", null, null, url, null, Given.Now, "Ada"));

    [Theory]
    [InlineData(0)]
    [InlineData(30 * 24 + 1)]
    public void Invitation_validity_stays_between_an_hour_and_thirty_days(int hours) =>
        Should.Throw<DomainException>(() => Defaults().ChangeInvitations(hours, null, null, false, null, true, Given.Now, "Ada"));

    [Theory]
    [InlineData(11, 30)]
    [InlineData(65, 30)]
    [InlineData(12, 4)]
    [InlineData(12, 1441)]
    public void Password_length_and_idle_timeout_stay_within_their_limits(int minLength, int idleMinutes) =>
        Should.Throw<DomainException>(() => Defaults().ChangeSecurity(false, StaffTwoFactorRequirement.Administrators, minLength, idleMinutes, Given.Now, "Ada"));

    [Fact]
    public void A_new_portal_requires_two_factor_of_administrators_and_the_choice_is_recorded()
    {
        var settings = Defaults();
        settings.RequireStaffTwoFactor.ShouldBe(StaffTwoFactorRequirement.Administrators);

        settings.ChangeSecurity(false, StaffTwoFactorRequirement.AllStaff, 12, 30, Given.Now, "Ada");

        settings.RequireStaffTwoFactor.ShouldBe(StaffTwoFactorRequirement.AllStaff);
        settings.DomainEvents.OfType<SettingsChanged>().Single().Detail.ShouldBe("RequireStaffTwoFactor");
    }

    [Fact]
    public void An_unknown_staff_two_factor_choice_is_refused() =>
        Should.Throw<DomainException>(() =>
            Defaults().ChangeSecurity(false, (StaffTwoFactorRequirement)7, 12, 30, Given.Now, "Ada"));

    [Theory]
    [InlineData(StaffTwoFactorRequirement.Off, StaffRole.Administrator, false)]
    [InlineData(StaffTwoFactorRequirement.Administrators, StaffRole.Administrator, true)]
    [InlineData(StaffTwoFactorRequirement.Administrators, StaffRole.PortalManager, false)]
    [InlineData(StaffTwoFactorRequirement.Administrators, StaffRole.ReadOnly, false)]
    [InlineData(StaffTwoFactorRequirement.AllStaff, StaffRole.PortalManager, true)]
    [InlineData(StaffTwoFactorRequirement.AllStaff, StaffRole.ReadOnly, true)]
    public void Staff_two_factor_applies_to_the_roles_chosen(StaffTwoFactorRequirement requirement, StaffRole role, bool applies) =>
        StaffTwoFactorRule.Applies(requirement, role).ShouldBe(applies);

    [Fact]
    public void A_logo_must_be_png_or_svg_and_small_and_removing_it_clears_its_version()
    {
        var settings = Defaults();
        Should.Throw<DomainException>(() => settings.ReplaceLogo("image/gif", [1], "v1", Given.Now, "Ada"));
        Should.Throw<DomainException>(() => settings.ReplaceLogo("image/png", new byte[PortalSettings.LogoMaxBytes + 1], "v1", Given.Now,
            "Ada"));

        settings.ReplaceLogo("image/png", [1, 2, 3], "abc", Given.Now, "Ada");
        settings.LogoVersion.ShouldBe("abc");
        settings.RemoveLogo(Given.Now, "Ada");

        settings.LogoData.ShouldBeNull();
        settings.LogoVersion.ShouldBeNull();
        settings.DomainEvents.OfType<SettingsChanged>().Select(e => e.Detail).ShouldBe(["Logo", "Logo"]);
    }
}
