using System.Collections.Concurrent;

using Reseller.Partners.Webhooks.Endpoints;

namespace Reseller.Partners.Webhooks.Sending;

/// <summary>
/// The live signing secrets of each endpoint, decrypted once and kept in memory: an entry holds for the exact stored
/// (encrypted) secrets it was read from, so a roll seen by any instance reads them again; roll, patch and delete also drop
/// the entry here. The secrets are never logged (no ToString shows them).
/// </summary>
public sealed class WebhookSigningSecrets(WebhookSecrets secrets)
{
    private readonly ConcurrentDictionary<Guid, Entry> cache = new();

    /// <summary>The secret that signs, then, while a roll is within its 24 h, the previous one.</summary>
    public IReadOnlyList<string> LiveSecrets(WebhookEndpoint endpoint, DateTimeOffset now)
    {
        var previous = endpoint.ProtectedPreviousSecret is { } p && endpoint.PreviousSecretExpiresAt > now ? p : null;
        if (cache.TryGetValue(endpoint.Id, out var entry) && entry.Matches(endpoint.ProtectedSecret, previous))
        {
            return entry.Secrets;
        }
        entry = new Entry(endpoint.ProtectedSecret, previous,
            previous is null ? [secrets.Unprotect(endpoint.ProtectedSecret)] : [secrets.Unprotect(endpoint.ProtectedSecret), secrets.Unprotect(previous)]);
        cache[endpoint.Id] = entry;
        return entry.Secrets;
    }

    public void Forget(Guid endpointId) => cache.TryRemove(endpointId, out _);

    private sealed class Entry(string protectedCurrent, string? protectedPrevious, IReadOnlyList<string> secrets)
    {
        public IReadOnlyList<string> Secrets => secrets;

        public bool Matches(string current, string? previous) =>
            string.Equals(current, protectedCurrent, StringComparison.Ordinal) && string.Equals(previous, protectedPrevious, StringComparison.Ordinal);

        public override string ToString() => "[webhook signing secrets]";
    }
}
