using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Reseller.ServiceDefaults.Tokens;

public sealed class DatabaseSigningKeyStore<TDb>(IServiceScopeFactory scopes) : ISigningKeyStore where TDb : DbContext
{
    // Any constant will do: an advisory lock belongs to its database, which is the issuer's own.
    private const long RollLockKey = 0x5265_7365_6c4b_6579;

    public async Task<IReadOnlyList<SigningKey>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TDb>().Set<SigningKey>().AsNoTracking().ToListAsync(cancellationToken);
    }

    public async Task AddAsync(SigningKey key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        db.Set<SigningKey>().Add(key);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddIfDueAsync(SigningKey key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RollLockKey})", cancellationToken);
        if (KeyRotation.IsDue(await db.Set<SigningKey>().AsNoTracking().ToListAsync(cancellationToken), key.CreatedAt))
        {
            db.Set<SigningKey>().Add(key);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
