using System.Linq.Expressions;
using Portal.Domain.CompanyAccounts;
using Portal.Domain.Settings;
using Portal.Domain.Users;

namespace Portal.Application.Settings;

/// <summary>The settings as every request reads them: a cached copy without the logo's bytes.</summary>
public sealed record PortalSettingsSnapshot(
    string CompanyName,
    string PrimaryColour,
    string? SupportEmail,
    string? SupportPhone,
    string? ImprintUrl,
    string? PrivacyUrl,
    string? LogoContentType,
    string? LogoVersion,
    int InvitationValidityHours,
    string? WelcomeMessageEnglish,
    string? WelcomeMessageGerman,
    bool SendInvitationReminders,
    bool ShowDetails,
    bool ShowPaymentMethods,
    bool ShowDocuments,
    bool ShowPages,
    bool RequirePortalTwoFactor,
    StaffTwoFactorRequirement RequireStaffTwoFactor,
    int PasswordMinLength,
    int SessionIdleTimeoutMinutes,
    int Version,
    ColleagueInvitationMode ColleagueInvitations,
    bool CompanyAdministratorsEditDetails,
    int? MaxPortalUsersPerCompany,
    string? CreditorIdentifier = null,
    int? FinalReminderHoursBeforeExpiry = null,
    bool CustomersRequestNewLinks = true)
{
    public TimeSpan InvitationValidity => TimeSpan.FromHours(InvitationValidityHours);
    public TimeSpan SessionIdleTimeout => TimeSpan.FromMinutes(SessionIdleTimeoutMinutes);
    public bool HasLogo => LogoVersion is not null;

    public string? WelcomeMessageFor(string language) => language == "de" ? WelcomeMessageGerman : WelcomeMessageEnglish;

    public bool Shows(MyAccountSection section) => section switch
    {
        MyAccountSection.Details => ShowDetails,
        MyAccountSection.PaymentMethods => ShowPaymentMethods,
        MyAccountSection.Documents => ShowDocuments,
        MyAccountSection.Pages => ShowPages,
        _ => true,
    };

    public bool RequiresTwoFactorFor(StaffRole role) => StaffTwoFactorRule.Applies(RequireStaffTwoFactor, role);

    /// <summary>The one projection of the settings row, for queries (translated to SQL) and for rows in memory alike.</summary>
    public static readonly Expression<Func<PortalSettings, PortalSettingsSnapshot>> Projection = s => new PortalSettingsSnapshot(
        s.CompanyName, s.PrimaryColour, s.SupportEmail, s.SupportPhone, s.ImprintUrl, s.PrivacyUrl, s.LogoContentType, s.LogoVersion,
        s.InvitationValidityHours, s.WelcomeMessageEnglish, s.WelcomeMessageGerman, s.SendInvitationReminders,
        s.ShowDetails, s.ShowPaymentMethods, s.ShowDocuments, s.ShowPages,
        s.RequirePortalTwoFactor, s.RequireStaffTwoFactor, s.PasswordMinLength, s.SessionIdleTimeoutMinutes, s.Version,
        s.ColleagueInvitations, s.CompanyAdministratorsEditDetails, s.MaxPortalUsersPerCompany,
        s.CreditorIdentifier, s.FinalReminderHoursBeforeExpiry, s.CustomersRequestNewLinks);

    private static readonly Func<PortalSettings, PortalSettingsSnapshot> ProjectInMemory = Projection.Compile();

    public static PortalSettingsSnapshot From(PortalSettings settings) => ProjectInMemory(settings);
}
