using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Reseller.ServiceDefaults.Tokens;

public sealed class DatabaseSigningKeyStore<TDb>(IServiceScopeFactory scopes) : ISigningKeyStore where TDb : DbContext
{
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
}
