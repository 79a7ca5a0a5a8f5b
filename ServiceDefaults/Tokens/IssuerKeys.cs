using System.Collections.Concurrent;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Reseller.ServiceDefaults.Tokens;

/// <summary>
/// The public keys of every trusted issuer, fetched from its JWKS (GET http://{issuer}/.well-known/jwks.json, internal) and
/// kept for <see cref="KeepFor"/>; a kid not yet known is fetched for at once (each kid at most every few seconds), so a
/// rolled key is found at once. Requests that arrive while an issuer's keys are being fetched wait for that one fetch: the
/// first tokens signed with a rolled key come many at once, and none may be refused for a key that is on its way.
/// The issuer's own keys come from its ring. Fetched before validation, read synchronously by the key resolver.
/// The issuer's list of ended sessions is loaded along with its keys.
/// </summary>
public sealed class IssuerKeys(IHttpClientFactory http, ServiceIdentity self, IServiceProvider services, EndedSessions sessions, ILogger<IssuerKeys> logger)
{
    public const string HttpClientName = "jwks";
    public const string Path = "/.well-known/jwks.json";
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RefetchOnMissAtMostEvery = TimeSpan.FromSeconds(5);

    private const int MaxKeyIdLength = 64;
    private const int MaxRememberedMisses = 10_000;

    private readonly ConcurrentDictionary<string, (IReadOnlyList<SecurityKey> Keys, long FetchedAt)> known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Issuer, string KeyId), long> missedAt = new();
    // The fetch under way per issuer. Whether to join it or start one is decided under a lock (only on a miss or a stale
    // set, never on the hot path), so no request sees "no fetch under way" after another has already claimed the miss.
    private readonly Dictionary<string, Task> fetching = new(StringComparer.Ordinal);
    private readonly Lock fetchingGate = new();

    public async Task EnsureAsync(string issuer, string? keyId, CancellationToken cancellationToken)
    {
        if (!TrustedIssuers.IsTrusted(issuer))
        {
            return;
        }
        if (known.TryGetValue(issuer, out var entry) && !IsStale(entry.FetchedAt) && Holds(entry.Keys, keyId))
        {
            return;
        }
        // The fetch runs to its end even if this request is aborted, so the others waiting on it still get its keys.
        if (StartOrJoinFetch(issuer, keyId, refreshIfStale: true) is { } fetch)
        {
            await fetch.WaitAsync(cancellationToken);
        }
        // One that joined a routine refresh begun before its key existed asks once more, for its own key.
        if (!Knows(issuer, keyId) && StartOrJoinFetch(issuer, keyId, refreshIfStale: false) is { } again)
        {
            await again.WaitAsync(cancellationToken);
        }
    }

    private Task? StartOrJoinFetch(string issuer, string? keyId, bool refreshIfStale)
    {
        lock (fetchingGate)
        {
            if (fetching.TryGetValue(issuer, out var fetch))
            {
                return fetch;
            }
            var stale = refreshIfStale && Stale(issuer);
            var missing = !Knows(issuer, keyId);
            if (!stale && !(missing && FirstMissInAWhile(issuer, keyId, Environment.TickCount64)))
            {
                return null;
            }
            fetch = FetchAndKeepAsync(issuer, loadSessions: stale, reload: missing);
            fetching[issuer] = fetch;
            return fetch;
        }
    }

    private bool Stale(string issuer) => !known.TryGetValue(issuer, out var entry) || IsStale(entry.FetchedAt);

    private bool Knows(string issuer, string? keyId) => known.TryGetValue(issuer, out var entry) && Holds(entry.Keys, keyId);

    private static bool IsStale(long fetchedAt) => Environment.TickCount64 - fetchedAt >= KeepFor.TotalMilliseconds;

    private static bool Holds(IReadOnlyList<SecurityKey> keys, string? keyId) => keys.Any(k => k.KeyId == keyId);

    private async Task FetchAndKeepAsync(string issuer, bool loadSessions, bool reload)
    {
        // Off the caller's thread at once, so the fetch is registered before it can end and remove itself.
        await Task.Yield();
        try
        {
            if (loadSessions)
            {
                await sessions.LoadAsync(issuer, CancellationToken.None);
            }
            if (await FetchAsync(issuer, reload, CancellationToken.None) is { } keys)
            {
                known[issuer] = (keys, Environment.TickCount64);
            }
        }
        finally
        {
            lock (fetchingGate)
            {
                fetching.Remove(issuer);
            }
        }
    }

    // A kid not yet seen is fetched for at once (the issuer has just rolled its key), but each kid at most every few seconds,
    // so a stream of made-up kids costs one fetch each, never a retry storm.
    private bool FirstMissInAWhile(string issuer, string? keyId, long now)
    {
        if (keyId is null || keyId.Length > MaxKeyIdLength)
        {
            return false;
        }
        if (missedAt.TryGetValue((issuer, keyId), out var at) && now - at < RefetchOnMissAtMostEvery.TotalMilliseconds)
        {
            return false;
        }
        if (missedAt.Count >= MaxRememberedMisses)
        {
            missedAt.Clear();
        }
        missedAt[(issuer, keyId)] = now;
        return true;
    }

    public IEnumerable<SecurityKey> Find(string? issuer, string? keyId) =>
        issuer is not null && known.TryGetValue(issuer, out var entry) ? entry.Keys.Where(k => k.KeyId == keyId) : [];

    private async Task<IReadOnlyList<SecurityKey>?> FetchAsync(string issuer, bool reload, CancellationToken cancellationToken)
    {
        try
        {
            if (issuer == self.Name && services.GetService<SigningKeyRing>() is { } ring)
            {
                return (await ring.PublishedAsync(cancellationToken, reload)).Keys.ToList();
            }
            var json = await http.CreateClient(HttpClientName).GetStringAsync(new Uri($"http://{issuer}{Path}"), cancellationToken);
            return new JsonWebKeySet(json).Keys.Where(k => k.Alg == SigningKey.Algorithm).ToList();
        }
        catch (Exception e) when (e is HttpRequestException or ArgumentException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The keys of issuer {Issuer} could not be fetched: {Error}", issuer, e.Message);
            return null;
        }
    }
}
