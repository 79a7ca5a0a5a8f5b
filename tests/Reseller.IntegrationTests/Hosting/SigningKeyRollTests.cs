using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.IntegrationTests.Hosting;

/// <summary>
/// An issuer's replicas that find its key due a roll at the same moment (the sandbox clock moved a month on, say) roll it
/// once: its JWKS then carries the new key and the one it replaced, never a third.
/// </summary>
public sealed class SigningKeyRollTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task Replicas_finding_the_key_due_at_once_roll_it_once()
    {
        var database = await infrastructure.CreateDatabaseAsync<PartnersDb>("signing_keys");
        await using var services = new ServiceCollection()
            .AddDbContext<PartnersDb>(o => DatabaseExtensions.Configure(o, database))
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PartnersDb>().Database.MigrateAsync();
        }
        var store = new DatabaseSigningKeyStore<PartnersDb>(services.GetRequiredService<IServiceScopeFactory>());
        var start = DateTimeOffset.UtcNow;
        await store.AddAsync(SigningKey.Create(start), CancellationToken.None);

        var later = new FixedClock(start + KeyRotation.RotateEvery + TimeSpan.FromDays(1));
        var replicas = Enumerable.Range(0, 6).Select(_ => new SigningKeyRing(store, later)).ToList();
        await Task.WhenAll(replicas.Select(ring => Task.Run(() => ring.CurrentAsync(CancellationToken.None))));

        Assert.Equal(2, (await store.LoadAsync(CancellationToken.None)).Count);
        Assert.Equal(2, (await replicas[0].PublishedAsync(CancellationToken.None, reload: true)).Keys.Count);
        replicas.ForEach(ring => ring.Dispose());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
