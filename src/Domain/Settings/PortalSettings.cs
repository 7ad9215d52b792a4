using Portal.Domain.Common;
using Portal.Domain.CompanyAccounts;
using Portal.Domain.Contacts;

namespace Portal.Domain.Settings;

/// <summary>
/// How the business shapes its portal without code: branding, invitations, the My Account sections
/// customers see, and security rules. One row; every change is recorded with who made it.
/// </summary>
public sealed class PortalSettings : AggregateRoot
{
    public const int SingletonId = 1;
    public const int CompanyNameMaxLength = 100;
    public const int PhoneMaxLength = 40;
    public const int UrlMaxLength = 500;
    public const int WelcomeMessageMaxLength = 2000;
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 64;
    public const int MinInvitationValidityHours = 1;
    public const int MaxInvitationValidityDays = 30;
    public const int MaxInvitationValidityHours = MaxInvitationValidityDays * 24;
    public const int MinIdleTimeoutMinutes = 5;
    public const int MaxIdleTimeoutMinutes = 24 * 60;
    public const int LogoMaxKilobytes = 256;
    public const int LogoMaxBytes = LogoMaxKilobytes * 1024;
    public const int MaxPortalUsersCap = 100_000;
    public const string DefaultPrimaryColour = "#0b5ed7";

    private PortalSettings() { }

    public int Id { get; private set; } = SingletonId;

    public string CompanyName { get; private set; } = "Portal";
    public string PrimaryColour { get; private set; } = DefaultPrimaryColour;
    public string? SupportEmail { get; private set; }
    public string? SupportPhone { get; private set; }
    public string? ImprintUrl { get; private set; }
    public string? PrivacyUrl { get; private set; }

    public string? LogoContentType { get; private set; }
    public byte[]? LogoData { get; private set; }
    /// <summary>Changes with every new logo, so browsers and mail clients never keep an old one.</summary>
    public string? LogoVersion { get; private set; }

    public int InvitationValidityHours { get; private set; } = 7 * 24;
    public string? WelcomeMessageEnglish { get; private set; }
    public string? WelcomeMessageGerman { get; private set; }
    public bool SendInvitationReminders { get; private set; }
    /// <summary>How many hours before a link ends a second, last reminder goes out; null: none.</summary>
    public int? FinalReminderHoursBeforeExpiry { get; private set; }
    /// <summary>A customer whose link expired or was replaced may have a new one sent to the address on file.</summary>
    public bool CustomersRequestNewLinks { get; private set; } = true;

    public bool ShowDetails { get; private set; } = true;
    public bool ShowPaymentMethods { get; private set; } = true;
    public bool ShowDocuments { get; private set; } = true;
    public bool ShowPages { get; private set; } = true;

    /// <summary>The business's SEPA creditor identifier, named in every mandate; null until it is entered.</summary>
    public string? CreditorIdentifier { get; private set; }

    public bool RequirePortalTwoFactor { get; private set; }
    /// <summary>A new portal asks administrators for a second factor; existing portals were migrated with it off.</summary>
    public StaffTwoFactorRequirement RequireStaffTwoFactor { get; private set; } = StaffTwoFactorRequirement.Administrators;
    public int PasswordMinLength { get; private set; } = MinPasswordLength;
    public int SessionIdleTimeoutMinutes { get; private set; } = 30;

    public ColleagueInvitationMode ColleagueInvitations { get; private set; } = ColleagueInvitationMode.On;
    public bool CompanyAdministratorsEditDetails { get; private set; }
    /// <summary>Invited and active portal users a company may have; null: no cap.</summary>
    public int? MaxPortalUsersPerCompany { get; private set; }

    public int Version { get; private set; }

    public static PortalSettings CreateDefault(string companyName, TimeSpan invitationValidity, TimeSpan idleTimeout) => new()
    {
        CompanyName = string.IsNullOrWhiteSpace(companyName)
            ? "Portal"
            : companyName.Trim()[..Math.Min(companyName.Trim().Length, CompanyNameMaxLength)],
        InvitationValidityHours =
            Math.Clamp((int)Math.Ceiling(invitationValidity.TotalHours), MinInvitationValidityHours, MaxInvitationValidityHours),
        SessionIdleTimeoutMinutes = Math.Clamp((int)Math.Ceiling(idleTimeout.TotalMinutes), MinIdleTimeoutMinutes, MaxIdleTimeoutMinutes),
    };

