namespace Reseller.ServiceDefaults.Idempotency;

/// <summary>Where a service keeps its idempotency records: its own database.</summary>
public interface IIdempotencyStore
{
    /// <summary>Claims the key for this request, or returns the record that already holds it.</summary>
    Task<IdempotencyRecord?> TryClaimAsync(string scope, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task CompleteAsync(string scope, string key, int statusCode, string? contentType, string? location, byte[] body, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Frees a key whose request failed, so that a retry runs again.</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);
}
