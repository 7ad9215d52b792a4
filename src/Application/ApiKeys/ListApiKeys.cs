using Mediator;
using Portal.Application.Common;
using Portal.Domain.ApiKeys;
using Portal.Domain.Users;

namespace Portal.Application.ApiKeys;

/// <summary>Every API key, live ones first: role, when it was created, last used and expires, and whether it was revoked.</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record ListApiKeys : IStaffRequest, IRequest<IReadOnlyList<ApiKeyRow>>;

public enum ApiKeyStatus { Active, Expired, Revoked }

public sealed record ApiKeyRow(
    int Id,
    string Name,
    string PublicId,
    StaffRole Role,
    int? RequestsPerMinute,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>What the key shows to the reader: the public part only, never the secret.</summary>
    public string Hint => $"{ApiKey.Prefix}{PublicId}_…";

    public ApiKeyStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? ApiKeyStatus.Revoked
        : ExpiresAt is { } expiry && expiry <= now ? ApiKeyStatus.Expired
        : ApiKeyStatus.Active;
}

public sealed class ListApiKeysHandler(IReadRepository<ApiKey> apiKeys) : IRequestHandler<ListApiKeys, IReadOnlyList<ApiKeyRow>>
{
    public async ValueTask<IReadOnlyList<ApiKeyRow>> Handle(ListApiKeys query, CancellationToken cancellationToken) =>
        await apiKeys.ListAsync(new ApiKeyListSpec(), cancellationToken);
}
