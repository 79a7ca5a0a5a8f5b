namespace Reseller.ServiceDefaults.Tokens;

/// <summary>Where an issuer keeps its signing keys (its own database; tests keep them in memory).</summary>
public interface ISigningKeyStore
{
    Task<IReadOnlyList<SigningKey>> LoadAsync(CancellationToken cancellationToken);

    Task AddAsync(SigningKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="key"/> only if the store's keys are due a roll as of its creation (<see cref="KeyRotation.IsDue"/>),
    /// deciding that alone among the issuer's replicas, so that replicas finding the key due at once roll it once.
    /// </summary>
    Task AddIfDueAsync(SigningKey key, CancellationToken cancellationToken);
}
