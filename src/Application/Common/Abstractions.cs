using Ardalis.Specification;
using Portal.Domain.Users;

namespace Portal.Application.Common;

public interface IRepository<T> : IRepositoryBase<T> where T : class;

public interface IReadRepository<T> : IReadRepositoryBase<T> where T : class;

/// <summary>
/// Commits everything a command changed in one transaction. A uniqueness or concurrency clash becomes a
/// <see cref="ConflictException"/> the page can show.
/// </summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);
}

public interface IPasswordHasher
{
    string Hash(UserAccount user, string password);
    PasswordCheck Verify(UserAccount user, string passwordHash, string password);

    /// <summary>Spends the same time as a real check against no account, so a sign-in can't reveal whether an e-mail exists.</summary>
    void VerifyAgainstNoAccount(string password);
}

public enum PasswordCheck
{
    Failed,
    Success,
    SuccessRehashNeeded,
}

/// <summary>A random one-time token for a link, and the hash that is the only thing stored.</summary>
public sealed record IssuedToken(string Token, string Hash);

public interface ITokenGenerator
{
    IssuedToken Create();
    string Hash(string token);
}

/// <summary>Who sends the current command, for "who did it" in the history.</summary>
public interface ICurrentUser
{
    int? UserId { get; }
    string ActorName { get; }
    /// <summary>The client's address as the web server sees it, for the security activity log.</summary>
    string? IpAddress { get; }
}
