using Portal.Domain.Contacts;
using Portal.Domain.Documents;
using Portal.Domain.Pages;
using Portal.Domain.Payments;
using Portal.Domain.Users;

namespace Portal.Domain.Common;

/// <summary>
/// Every refusal the domain can give. The messages are the English texts and the localization keys; a limit in a
/// message is a placeholder filled from the constant the rule checks, so text and rule can't drift apart.
/// </summary>
public static class DomainErrors
{
    public static readonly DomainError EmailInvalid =
        new("Email.Invalid", "The contact has no valid e-mail address.");
    public static readonly DomainError EmailUsedByAnotherUser =
        new("Email.UsedByAnotherUser", "This e-mail address is already used by another user.");
    public static readonly DomainError EmailBelongsToInternalUser =
        new("Email.InternalUser", "This e-mail address belongs to an internal user; internal users can't be portal users.");
    public static readonly DomainError EmailLockedByPortalAccess =
        new("Email.LockedByPortalAccess", "This e-mail address is the contact's portal login and can't be changed here.");

    public static readonly DomainError CompanyMustBeACompany =
        new("Contact.CompanyMustBeACompany", "A person can only belong to a company contact.");
    public static readonly DomainError CompanyCannotBelongToACompany =
        new("Contact.CompanyCannotBelongToACompany", "A company can't belong to another company.");

    public static readonly DomainError AccessAlreadyGranted =
        new("PortalAccess.AlreadyGranted", "This contact already has portal access.");
    public static readonly DomainError AccessNotGranted =
        new("PortalAccess.NotGranted", "This contact has no portal access.");
    public static readonly DomainError InvitationJustSent =
        new("PortalAccess.InvitationJustSent",
            "An invitation was just sent to this contact. Please wait a minute before sending another one.");

    public static readonly DomainError JobContactGone =
        new("PortalAccessJob.ContactGone", "The contact no longer exists.");
    public static readonly DomainError JobAlreadyFinished =
        new("PortalAccessJob.AlreadyFinished", "This job has already finished.");
    public static readonly DomainError CompanyAdministratorNeedsCompany =
        new("CompanyAdministrator.NeedsCompany",
            "Only a person who belongs to a company contact can be the company's administrator.");
    public static readonly DomainError CompanyAdministratorNeedsAccess =
        new("CompanyAdministrator.NeedsAccess", "Only a portal user can be the company's administrator. Please grant access first.");
    public static readonly DomainError CompanyAdministratorNotOnThemselves =
        new("CompanyAdministrator.NotOnThemselves",
            "You can't change your own access here. Please ask another company administrator or contact us.");
    public static readonly DomainError CompanyAdministratorLastOne =
        new("CompanyAdministrator.LastOne", "Your company must keep at least one company administrator.");
    public static readonly DomainError CompanyAdministratorNotAColleague =
        new("CompanyAdministrator.NotAColleague", "This person doesn't belong to your company.");

    public static readonly DomainError ColleagueInvitationsOff =
        new("CompanyAccounts.InvitationsOff", "Inviting colleagues is switched off. Please contact us to give a colleague access.");
    public static readonly DomainError ColleagueInvitationsTooFrequent =
        new("CompanyAccounts.TooFrequent",
            "Your company has sent as many invitations as allowed in one hour. Please try again later.");
    public static readonly DomainError CompanyPortalUserLimitReached =
        new("CompanyAccounts.LimitReached",
            "Your company has reached the maximum number of portal users. Revoke the access of someone who no longer needs it, or contact us.");
    public static readonly DomainError ColleagueRequestAlreadyDecided =
        new("CompanyAccounts.RequestDecided", "This request has already been decided.");
    public static readonly DomainError CompanyDetailsReadOnly =
        new("CompanyAccounts.DetailsReadOnly", "To change these details, please contact us.");

