using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

using Reseller.Contracts.Partners;
using Reseller.ServiceDefaults.InternalCalls;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Gateway.ApiKeys;

/// <summary>
/// Asks Partners whether an API key is live, and remembers the answer (yes or no) for at most <see cref="CacheFor"/>,
/// so a revoked key is refused within seconds while a busy integration does not cost a Partners call per request.
/// </summary>
public sealed class ApiKeyVerifier(InternalServiceClient partners, TimeProvider clock)
{
    public const string KeyPrefix = "rsk_";
    public const string VerifyPath = "/internal/api-keys/verify";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private const int MaxCachedKeys = 10_000;
    private static readonly ConcurrentDictionary<string, (ApiKeyVerification? Identity, long ExpiresAt)> Answers = new(StringComparer.Ordinal);

    public static bool LooksLikeKey(string token) => token.StartsWith(KeyPrefix, StringComparison.Ordinal) && token.Length is > 20 and < 200;

    public async Task<ApiKeyVerification?> VerifyAsync(string key, CancellationToken cancellationToken)
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

    /// <summary>Partners' answer, or null for a key it does not know (404); any failure to ask is <see cref="Unavailable"/>.</summary>
    private async Task<ApiKeyVerification?> AskPartnersAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await partners.FindAsync<ApiKeyVerification>(
                InternalCall.Post("partners", VerifyPath, new VerifyApiKeyRequest(key), InternalCredentials.None), cancellationToken);
        }
        catch (Exception e) when (e is ProblemException || DependencyFailures.IsDependencyFailure(e, cancellationToken.IsCancellationRequested))
        {
            throw Unavailable();
        }
    }

    public static ProblemException Unavailable() =>
        new(503, "api-keys-unavailable", "API keys cannot be checked right now; try again shortly.") { RetryAfter = TimeSpan.FromSeconds(2) };
}
