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
    private readonly ConcurrentDictionary<string, Lazy<Task>> fetching = new(StringComparer.Ordinal);

    public async Task EnsureAsync(string issuer, string? keyId, CancellationToken cancellationToken)
    {
        if (!TrustedIssuers.IsTrusted(issuer))
        {
            return;
        }
        if (fetching.TryGetValue(issuer, out var inFlight) && !Knows(issuer, keyId))
        {
            await inFlight.Value.WaitAsync(cancellationToken);
        }
        var now = Environment.TickCount64;
        var age = known.TryGetValue(issuer, out var entry) ? now - entry.FetchedAt : long.MaxValue;
        var stale = age >= KeepFor.TotalMilliseconds;
        if (stale || (!Knows(issuer, keyId) && FirstMissInAWhile(issuer, keyId, now)))
        {
            await RefreshAsync(issuer, loadSessions: stale, reload: !Knows(issuer, keyId), cancellationToken);
        }
    }

    private bool Knows(string issuer, string? keyId) =>
        known.TryGetValue(issuer, out var entry) && entry.Keys.Any(k => k.KeyId == keyId);

    // One fetch per issuer at a time, shared by every request that needs it; it runs to its end even if the request that
    // started it is aborted, so the others still get its keys.
    private async Task RefreshAsync(string issuer, bool loadSessions, bool reload, CancellationToken cancellationToken)
    {
        var refresh = fetching.GetOrAdd(issuer, _ => new Lazy<Task>(() => FetchAndKeepAsync(issuer, loadSessions, reload)));
        try
        {
            await refresh.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            fetching.TryRemove(KeyValuePair.Create(issuer, refresh));
        }
    }

    private async Task FetchAndKeepAsync(string issuer, bool loadSessions, bool reload)
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
