using Portal.Domain.Users;

namespace Portal.Application.Common;

public interface IPasswordHasher
{
    string Hash(UserAccount user, string password);
    PasswordCheck Verify(UserAccount user, string passwordHash, string password);

    /// <summary>Spends the same time as a real check against no account, so a sign-in can't reveal whether an e-mail exists.</summary>
    void VerifyAgainstNoAccount(string password);
}
