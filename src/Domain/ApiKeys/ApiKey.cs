using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.Domain.ApiKeys;

/// <summary>
/// A credential another system (an ERP, a CRM) calls the integration API with. It acts with the rights of a staff role
/// (never an administrator's), may expire, and is revoked rather than deleted so the activity list keeps its name.
/// Only the hash of its secret is stored; the secret itself is shown once, when the key is created.
/// </summary>
public sealed class ApiKey : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int PublicIdLength = 12;
    public const string Prefix = "pk_";
    public const int MaxRequestsPerMinute = 100_000;
    /// <summary>Recording every call would write a row per request; once a minute tells the page enough.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    private ApiKey() { }

    public int Id { get; private set; }
    /// <summary>The part of the key that finds it again (<c>pk_{PublicId}_{secret}</c>); not a secret by itself.</summary>
    public string PublicId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public StaffRole Role { get; private set; }
    /// <summary>SHA-256 of the whole key as the caller presents it.</summary>
    public string SecretHash { get; private set; } = "";
    /// <summary>A limit of its own; without one the configured default applies.</summary>
    public int? RequestsPerMinute { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    public static bool IsGrantable(StaffRole role) => role is StaffRole.PortalManager or StaffRole.ReadOnly;

    /// <param name="secret">The whole key (<c>pk_{publicId}_{random}</c>) and its hash; only the hash is kept.</param>
    public static ApiKey Create(
        string name,
        StaffRole role,
        DateTimeOffset? expiresAt,
        int? requestsPerMinute,
        string publicId,
        IssuedToken secret,
        DateTimeOffset now,
        string createdBy)
    {
        var clean = name?.Trim() ?? "";
        if (clean.Length == 0 || clean.Length > NameMaxLength || !PlainText.IsOneVisibleLine(clean))
            throw new DomainException(DomainErrors.ApiKeyNameInvalid);
        if (!IsGrantable(role)) throw new DomainException(DomainErrors.ApiKeyRoleInvalid);
        if (expiresAt is { } expiry && expiry <= now) throw new DomainException(DomainErrors.ApiKeyExpiryInPast);
        if (requestsPerMinute is < 1 or > MaxRequestsPerMinute) throw new DomainException(DomainErrors.ApiKeyRateLimitInvalid);
        if (publicId.Length != PublicIdLength || !secret.Token.StartsWith($"{Prefix}{publicId}_", StringComparison.Ordinal))
            throw new ArgumentException("The secret must carry the key's public id.", nameof(secret));

        var key = new ApiKey
        {
            Name = clean,
            Role = role,
            ExpiresAt = expiresAt,
            RequestsPerMinute = requestsPerMinute,
            PublicId = publicId,
            SecretHash = secret.Hash,
            CreatedAt = now,
            CreatedBy = createdBy,
        };
        key.Raise(new ApiKeyChanged(key, ActivityKind.ApiKeyCreated, createdBy, now));
        return key;
    }

    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expiry && expiry <= now;

    public bool IsUsableAt(DateTimeOffset now) => !IsRevoked && !IsExpiredAt(now);

    /// <summary>Ends the key at once: its next call is refused.</summary>
    public void Revoke(DateTimeOffset now, string revokedBy)
    {
        if (IsRevoked) throw new DomainException(DomainErrors.ApiKeyAlreadyRevoked);
        RevokedAt = now;
        RevokedBy = revokedBy;
        Raise(new ApiKeyChanged(this, ActivityKind.ApiKeyRevoked, revokedBy, now));
    }

    /// <returns>Whether the time of last use moved (and so is worth saving).</returns>
    public bool NoteUse(DateTimeOffset now)
    {
        if (LastUsedAt is { } last && now - last < LastUseResolution) return false;
        LastUsedAt = now;
        return true;
    }
}

/// <summary>An API key was created or revoked: the activity list names it and its role.</summary>
public sealed record ApiKeyChanged(ApiKey Key, ActivityKind Kind, string Actor, DateTimeOffset OccurredAt) : IRecordedActivity
{
    public ActivityEntry ToActivity(int? actorUserId) =>
        ActivityEntry.ForMany(Kind, OccurredAt, actorUserId, Actor, Key.Name, Key.Role.ToString());
}
