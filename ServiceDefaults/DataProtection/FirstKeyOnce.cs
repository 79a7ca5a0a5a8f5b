using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Reseller.ServiceDefaults.DataProtection;

/// <summary>
/// The key manager of a key ring shared by replicas, which creates the ring's first key once for them all. Data Protection
/// creates a key, active at once, when it finds none; replicas that start together on an empty ring would each create one,
/// and each would keep only its own in memory until its next refresh (a day): a mail queued or a webhook secret sealed by
/// one replica could not be opened by the other. The first time this process reads the ring, it takes a PostgreSQL advisory
/// lock in TDb and creates a key only if no replica has one active; the others wait for the lock, then read that key.
/// Keys after the first are created by Data Protection two days before they take over, which every replica sees in time.
/// </summary>
public sealed class FirstKeyOnce<TDb>(IKeyManager inner, IServiceScopeFactory scopes, IOptions<KeyManagementOptions> options) : IKeyManager
    where TDb : DbContext
{
    private const long FirstKeyLockKey = 7_262_011_302;
    private readonly Lock gate = new();
    private bool checkedOnce;

    public IReadOnlyCollection<IKey> GetAllKeys()
    {
        EnsureFirstKey();
        return inner.GetAllKeys();
    }

    public IKey CreateNewKey(DateTimeOffset activationDate, DateTimeOffset expirationDate) => inner.CreateNewKey(activationDate, expirationDate);

    public CancellationToken GetCacheExpirationToken() => inner.GetCacheExpirationToken();

    public void RevokeKey(Guid keyId, string? reason = null) => inner.RevokeKey(keyId, reason);

    public void RevokeAllKeys(DateTimeOffset revocationDate, string? reason = null) => inner.RevokeAllKeys(revocationDate, reason);

    private void EnsureFirstKey()
    {
        lock (gate)
        {
            if (checkedOnce)
            {
                return;
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TDb>();
            using var transaction = db.Database.BeginTransaction();
            db.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({FirstKeyLockKey})");
            // Data Protection reads the machine's clock, not the platform's (the sandbox clock moves only the business).
            var now = DateTimeOffset.UtcNow;
            if (!inner.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now))
            {
                inner.CreateNewKey(now, now + options.Value.NewKeyLifetime);
            }
            transaction.Commit();
            checkedOnce = true;
        }
    }
}