    public static readonly DomainError AccountCannotSignIn =
        new("Account.CannotSignIn", "This account can't sign in.");
    public static readonly DomainError TwoFactorAlreadyEnabled =
        new("TwoFactor.AlreadyEnabled", "Two-factor authentication is already on.");
    public static readonly DomainError TwoFactorNotEnabled =
        new("TwoFactor.NotEnabled", "Two-factor authentication is off.");
    public static readonly DomainError TwoFactorSetupNotStarted =
        new("TwoFactor.SetupNotStarted", "Please start the two-factor setup again.");
    public static readonly DomainError LinkInvalid =
        new("AccountLink.Invalid", "This link is not valid, was already used or has expired. Please request a new one.");
    public static readonly DomainError NoEmailChangePending =
        new("EmailChange.NonePending", "There is no e-mail change waiting for confirmation.");
    public static readonly DomainError EmailChangeNeedsActiveAccess =
        new("EmailChange.NeedsActiveAccess", "Only the e-mail address of an active portal user can be changed this way.");
    public static readonly DomainError NewEmailInvalid =
        new("EmailChange.Invalid", "Please enter a valid e-mail address.");
    public static readonly DomainError NewEmailUnchanged =
        new("EmailChange.Unchanged", "The new e-mail address is the same as the current one.");

    public static readonly DomainError InvitationUnknown =
        new("Invitation.Unknown", "This invitation link is not valid.");
    public static readonly DomainError InvitationExpired =
        new("Invitation.Expired", "This invitation link has expired.");
    public static readonly DomainError InvitationUsed =
        new("Invitation.Used", "This invitation link has already been used.");
    public static readonly DomainError InvitationVoided =
        new("Invitation.Voided", "This invitation link was replaced by a newer one.");
    public static readonly DomainError InvitationRevoked =
        new("Invitation.Revoked", "Portal access for this account has been revoked.");

    public static readonly DomainError PageTitleRequired =
        new("Page.TitleRequired", "Please enter a title.");
    public static readonly DomainError PageTitleTooLong =
        new("Page.TitleTooLong", "The title may have at most {0} characters.", PortalPage.TitleMaxLength);
    public static readonly DomainError PageSlugInvalid =
        new("Page.SlugInvalid",
            "The address may contain only lower-case letters, digits and hyphens (at most 100), " +
            "and must start and end with a letter or digit.");
    public static readonly DomainError PageSlugReserved =
        new("Page.SlugReserved", "This address is reserved for the site itself. Please choose another one.");
    public static readonly DomainError PageKindInvalid =
        new("Page.KindInvalid", "Please choose page or blog post.");
    public static readonly DomainError PageLanguageInvalid =
        new("Page.LanguageInvalid", "Please choose English or German.");
    public static readonly DomainError BlogPostNeedsPublicationDate =
        new("Page.BlogPostNeedsDate", "A blog post needs a publication date.");
    public static readonly DomainError PageAudienceInvalid =
        new("Page.AudienceInvalid", "Please choose who may read the page: everyone or portal users.");