    public const int DefaultFinalReminderHoursBeforeExpiry = 24;

    public TimeSpan InvitationValidity => TimeSpan.FromHours(InvitationValidityHours);
    public TimeSpan SessionIdleTimeout => TimeSpan.FromMinutes(SessionIdleTimeoutMinutes);

    public void ChangeBranding(string companyName, string primaryColour, string? supportEmail, string? supportPhone,
        string? imprintUrl, string? privacyUrl, DateTimeOffset now, string changedBy)
    {
        companyName = companyName?.Trim() ?? "";
        primaryColour = primaryColour?.Trim().ToLowerInvariant() ?? "";
        supportEmail = Blank(supportEmail);
        supportPhone = Blank(supportPhone);
        imprintUrl = Blank(imprintUrl);
        privacyUrl = Blank(privacyUrl);
        if (companyName.Length is 0 or > CompanyNameMaxLength || !BrandColour.IsReadableOnWhite(primaryColour)
            || (supportEmail is not null && !EmailAddress.IsValid(supportEmail))
            || supportPhone?.Length > PhoneMaxLength || !IsWebAddress(imprintUrl) || !IsWebAddress(privacyUrl))
            throw new DomainException(DomainErrors.SettingsInvalid);

        var changed = new List<string>();
        Set(CompanyName, companyName, v => CompanyName = v, "CompanyName", changed);
        Set(PrimaryColour, primaryColour, v => PrimaryColour = v, "PrimaryColour", changed);
        Set(SupportEmail, supportEmail, v => SupportEmail = v, "SupportEmail", changed);
        Set(SupportPhone, supportPhone, v => SupportPhone = v, "SupportPhone", changed);
        Set(ImprintUrl, imprintUrl, v => ImprintUrl = v, "ImprintUrl", changed);
        Set(PrivacyUrl, privacyUrl, v => PrivacyUrl = v, "PrivacyUrl", changed);
        Recorded(changed, now, changedBy);
    }

    /// <summary>Stores a logo that the application has already checked (type, size, and for SVG: nothing active in it).</summary>
    public void ReplaceLogo(string contentType, byte[] data, string version, DateTimeOffset now, string changedBy)
    {
        if (contentType is not ("image/png" or "image/svg+xml") || data.Length is 0 or > LogoMaxBytes || string.IsNullOrEmpty(version))
            throw new DomainException(DomainErrors.SettingsInvalid);
        LogoContentType = contentType;
        LogoData = data;
        LogoVersion = version;
        Recorded(["Logo"], now, changedBy);
    }

    public void RemoveLogo(DateTimeOffset now, string changedBy)
    {
        if (LogoData is null) return;
        LogoContentType = null;
        LogoData = null;
        LogoVersion = null;
        Recorded(["Logo"], now, changedBy);
    }

    public void ChangeInvitations(
        int validityHours,
        string? welcomeEnglish,
        string? welcomeGerman,
        bool sendReminders,
        int? finalReminderHoursBeforeExpiry,
        bool customersRequestNewLinks,
        DateTimeOffset now,
        string changedBy)
    {
        welcomeEnglish = Blank(welcomeEnglish);
        welcomeGerman = Blank(welcomeGerman);
        if (validityHours is < MinInvitationValidityHours or > MaxInvitationValidityHours
            || welcomeEnglish?.Length > WelcomeMessageMaxLength || welcomeGerman?.Length > WelcomeMessageMaxLength
            || finalReminderHoursBeforeExpiry is < MinInvitationValidityHours or > MaxInvitationValidityHours)
            throw new DomainException(DomainErrors.SettingsInvalid);
        var changed = new List<string>();
        Set(InvitationValidityHours, validityHours, v => InvitationValidityHours = v, "InvitationValidity", changed);
        Set(WelcomeMessageEnglish, welcomeEnglish, v => WelcomeMessageEnglish = v, "WelcomeMessageEnglish", changed);
        Set(WelcomeMessageGerman, welcomeGerman, v => WelcomeMessageGerman = v, "WelcomeMessageGerman", changed);
        Set(SendInvitationReminders, sendReminders, v => SendInvitationReminders = v, "InvitationReminders", changed);
        Set(FinalReminderHoursBeforeExpiry, finalReminderHoursBeforeExpiry, v => FinalReminderHoursBeforeExpiry = v,
            "FinalInvitationReminder", changed);
        Set(CustomersRequestNewLinks, customersRequestNewLinks, v => CustomersRequestNewLinks = v, "CustomersRequestNewLinks", changed);
        Recorded(changed, now, changedBy);
    }

