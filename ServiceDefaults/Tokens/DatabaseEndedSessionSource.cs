using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Reseller.ServiceDefaults.Tokens;

public sealed class DatabaseEndedSessionSource<TDb>(IServiceScopeFactory scopes, TimeProvider clock) : IEndedSessionSource where TDb : DbContext
{
    public async Task<IReadOnlyList<EndedSession>> RecentAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await SessionStamps.RecentAsync(scope.ServiceProvider.GetRequiredService<TDb>(), clock.GetUtcNow(), cancellationToken);
    }
}