    public static readonly DomainError DocumentKindUnknown =
        new("Document.KindUnknown", "Please choose quotation, sales order, invoice or credit note.");
    public static readonly DomainError DocumentNumberInvalid =
        new("Document.NumberInvalid", "Please enter a document number of at most {0} characters.", Document.NumberMaxLength);
    public static readonly DomainError DocumentNumberTaken =
        new("Document.NumberTaken", "Another document of this kind already has this number.");
    public static readonly DomainError DocumentDueDateOnlyForInvoices =
        new("Document.DueDateOnlyForInvoices", "Only invoices have a due date.");
    public static readonly DomainError DocumentDueBeforeIssued =
        new("Document.DueBeforeIssued", "The due date can't be before the document date.");
    public static readonly DomainError DocumentCurrencyUnknown =
        new("Document.CurrencyUnknown", "Please enter a currency as its ISO 4217 code, e.g. EUR.");
    public static readonly DomainError DocumentNeedsLines =
        new("Document.NeedsLines", "A document needs at least one line.");
    public static readonly DomainError DocumentTooManyLines =
        new("Document.TooManyLines", "A document can have at most {0} lines.", Document.MaxLines);
    public static readonly DomainError DocumentLineDescriptionInvalid =
        new("Document.LineDescriptionInvalid", "Every line needs a description of at most {0} characters.",
            DocumentLine.DescriptionMaxLength);
    public static readonly DomainError DocumentLineQuantityInvalid =
        new("Document.LineQuantityInvalid", "A line's quantity must be more than 0 and at most {0:N0}, with at most four decimal places.",
            DocumentLine.MaxQuantity);
    public static readonly DomainError DocumentLineUnitPriceInvalid =
        new("Document.LineUnitPriceInvalid", "A line's unit price must be between -{0:N0} and {0:N0}, with at most four decimal places.",
            DocumentLine.MaxUnitPrice);
    public static readonly DomainError DocumentTotalBelowZero =
        new("Document.TotalBelowZero", "The discounts are larger than the rest of the document; its total can't be below zero.");
    public static readonly DomainError DocumentLineTaxRateInvalid =
        new("Document.LineTaxRateInvalid", "A line's tax rate must be between 0 and 100 percent.");
    public static readonly DomainError DocumentOnlyDraftsChange =
        new("Document.OnlyDraftsChange", "Only a draft can be changed; this document has already left the draft status.");
    public static readonly DomainError DocumentStatusNotForKind =
        new("Document.StatusNotForKind", "This status doesn't exist for this kind of document.");
    public static readonly DomainError DocumentStatusChangeNotAllowed =
        new("Document.StatusChangeNotAllowed", "The document can't move from its current status to this one.");
    public static readonly DomainError DocumentPdfEmpty =
        new("Document.PdfEmpty", "Please choose a PDF file.");
    public static readonly DomainError DocumentPdfTooLarge =
        new("Document.PdfTooLarge", "The PDF file is larger than {0} MB.", DocumentFile.MaxSizeMegabytes);
    public static readonly DomainError DocumentPdfInvalid =
        new("Document.PdfInvalid", "This file is not a PDF document.");
    public static readonly DomainError DocumentHasNoPdf =
        new("Document.HasNoPdf", "This document has no PDF.");

    public static readonly DomainError IbanInvalid =
        new("Payment.IbanInvalid", "Please enter a valid IBAN.");
    public static readonly DomainError AccountHolderInvalid =
        new("Payment.AccountHolderInvalid", "Please enter the account holder's name (at most {0} characters).",
            PaymentMethod.AccountHolderMaxLength);
    public static readonly DomainError BicInvalid =
        new("Payment.BicInvalid", "Please enter a valid BIC (8 or 11 letters and digits, e.g. COBADEFFXXX) or leave the field empty.");
    public static readonly DomainError BicCountryMismatch =
        new("Payment.BicCountryMismatch", "The BIC belongs to a bank in another country than the IBAN. Please check both.");
    public static readonly DomainError PaymentMethodLimitReached =
        new("Payment.LimitReached", "You can keep at most {0} bank accounts. Please remove one before adding another.",
            ContactPaymentMethods.MaxCount);
    public static readonly DomainError BankAccountAlreadySaved =
        new("Payment.AlreadySaved", "This bank account is already saved.");

    public static readonly DomainError ApiKeyNameInvalid =
        new("ApiKey.NameInvalid", "Please name the key (one line, at most {0} characters).", ApiKeys.ApiKey.NameMaxLength);
    public static readonly DomainError ApiKeyRoleInvalid =
        new("ApiKey.RoleInvalid", "An API key is either a portal manager or read-only.");
    public static readonly DomainError ApiKeyExpiryInPast =
        new("ApiKey.ExpiryInPast", "The expiry date must be in the future.");
    public static readonly DomainError ApiKeyRateLimitInvalid =
        new("ApiKey.RateLimitInvalid", "The limit must be between 1 and {0} requests per minute.", ApiKeys.ApiKey.MaxRequestsPerMinute);
    public static readonly DomainError ApiKeyAlreadyRevoked =
        new("ApiKey.AlreadyRevoked", "This API key has already been revoked.");