    public void ChangeSections(bool details, bool paymentMethods, bool documents, bool pages, DateTimeOffset now, string changedBy)
    {
        var changed = new List<string>();
        Set(ShowDetails, details, v => ShowDetails = v, "SectionDetails", changed);
        Set(ShowPaymentMethods, paymentMethods, v => ShowPaymentMethods = v, "SectionPaymentMethods", changed);
        Set(ShowDocuments, documents, v => ShowDocuments = v, "SectionDocuments", changed);
        Set(ShowPages, pages, v => ShowPages = v, "SectionPages", changed);
        Recorded(changed, now, changedBy);
    }

    /// <summary>Sets the SEPA creditor identifier mandates name from now on; empty clears it.</summary>
    public void ChangeDirectDebit(string? creditorIdentifier, DateTimeOffset now, string changedBy)
    {
        var identifier = Payments.CreditorIdentifier.Normalize(creditorIdentifier);
        if (identifier is not null && !Payments.CreditorIdentifier.IsValid(identifier))
            throw new DomainException(DomainErrors.CreditorIdentifierInvalid);
        var changed = new List<string>();
        Set(CreditorIdentifier, identifier, v => CreditorIdentifier = v, "CreditorIdentifier", changed);
        Recorded(changed, now, changedBy);
    }

    public void ChangeSecurity(
        bool requirePortalTwoFactor,
        StaffTwoFactorRequirement requireStaffTwoFactor,
        int passwordMinLength,
        int idleTimeoutMinutes,
        DateTimeOffset now,
        string changedBy)
    {
        if (passwordMinLength is < MinPasswordLength or > MaxPasswordLength
            || idleTimeoutMinutes is < MinIdleTimeoutMinutes or > MaxIdleTimeoutMinutes
            || !Enum.IsDefined(requireStaffTwoFactor))
            throw new DomainException(DomainErrors.SettingsInvalid);
        var changed = new List<string>();
        Set(RequirePortalTwoFactor, requirePortalTwoFactor, v => RequirePortalTwoFactor = v, "RequirePortalTwoFactor", changed);
        Set(RequireStaffTwoFactor, requireStaffTwoFactor, v => RequireStaffTwoFactor = v, "RequireStaffTwoFactor", changed);
        Set(PasswordMinLength, passwordMinLength, v => PasswordMinLength = v, "PasswordMinLength", changed);
        Set(SessionIdleTimeoutMinutes, idleTimeoutMinutes, v => SessionIdleTimeoutMinutes = v, "SessionIdleTimeout", changed);
        Recorded(changed, now, changedBy);
    }

    public void ChangeCompanyAccounts(
        ColleagueInvitationMode invitations,
        bool administratorsEditDetails,
        int? maxPortalUsersPerCompany,
        DateTimeOffset now,
        string changedBy)
    {
        if (!Enum.IsDefined(invitations) || maxPortalUsersPerCompany is < 1 or > MaxPortalUsersCap)
            throw new DomainException(DomainErrors.SettingsInvalid);
        var changed = new List<string>();
        Set(ColleagueInvitations, invitations, v => ColleagueInvitations = v, "ColleagueInvitations", changed);
        Set(CompanyAdministratorsEditDetails, administratorsEditDetails, v => CompanyAdministratorsEditDetails = v,
            "CompanyAdministratorsEditDetails", changed);
        Set(MaxPortalUsersPerCompany, maxPortalUsersPerCompany, v => MaxPortalUsersPerCompany = v, "MaxPortalUsersPerCompany", changed);
        Recorded(changed, now, changedBy);
    }

    public static bool IsWebAddress(string? value) =>
        value is null || (value.Length <= UrlMaxLength && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    private void Recorded(IReadOnlyCollection<string> changed, DateTimeOffset now, string changedBy)
    {
        if (changed.Count == 0) return;
        Version++;
        Raise(new SettingsChanged(string.Join(",", changed), changedBy, now));
    }

    private static void Set<T>(T current, T value, Action<T> assign, string name, List<string> changed)
    {
        if (EqualityComparer<T>.Default.Equals(current, value)) return;
        assign(value);
        changed.Add(name);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
