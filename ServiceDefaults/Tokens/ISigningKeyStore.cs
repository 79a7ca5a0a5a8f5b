namespace Reseller.ServiceDefaults.Tokens;

/// <summary>Where an issuer keeps its signing keys (its own database; tests keep them in memory).</summary>
public interface ISigningKeyStore
{
    Task<IReadOnlyList<SigningKey>> LoadAsync(CancellationToken cancellationToken);

    Task AddAsync(SigningKey key, CancellationToken cancellationToken);
}
