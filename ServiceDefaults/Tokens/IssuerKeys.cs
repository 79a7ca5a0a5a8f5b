using System.Collections.Concurrent;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Reseller.ServiceDefaults.Tokens;

/// <summary>
/// The public keys of every trusted issuer, fetched from its JWKS (GET http://{issuer}/.well-known/jwks.json, internal) and
/// kept for <see cref="KeepFor"/>; a kid not yet known is fetched again at most every few seconds, so a rolled key is found
/// at once. The issuer's own keys come from its ring. Fetched before validation, read synchronously by the key resolver.
/// The issuer's list of ended sessions is loaded along with its keys.
/// </summary>
public sealed class IssuerKeys(IHttpClientFactory http, ServiceIdentity self, IServiceProvider services, EndedSessions sessions, ILogger<IssuerKeys> logger)
{
    public const string HttpClientName = "jwks";
    public const string Path = "/.well-known/jwks.json";
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RefetchOnMissAtMostEvery = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (IReadOnlyList<SecurityKey> Keys, long FetchedAt)> known = new(StringComparer.Ordinal);

    public async Task EnsureAsync(string issuer, string? keyId, CancellationToken cancellationToken)
    {
        if (!TrustedIssuers.IsTrusted(issuer))
        {
            return;
        }
        var age = known.TryGetValue(issuer, out var entry) ? Environment.TickCount64 - entry.FetchedAt : long.MaxValue;
        var missing = entry.Keys is null || !entry.Keys.Any(k => k.KeyId == keyId);
        if (age >= KeepFor.TotalMilliseconds || (missing && age >= RefetchOnMissAtMostEvery.TotalMilliseconds))
        {
            if (age >= KeepFor.TotalMilliseconds)
            {
                await sessions.LoadAsync(issuer, cancellationToken);
            }
            if (await FetchAsync(issuer, cancellationToken) is { } keys)
            {
                known[issuer] = (keys, Environment.TickCount64);
            }
        }
    }

    public IEnumerable<SecurityKey> Find(string? issuer, string? keyId) =>
        issuer is not null && known.TryGetValue(issuer, out var entry) ? entry.Keys.Where(k => k.KeyId == keyId) : [];

    private async Task<IReadOnlyList<SecurityKey>?> FetchAsync(string issuer, CancellationToken cancellationToken)
    {
        try
        {
            if (issuer == self.Name && services.GetService<SigningKeyRing>() is { } ring)
            {
                return (await ring.PublishedAsync(cancellationToken)).Keys.ToList();
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
