using Ardalis.Specification;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.Application.Common;

/// <summary>Loads and stores aggregates; entities inside an aggregate are reached through its root.</summary>
public interface IRepository<T> : IRepositoryBase<T> where T : class, IAggregateRoot;

public interface IReadRepository<T> : IReadRepositoryBase<T> where T : class, IAggregateRoot;

/// <summary>Reads the records changes leave behind (security activity, activity entries, outbox mail) for the pages that list them.</summary>
public interface IRecordReader<T> : IReadRepositoryBase<T> where T : class, ISideEffectRecord;

/// <summary>
/// Appends a record in the unit of work that is being saved. Only domain-event handlers write records: a use case
/// raises the event and the record follows from it.
/// </summary>
public interface IRecordWriter<in T> where T : class, ISideEffectRecord
{
    void Append(T record);
}

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
