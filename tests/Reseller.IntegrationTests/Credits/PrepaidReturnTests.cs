using MassTransit;

using Microsoft.Extensions.DependencyInjection;

using Reseller.Contracts.Credits;
using Reseller.Credits.Ledger;

namespace Reseller.IntegrationTests.Credits;

/// <summary>The prepaid part a credit note gives back returns to the partner's prepaid credit where it was taken, once per note.</summary>
public sealed class PrepaidReturnTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private static readonly TimeSpan Wait = Eventually.Propagation;

    [Fact]
    public async Task A_credit_notes_prepaid_part_returns_to_the_earmark_first_then_the_pool_once_however_often_it_is_delivered()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        var invoiceId = Guid.CreateVersion7();
        await credits.InScopeAsync(async sp =>
        {
            var ledger = sp.GetRequiredService<CreditLedger>();
            await ledger.CreditAsync(partnerId, accountId, CreditKind.Prepaid, EntryTypes.Purchase, 1000, "seed", CancellationToken.None);
            await ledger.CreditAsync(partnerId, null, CreditKind.Prepaid, EntryTypes.Purchase, 5000, "seed", CancellationToken.None);
            return true;
        });
        // The invoice took 1000 from the account's earmark and 2000 from the pool.
        var reservationId = Guid.CreateVersion7();
        var reserved = await credits.Bus.CreateRequestClient<ReservePrepaidCredit>()
            .GetResponse<PrepaidCreditReserved>(new ReservePrepaidCredit(reservationId, partnerId, accountId, invoiceId, 3000, "USD"));
        Assert.Equal(3000, reserved.Message.Amount);
        await credits.Bus.Publish(new PrepaidReservationCommitted(reservationId, partnerId, invoiceId, 3000, DateTimeOffset.UtcNow));
        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM prepaid_reservations WHERE id = @r AND status = 'Committed'", ("r", reservationId)) == 1, Wait));

        // The first note returns 1500: the earmark's 1000 back first, 500 to the pool. Redelivered (same message id) and
        // re-published (a new message id), it is returned once.
        var first = new PrepaidCreditReturned(Guid.CreateVersion7(), partnerId, accountId, invoiceId, 1500, "USD", DateTimeOffset.UtcNow);
        var messageId = NewId.NextGuid();
        await credits.Bus.Publish(first, c => c.MessageId = messageId);
        await credits.Bus.Publish(first, c => c.MessageId = messageId);
        await credits.Bus.Publish(first);
        // A second note's 1500 all goes to the pool: the earmark got back all the invoice took from it.
        await credits.Bus.Publish(first with { CreditNoteId = Guid.CreateVersion7() });

        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'PrepaidCreditReturnedConsumer'") == 3, Wait));
        Assert.Equal(1000, await credits.BalanceAsync(partnerId, accountId, "Prepaid"));
        Assert.Equal(3000 + 500 + 1500, await credits.BalanceAsync(partnerId, null, "Prepaid"));
        Assert.Equal(3, await credits.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE partner_id = @p AND entry_type = 'refund' AND quantity > 0", ("p", partnerId)));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }
}
