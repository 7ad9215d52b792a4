using Ardalis.Specification;
using Portal.Domain.ApiKeys;
using Portal.Domain.Users;

namespace Portal.Application.ApiKeys;

/// <summary>The role of a key that may call now; nothing for a revoked or expired one.</summary>
public sealed class UsableApiKeyRoleSpec : SingleResultSpecification<ApiKey, StaffRole?>
{
    public UsableApiKeyRoleSpec(int keyId, DateTimeOffset now)
    {
        Query.Where(k => k.Id == keyId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now)).AsNoTracking();
        Query.Select(k => (StaffRole?)k.Role);
    }
}

/// <summary>The key a presented secret names by its public part, tracked so its last use can be noted.</summary>
public sealed class ApiKeyByPublicIdSpec : SingleResultSpecification<ApiKey>
{
    public ApiKeyByPublicIdSpec(string publicId) => Query.Where(k => k.PublicId == publicId);
}

public sealed class ApiKeyListSpec : Specification<ApiKey, ApiKeyRow>
{
    public ApiKeyListSpec()
    {
        Query.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ThenBy(k => k.Id);
        Query.Select(k => new ApiKeyRow(k.Id, k.Name, k.PublicId, k.Role, k.RequestsPerMinute, k.CreatedAt, k.CreatedBy, k.ExpiresAt,
            k.LastUsedAt, k.RevokedAt));
    }
}