    public static readonly DomainError StaffEmailInvalid =
        new("Staff.EmailInvalid", "Please enter a valid e-mail address.");
    public static readonly DomainError StaffNameInvalid =
        new("Staff.NameInvalid", "Please enter the colleague's name (at most {0} characters).", InternalUser.DisplayNameMaxLength);
    public static readonly DomainError StaffRoleInvalid =
        new("Staff.RoleInvalid", "Please choose a role.");
    public static readonly DomainError DailyDigestNotForRole =
        new("Staff.DailyDigestNotForRole", "The daily digest is for colleagues who manage portal access.");
    public static readonly DomainError StaffRoleUnchanged =
        new("Staff.RoleUnchanged", "This colleague already has that role.");
    public static readonly DomainError StaffAlreadyJoined =
        new("Staff.AlreadyJoined", "This colleague has already accepted the invitation.");
    public static readonly DomainError StaffInvitationJustSent =
        new("Staff.InvitationJustSent",
            "An invitation was just sent to this colleague. Please wait a minute before sending another one.");
    public static readonly DomainError StaffAlreadyDeactivated =
        new("Staff.AlreadyDeactivated", "This colleague is already deactivated.");
    public static readonly DomainError StaffNotDeactivated =
        new("Staff.NotDeactivated", "This colleague is not deactivated.");
    public static readonly DomainError StaffCannotDeactivateThemselves =
        new("Staff.CannotDeactivateThemselves", "You can't deactivate your own account. Ask another administrator.");
    public static readonly DomainError LastAdministrator =
        new("Staff.LastAdministrator", "This is the last active administrator. Make someone else an administrator first.");
    public static readonly DomainError NotPermitted =
        new("Staff.NotPermitted", "Your role doesn't allow this. Ask an administrator if you need it.");

    public static readonly DomainError NewLinkNotAvailable =
        new("Link.NewLinkNotAvailable", "No new link can be sent for this one right now.");

    public static readonly DomainError InvitationNotDueForReminder =
        new("Invitation.NotDueForReminder", "This invitation needs no reminder.");

    public static readonly DomainError MailAlreadySent =
        new("Mail.AlreadySent", "This e-mail has already been delivered; it can't be sent again.");

    public static readonly DomainError CreditorIdentifierInvalid =
        new("Settings.CreditorIdentifierInvalid",
            "Please enter a valid SEPA creditor identifier (e.g. DE98ZZZ09999999999: country, check digits, business code, national number).");
    public static readonly DomainError SettingsInvalid =
        new("Settings.Invalid", "These settings are not valid.");

    public static readonly DomainError WebhookUrlInvalid =
        new("Webhook.UrlInvalid", "Please enter the receiver's full address, e.g. https://erp.example.com/portal-events (at most {0} characters).",
            Webhooks.WebhookAddress.MaxLength);
    public static readonly DomainError WebhookUrlNeedsHttps =
        new("Webhook.UrlNeedsHttps", "The address must start with https://, so that events and their signature travel encrypted.");
    public static readonly DomainError WebhookUrlPrivate =
        new("Webhook.UrlPrivate", "Webhooks can't be sent to this address: it belongs to this server or a private network.");
    public static readonly DomainError WebhookNeedsEvents =
        new("Webhook.NeedsEvents", "Please choose at least one event.");

    public static readonly DomainError ContactImportEmpty =
        new("ContactImport.Empty", "The file is empty. Please choose a CSV file with a header row and one contact per row.");
    public static readonly DomainError ContactImportTooLarge =
        new("ContactImport.TooLarge", "The file is larger than {0} MB. Please split it into smaller files.", ContactImport.MaxSizeMegabytes);
    public static readonly DomainError ContactImportTooManyRows =
        new("ContactImport.TooManyRows", "The file has more than {0} rows. Please split it into smaller files.", ContactImport.MaxRows);
    public static readonly DomainError ContactImportNotText =
        new("ContactImport.NotText", "This file is not a CSV text file. Please save it as CSV (UTF-8 or Windows-1252).");
    public static readonly DomainError ContactImportMappingInvalid =
        new("ContactImport.MappingInvalid", "Please assign each field to one column at most, and a column to the name or the e-mail.");
}
