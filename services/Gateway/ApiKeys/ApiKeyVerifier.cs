using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;

using Reseller.Gateway.Clock;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Gateway.ApiKeys;

/// <summary>
/// Asks Partners whether an API key is live, and remembers the answer (yes or no) for at most <see cref="CacheFor"/>,
/// so a revoked key is refused within seconds while a busy integration does not cost a Partners call per request.
/// </summary>
public sealed class ApiKeyVerifier(HttpClient http, TimeProvider clock)
{
    public const string KeyPrefix = "rsk_";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private const int MaxCachedKeys = 10_000;
    private static readonly ConcurrentDictionary<string, (ApiKeyIdentity? Identity, long ExpiresAt)> Answers = new(StringComparer.Ordinal);

    public static bool LooksLikeKey(string token) => token.StartsWith(KeyPrefix, StringComparison.Ordinal) && token.Length is > 20 and < 200;

    public async Task<ApiKeyIdentity?> VerifyAsync(string key, CancellationToken cancellationToken)
    {
        // Cached by the key's hash, never by the key itself; real elapsed time, not the sandbox clock.
        var cacheKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var now = Environment.TickCount64;
        // A cached token about to expire on the platform clock (which the sandbox moves) is asked for afresh.
        if (Answers.TryGetValue(cacheKey, out var cached) && cached.ExpiresAt > now
            && (cached.Identity is null || cached.Identity.ExpiresAt > clock.GetUtcNow() + CacheFor))
        {
            return cached.Identity;
        }
        var identity = await AskPartnersAsync(key, cancellationToken);
        if (Answers.Count >= MaxCachedKeys)
        {
            foreach (var stale in Answers.Where(a => a.Value.ExpiresAt <= now).Select(a => a.Key).ToList())
            {
                Answers.TryRemove(stale, out _);
            }
        }
        Answers[cacheKey] = (identity, now + (long)CacheFor.TotalMilliseconds);
        return identity;
    }

    private async Task<ApiKeyIdentity?> AskPartnersAsync(string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/internal/api-keys/verify") { Content = JsonContent.Create(new { key }) };
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => await response.Content.ReadFromJsonAsync<ApiKeyIdentity>(InternalJson.Options, cancellationToken),
                HttpStatusCode.NotFound => null,
                _ => throw Unavailable(),
            };
        }
        catch (Exception e) when (DependencyFailures.IsDependencyFailure(e, cancellationToken.IsCancellationRequested))
        {
            throw Unavailable();
        }
    }

    public static ProblemException Unavailable() =>
        new(503, "api-keys-unavailable", "API keys cannot be checked right now; try again shortly.") { RetryAfter = TimeSpan.FromSeconds(2) };
}
