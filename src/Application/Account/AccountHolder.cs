using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>Who an account belongs to, as mails greet them and the password policy checks for personal data.</summary>
public sealed record AccountHolder(string Name, string Language)
{
    /// <param name="account">A portal user with its contact loaded, or a colleague.</param>
    public static AccountHolder Of(UserAccount account) => account switch
    {
        PortalUser portal => new(portal.Contact.Name, portal.Contact.PreferredLanguage),
        InternalUser staff => new(staff.DisplayName, staff.MailLanguage),
        _ => new(account.Login, "en"),
    };
}
