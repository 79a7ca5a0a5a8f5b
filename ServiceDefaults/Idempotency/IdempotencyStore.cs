using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.Idempotency;

public sealed class IdempotencyStore<TDb>(TDb db) : IIdempotencyStore where TDb : DbContext
{
    public async Task<IdempotencyRecord?> TryClaimAsync(string scope, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = now - IdempotencyRecord.Lifetime;
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotency_keys WHERE scope = {scope} AND key = {key} AND created_at < {expired}", cancellationToken);
        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ({scope}, {key}, {requestHash}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        return claimed == 1
            ? null
            : await db.Set<IdempotencyRecord>().AsNoTracking().SingleAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
    }

    public async Task CompleteAsync(string scope, string key, int statusCode, string? contentType, string? location, byte[] body, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"UPDATE idempotency_keys SET status_code = {statusCode}, content_type = {contentType}, location = {location}, response_body = {body}, completed_at = {now} WHERE scope = {scope} AND key = {key}",
            cancellationToken);

    public async Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"DELETE FROM idempotency_keys WHERE scope = {scope} AND key = {key} AND completed_at IS NULL", cancellationToken);
}
