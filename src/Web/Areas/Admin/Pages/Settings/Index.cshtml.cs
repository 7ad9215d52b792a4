using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Settings;
using Portal.Domain.CompanyAccounts;
using Portal.Domain.Settings;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;

namespace Portal.Web.Areas.Admin.Pages.Settings;

/// <summary>
/// The portal's settings, for administrators: six sections, each its own form and handler, so saving one never
/// touches another. A refusal is shown next to its field; the other sections show what is stored.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class SettingsModel : PortalPageModel
{
    /// <summary>More than a logo may be, so an oversized file is refused with a message rather than a broken request.</summary>
    public const int MaxRequestBytes = 2 * 1024 * 1024;

    [BindProperty] public BrandingInput Branding { get; set; } = new();
    [BindProperty] public LogoInput Logo { get; set; } = new();
    [BindProperty] public InvitationsInput Invitations { get; set; } = new();
    [BindProperty] public SectionsInput Sections { get; set; } = new();
    [BindProperty] public SecurityInput Security { get; set; } = new();
    [BindProperty] public CompanyAccountsInput CompanyAccounts { get; set; } = new();
    [BindProperty] public DirectDebitInput DirectDebit { get; set; } = new();

    public PortalSettingsSnapshot Current { get; private set; } = null!;

    public async Task OnGetAsync() => await LoadAsync(keep: null);

    public Task<IActionResult> OnPostBrandingAsync() => SaveAsync(nameof(Branding), new UpdateBranding(
        Branding.CompanyName, Branding.PrimaryColour, Branding.SupportEmail,
        Branding.SupportPhone, Branding.ImprintUrl, Branding.PrivacyUrl),
        "The branding was saved.");

    public async Task<IActionResult> OnPostLogoAsync()
    {
        byte[] data = [];
        if (Logo.Data is { Length: > 0 and <= MaxRequestBytes } file)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, HttpContext.RequestAborted);
            data = buffer.ToArray();
        }
        return await SaveAsync(nameof(Logo), new UploadLogo(Logo.Data?.ContentType, Logo.Data?.FileName, data), "The logo was saved.");
    }

    public Task<IActionResult> OnPostRemoveLogoAsync() => SaveAsync(nameof(Logo), new RemoveLogo(), "The logo was removed.");

    public Task<IActionResult> OnPostInvitationsAsync() => SaveAsync(nameof(Invitations), new UpdateInvitationSettings(
        Invitations.Validity ?? 0, Invitations.Unit,
        Invitations.WelcomeMessageEnglish, Invitations.WelcomeMessageGerman, Invitations.SendReminders,
        Invitations.SendFinalReminder ? Invitations.FinalReminderHoursBeforeExpiry ?? 0 : null, Invitations.CustomersRequestNewLinks),
        "The invitation settings were saved.");

    public Task<IActionResult> OnPostSectionsAsync() => SaveAsync(nameof(Sections), new UpdateMyAccountSections(
        Sections.Details, Sections.PaymentMethods, Sections.Documents, Sections.Pages),
        "The My Account sections were saved.");

    public Task<IActionResult> OnPostSecurityAsync() => SaveAsync(nameof(Security), new UpdateSecuritySettings(
        Security.RequirePortalTwoFactor, Security.RequireStaffTwoFactor, Security.PasswordMinLength ?? 0,
        Security.SessionIdleTimeoutMinutes ?? 0),
        "The security settings were saved.");

    public Task<IActionResult> OnPostCompanyAccountsAsync() => SaveAsync(nameof(CompanyAccounts), new UpdateCompanyAccountSettings(
        CompanyAccounts.ColleagueInvitations, CompanyAccounts.AdministratorsEditDetails, CompanyAccounts.MaxPortalUsersPerCompany),
        "The company account settings were saved.");
    public Task<IActionResult> OnPostDirectDebitAsync() => SaveAsync(nameof(DirectDebit),
        new UpdateDirectDebitSettings(DirectDebit.CreditorIdentifier), "The direct debit settings were saved.");

    private async Task<IActionResult> SaveAsync(string section, IRequest<Unit> command, string success)
    {
        // A value the form could not even read (letters in a number field) is already an error next to its field.
        if (ModelState.IsValid && (await TrySendAsync(command, section)).Succeeded)
        {
            TempData["Notice"] = T[success].Value;
            return RedirectToPage("/Settings/Index", null, null, section.ToLowerInvariant());
        }
        await LoadAsync(keep: section);
        return Page();
    }

    /// <summary>Fills every section from the stored settings, except <paramref name="keep"/>, which shows what was posted.</summary>
    private async Task LoadAsync(string? keep)
    {
        Current = await SendAsync(new GetPortalSettings());
        if (keep != nameof(Branding)) Branding = BrandingInput.From(Current);
        if (keep != nameof(Invitations)) Invitations = InvitationsInput.From(Current);
        if (keep != nameof(Sections)) Sections = SectionsInput.From(Current);
        if (keep != nameof(Security)) Security = SecurityInput.From(Current);
        if (keep != nameof(CompanyAccounts)) CompanyAccounts = CompanyAccountsInput.From(Current);
        if (keep != nameof(DirectDebit)) DirectDebit = new DirectDebitInput { CreditorIdentifier = Current.CreditorIdentifier };
    }

    public sealed class BrandingInput
    {
        [Display(Name = "Company name")] public string? CompanyName { get; set; }
        [Display(Name = "Primary colour")] public string? PrimaryColour { get; set; }
        [Display(Name = "Support e-mail")] public string? SupportEmail { get; set; }
        [Display(Name = "Support phone")] public string? SupportPhone { get; set; }
        [Display(Name = "Imprint address")] public string? ImprintUrl { get; set; }
        [Display(Name = "Privacy policy address")] public string? PrivacyUrl { get; set; }

        public static BrandingInput From(PortalSettingsSnapshot s) => new()
        {
            CompanyName = s.CompanyName, PrimaryColour = s.PrimaryColour, SupportEmail = s.SupportEmail,
            SupportPhone = s.SupportPhone, ImprintUrl = s.ImprintUrl, PrivacyUrl = s.PrivacyUrl,
        };
    }

    public sealed class LogoInput
    {
        [Display(Name = "Logo file")] public IFormFile? Data { get; set; }
    }

    public sealed class InvitationsInput
    {
        [Display(Name = "Invitation links work for")] public int? Validity { get; set; }
        [Display(Name = "Unit")] public ValidityUnit Unit { get; set; } = ValidityUnit.Days;
        [Display(Name = "Welcome message (English)")] public string? WelcomeMessageEnglish { get; set; }
        [Display(Name = "Welcome message (German)")] public string? WelcomeMessageGerman { get; set; }
        [Display(Name = "Remind invited customers who have not accepted halfway through the link's validity")]
        public bool SendReminders { get; set; }
        [Display(Name = "Send a last reminder before the link ends")]
        public bool SendFinalReminder { get; set; }
        [Display(Name = "Hours before the link ends")]
        public int? FinalReminderHoursBeforeExpiry { get; set; } = PortalSettings.DefaultFinalReminderHoursBeforeExpiry;
        [Display(Name = "Customers with an expired link may have a new one sent to the address on file")]
        public bool CustomersRequestNewLinks { get; set; } = true;

        public static InvitationsInput From(PortalSettingsSnapshot s)
        {
            var inDays = s.InvitationValidityHours % 24 == 0;
            return new()
            {
                Validity = inDays ? s.InvitationValidityHours / 24 : s.InvitationValidityHours,
                Unit = inDays ? ValidityUnit.Days : ValidityUnit.Hours,
                WelcomeMessageEnglish = s.WelcomeMessageEnglish,
                WelcomeMessageGerman = s.WelcomeMessageGerman,
                SendReminders = s.SendInvitationReminders,
                SendFinalReminder = s.FinalReminderHoursBeforeExpiry is not null,
                FinalReminderHoursBeforeExpiry = s.FinalReminderHoursBeforeExpiry ?? PortalSettings.DefaultFinalReminderHoursBeforeExpiry,
                CustomersRequestNewLinks = s.CustomersRequestNewLinks,
            };
        }
    }

    public sealed class SectionsInput
    {
        [Display(Name = "My details")] public bool Details { get; set; }
        [Display(Name = "Payment methods")] public bool PaymentMethods { get; set; }
        [Display(Name = "Documents")] public bool Documents { get; set; }
        [Display(Name = "Pages for customers")] public bool Pages { get; set; }

        public static SectionsInput From(PortalSettingsSnapshot s) => new()
        {
            Details = s.ShowDetails, PaymentMethods = s.ShowPaymentMethods, Documents = s.ShowDocuments, Pages = s.ShowPages,
        };
    }

    public sealed class DirectDebitInput
    {
        [Display(Name = "SEPA creditor identifier")] public string? CreditorIdentifier { get; set; }
    }

    public sealed class SecurityInput
    {
        [Display(Name = "Require two-factor authentication for customers")] public bool RequirePortalTwoFactor { get; set; }
        [Display(Name = "Require two-factor authentication for staff")]
        public StaffTwoFactorRequirement RequireStaffTwoFactor { get; set; }
        [Display(Name = "Minimum password length")] public int? PasswordMinLength { get; set; }
        [Display(Name = "Sign out after this many idle minutes")] public int? SessionIdleTimeoutMinutes { get; set; }

        public static SecurityInput From(PortalSettingsSnapshot s) => new()
        {
            RequirePortalTwoFactor = s.RequirePortalTwoFactor, RequireStaffTwoFactor = s.RequireStaffTwoFactor,
            PasswordMinLength = s.PasswordMinLength,
            SessionIdleTimeoutMinutes = s.SessionIdleTimeoutMinutes,
        };
    }

    public sealed class CompanyAccountsInput
    {
        [Display(Name = "Company administrators may invite colleagues")]
        public ColleagueInvitationMode ColleagueInvitations { get; set; } = ColleagueInvitationMode.On;
        [Display(Name = "Company administrators may edit the company's details")]
        public bool AdministratorsEditDetails { get; set; }
        [Display(Name = "Maximum portal users per company")] public int? MaxPortalUsersPerCompany { get; set; }

        public static CompanyAccountsInput From(PortalSettingsSnapshot s) => new()
        {
            ColleagueInvitations = s.ColleagueInvitations,
            AdministratorsEditDetails = s.CompanyAdministratorsEditDetails,
            MaxPortalUsersPerCompany = s.MaxPortalUsersPerCompany,
        };
    }
}
