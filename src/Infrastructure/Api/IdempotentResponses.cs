using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Api;

/// <summary>The stored answers of idempotent POSTs, per API key.</summary>
public sealed class IdempotentResponses(PortalDbContext db, TimeProvider clock)
{
    public Task<IdempotentResponse?> FindAsync(int apiKeyId, string key, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - IdempotentResponse.Lifetime;
        return db.Set<IdempotentResponse>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.ApiKeyId == apiKeyId && r.Key == key && r.CreatedAt > since, cancellationToken);
    }

    /// <summary>Keeps the answer; an expired one under the same key makes room, a concurrent first answer wins.</summary>
    public async Task KeepAsync(
        int apiKeyId, string key, string requestHash, int statusCode, string? contentType, string? location, byte[] body,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = now - IdempotentResponse.Lifetime;
        await db.Set<IdempotentResponse>().Where(r => r.ApiKeyId == apiKeyId && r.Key == key && r.CreatedAt <= expired)
            .ExecuteDeleteAsync(cancellationToken);
        db.ChangeTracker.Clear();
        db.Add(new IdempotentResponse(apiKeyId, key, requestHash, statusCode, contentType, location, body, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same key was answered by a concurrent request a moment ago; its answer is the one kept.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
