using Microsoft.IdentityModel.Tokens;

namespace Reseller.ServiceDefaults.Tokens;

/// <summary>
/// The issuer's keys, read from its store at most once a minute (or when asked to, as when a kid is unknown after another
/// replica rolled the key). The first replica to find the newest key too old adds a new one; replicas finding it at once
/// decide in turn in the store (<see cref="ISigningKeyStore.AddIfDueAsync"/>), so the key rolls once and the issuer publishes
/// at most two keys.
/// </summary>
public sealed class SigningKeyRing(ISigningKeyStore store, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan ReloadEvery = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private IReadOnlyList<SigningKey> keys = [];
    private long loadedAt = -1;

    public async Task<SigningKey> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var loaded = await KeysAsync(Stale(ReloadEvery), cancellationToken);
        if (!KeyRotation.IsDue(loaded, now))
        {
            return KeyRotation.Newest(loaded)!;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            // The store decides again under its lock: another replica, or a caller here just before, may have rolled it.
            await store.AddIfDueAsync(SigningKey.Create(now), cancellationToken);
            loaded = await store.LoadAsync(cancellationToken);
            Remember(loaded);
            return KeyRotation.Newest(loaded)!;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The public keys to publish; <paramref name="reload"/> reads the store again (another replica may have rolled the key).</summary>
    public async Task<JsonWebKeySet> PublishedAsync(CancellationToken cancellationToken, bool reload = false)
    {
        await CurrentAsync(cancellationToken);
        var set = new JsonWebKeySet();
        foreach (var key in KeyRotation.Published(await KeysAsync(reload, cancellationToken), clock.GetUtcNow()))
        {
            set.Keys.Add(key.ToPublicJwk());
        }
        return set;
    }

    public void Dispose() => gate.Dispose();

    private bool Stale(TimeSpan age) => Interlocked.Read(ref loadedAt) is var at && (at < 0 || Environment.TickCount64 - at >= (long)age.TotalMilliseconds);

    private async Task<IReadOnlyList<SigningKey>> KeysAsync(bool reload, CancellationToken cancellationToken)
    {
        if (reload)
        {
            Remember(await store.LoadAsync(cancellationToken));
        }
        return Volatile.Read(ref keys);
    }

    private void Remember(IReadOnlyList<SigningKey> loaded)
    {
        Volatile.Write(ref keys, loaded);
        Interlocked.Exchange(ref loadedAt, Environment.TickCount64);
    }
}
