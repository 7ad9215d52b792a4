namespace Portal.Domain.Common;

/// <summary>Every refusal the domain can give. The messages are the English texts and the localization keys.</summary>
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
}
