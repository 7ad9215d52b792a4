using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Api;

/// <summary>The stored answers of idempotent POSTs, per API key, and the reservations of the keys whose request still runs.</summary>
public sealed class IdempotentResponses(PortalDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Reserves the key for this request, or returns what holds it already: a kept answer or another request's reservation.
    /// The unique index on (API key, key) decides between two requests sent at the same moment: only one insert succeeds.
    /// </summary>
    public async Task<(IdempotentResponse? Reservation, IdempotentResponse? Holder)> ReserveAsync(
        int apiKeyId, string key, string requestHash, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var expired = now - IdempotentResponse.Lifetime;
            var abandoned = now - IdempotentResponse.AbandonedAfter;
            await db.IdempotentResponses
                .Where(r => r.ApiKeyId == apiKeyId && r.Key == key
                    && (r.CreatedAt <= expired || (r.StatusCode == 0 && r.CreatedAt <= abandoned)))
                .ExecuteDeleteAsync(cancellationToken);

            var reservation = IdempotentResponse.Reserve(apiKeyId, key, requestHash, now);
            db.Add(reservation);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (reservation, null);
            }
            catch (DbUpdateException)
            {
                // Another request holds the key.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
            var holder = await db.IdempotentResponses.AsNoTracking()
                .FirstOrDefaultAsync(r => r.ApiKeyId == apiKeyId && r.Key == key, cancellationToken);
            // The holder may have let go of the key (its request failed) between our insert and this read: try once more.
            if (holder is not null || attempt > 0) return (null, holder);
        }
    }

    /// <summary>Keeps the answer of the request that reserved the key, for its retries.</summary>
    public Task CompleteAsync(
        IdempotentResponse reservation, int statusCode, string? contentType, string? location, byte[] body,
        CancellationToken cancellationToken) =>
        db.IdempotentResponses.Where(r => r.Id == reservation.Id)
            .ExecuteUpdateAsync(r => r
                .SetProperty(x => x.StatusCode, statusCode)
                .SetProperty(x => x.ContentType, contentType)
                .SetProperty(x => x.Location, location)
                .SetProperty(x => x.Body, body), cancellationToken);

    /// <summary>Gives the key back: the request did nothing its retry must not do again (it failed or was throttled).</summary>
    public Task ReleaseAsync(IdempotentResponse reservation) =>
        db.IdempotentResponses.Where(r => r.Id == reservation.Id && r.StatusCode == 0).ExecuteDeleteAsync(CancellationToken.None);
}
