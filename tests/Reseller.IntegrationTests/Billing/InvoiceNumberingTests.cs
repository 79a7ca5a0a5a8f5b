using Microsoft.Extensions.DependencyInjection;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;

namespace Reseller.IntegrationTests.Billing;

/// <summary>
/// Invoice numbers are gap-free per issuer and year, and run in date order: an invoice whose time was read before it
/// waited for the series' lock, while another took the next number, is dated no earlier than that other one.
/// </summary>
public sealed class InvoiceNumberingTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 31, 23, 59, 59, TimeSpan.Zero);
    private readonly string issuer = "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task A_number_taken_with_an_earlier_time_than_the_one_before_it_is_dated_as_that_one_and_a_rolled_back_number_is_given_back()
    {
        var first = await TakeAsync(Start.AddMilliseconds(900), commit: true);
        var waited = await TakeAsync(Start.AddMilliseconds(400), commit: true);
        var rolledBack = await TakeAsync(Start.AddMilliseconds(950), commit: false);
        var next = await TakeAsync(Start.AddMilliseconds(920), commit: true);

        Assert.Equal(($"{issuer}-2026-000001", Start.AddMilliseconds(900)), first);
        Assert.Equal(($"{issuer}-2026-000002", Start.AddMilliseconds(900)), waited);
        Assert.Equal($"{issuer}-2026-000003", rolledBack.Number);
        Assert.Equal(($"{issuer}-2026-000003", Start.AddMilliseconds(920)), next);
    }

    [Fact]
    public async Task One_waiting_for_the_series_lock_gets_the_next_number_dated_no_earlier_than_the_holders()
    {
        await using var holderScope = await billing.WithServicesAsync(services => Task.FromResult(services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope()));
        var holderDb = holderScope.ServiceProvider.GetRequiredService<BillingDb>();
        await using var holding = await holderDb.Database.BeginTransactionAsync();
        var held = await new InvoiceNumbering(holderDb).NextAsync(issuer, Start.AddMilliseconds(700), CancellationToken.None);

        var waiting = TakeAsync(Start, commit: true);
        await Task.Delay(TimeSpan.FromMilliseconds(300)); // Not a condition wait: the second issuer must be queued on the lock.
        if (waiting.IsCompleted)
        {
            Assert.Fail($"The second issuer did not wait for the series' lock: {waiting.Exception?.InnerException?.Message ?? (await waiting).ToString()}");
        }
        await holding.CommitAsync();

        Assert.Equal(($"{issuer}-2026-000001", Start.AddMilliseconds(700)), held);
        Assert.Equal(($"{issuer}-2026-000002", Start.AddMilliseconds(700)), await waiting);
    }

    private Task<(string Number, DateTimeOffset IssuedAt)> TakeAsync(DateTimeOffset at, bool commit) => billing.QueryAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var taken = await new InvoiceNumbering(db).NextAsync(issuer, at, CancellationToken.None);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        return taken;
    });
}
