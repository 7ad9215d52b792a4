using Portal.Domain.Contacts;

namespace Portal.Domain.Users;

/// <summary>A back-office user. Never a portal user: its login blocks the same e-mail for portal access.</summary>
public sealed class InternalUser : UserAccount
{
    private InternalUser() => Kind = UserKind.Internal;

    public string DisplayName { get; private set; } = "";

    public override bool CanSignIn => PasswordHash is not null;

    public static InternalUser Create(string email, string displayName) => new()
    {
        Login = EmailAddress.Normalize(email),
        DisplayName = displayName.Trim(),
    };

    /// <summary>Sets a new password; every existing session of this user ends.</summary>
    public void SetPassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        RotateSecurityStamp();
        Touch();
    }
}
