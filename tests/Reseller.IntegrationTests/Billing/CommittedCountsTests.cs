using Microsoft.Extensions.DependencyInjection;

using Reseller.Billing.Data;

namespace Reseller.IntegrationTests.Billing;

/// <summary>
/// Billing's counters (reseller.payments, reseller.invoices.issued) count through <see cref="BillingDb.CountOnCommit"/>: only
/// once the unit of work committed, so a rollback or a retried transaction never counts twice.
/// </summary>
public sealed class CommittedCountsTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task A_count_is_made_once_after_its_commit_and_never_for_a_rolled_back_abandoned_or_retried_transaction() =>
        await billing.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<BillingDb>();
            var counted = 0;

            await using (var rolledBack = await db.Database.BeginTransactionAsync())
            {
                db.CountOnCommit(() => counted++);
                await db.SaveChangesAsync();
                await rolledBack.RollbackAsync();
            }
            await using (await db.Database.BeginTransactionAsync())
            {
                // Abandoned without commit nor rollback (an exception left the block): dropped when the retry begins.
                db.CountOnCommit(() => counted++);
            }
            Assert.Equal(0, counted);

            await using (var retried = await db.Database.BeginTransactionAsync())
            {
                db.CountOnCommit(() => counted++);
                await db.SaveChangesAsync();
                Assert.Equal(0, counted);
                await retried.CommitAsync();
            }
            Assert.Equal(1, counted);

            db.CountOnCommit(() => counted++);
            await db.SaveChangesAsync();
            Assert.Equal(2, counted);
            return true;
        });

    [Fact]
    public async Task A_count_left_uncommitted_when_its_scope_ends_is_not_made_when_the_pooled_context_serves_another_scope()
    {
        var counted = 0;
        var first = await billing.WithServicesAsync(services =>
        {
            var db = services.GetRequiredService<BillingDb>();
            db.CountOnCommit(() => counted++);
            return Task.FromResult(db);
        });

        // The pool hands out its idle contexts in turn, and the host's background jobs rent them too (one may hold the first
        // through a slow query): save in new scopes until the first context comes back, bounded by time, not by a count.
        var reused = false;
        var deadline = DateTime.UtcNow + Eventually.Propagation;
        while (!reused && DateTime.UtcNow < deadline)
        {
            reused = await billing.WithServicesAsync(async services =>
            {
                var db = services.GetRequiredService<BillingDb>();
                await db.SaveChangesAsync();
                return ReferenceEquals(db, first);
            });
        }

        Assert.True(reused, "the pool never handed the first context out again");
        Assert.Equal(0, counted);
    }
}
