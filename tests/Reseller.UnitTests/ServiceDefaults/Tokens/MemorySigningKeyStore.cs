using Reseller.ServiceDefaults.Tokens;

namespace Reseller.UnitTests.ServiceDefaults.Tokens;

public sealed class MemorySigningKeyStore : ISigningKeyStore
{
    private readonly List<SigningKey> keys = [];

    public Task<IReadOnlyList<SigningKey>> LoadAsync(CancellationToken cancellationToken)
    {
        lock (keys)
        {
            return Task.FromResult<IReadOnlyList<SigningKey>>([.. keys]);
        }
    }

    public Task AddAsync(SigningKey key, CancellationToken cancellationToken)
    {
        lock (keys)
        {
            keys.Add(key);
        }
        return Task.CompletedTask;
    }

    public Task AddIfDueAsync(SigningKey key, CancellationToken cancellationToken)
    {
        lock (keys)
        {
            if (KeyRotation.IsDue(keys, key.CreatedAt))
            {
                keys.Add(key);
            }
        }
        return Task.CompletedTask;
    }
}
