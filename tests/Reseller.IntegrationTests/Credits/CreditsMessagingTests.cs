using MassTransit;

using Microsoft.Extensions.DependencyInjection;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Credits;
using Reseller.Credits.Data;
using Reseller.Credits.Ledger;
using Reseller.Credits.Prepaid;
using Reseller.Credits.Purchases;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.IntegrationTests.Credits;

[Collection(SharedInfrastructure.Name)]
public sealed class CreditsMessagingTests(TestInfrastructure infrastructure)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_invoice_paid_event_delivered_twice_credits_the_purchase_once()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var purchase = await credits.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CreditsDb>();
            var ordered = CreditPurchase.Order(partnerId, CreditKind.Sms, 1000, null, DateTimeOffset.UtcNow);
            db.Purchases.Add(ordered);
            await db.SaveChangesAsync();
            return ordered;
        });
        var paid = new InvoicePaid(Guid.CreateVersion7(), "RSL-TEST", partnerId, null, InvoicePurposes.CreditPurchase, "partner", 2000, "USD",
            DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow, PublicId.Format("cp", purchase.Id));

        // The same message redelivered, and the same fact published again under a new message id.
        var messageId = Guid.NewGuid();
        await credits.Bus.Publish(paid, c => c.MessageId = messageId);
        await credits.Bus.Publish(paid, c => c.MessageId = messageId);
        await credits.Bus.Publish(paid);

        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'InvoicePaidConsumer'") == 2, Wait));
        await Task.Delay(500);
        Assert.Equal(1000, await credits.BalanceAsync(partnerId, null, "Sms"));
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE partner_id = @p AND entry_type = 'purchase'", ("p", partnerId)));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    [Fact]
    public async Task A_credit_note_on_a_pack_takes_back_its_share_of_what_is_left_once()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        var invoiceId = Guid.CreateVersion7();
        await credits.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CreditsDb>();
            var purchase = CreditPurchase.Order(partnerId, CreditKind.Sms, 1000, null, DateTimeOffset.UtcNow);
            purchase.Complete(invoiceId, DateTimeOffset.UtcNow);
            db.Purchases.Add(purchase);
            await db.SaveChangesAsync();
            var ledger = sp.GetRequiredService<CreditLedger>();
            await ledger.CreditAsync(partnerId, null, CreditKind.Sms, EntryTypes.Purchase, 1000, "cp", CancellationToken.None);
            await ledger.TryDebitAsync(partnerId, null, CreditKind.Sms, EntryTypes.Assignment, 800, "acc", CancellationToken.None);
            await ledger.CreditAsync(partnerId, accountId, CreditKind.Sms, EntryTypes.Assignment, 800, "acc", CancellationToken.None);
            return true;
        });

        // Half the pack's price refunded (500 credits), announced twice: 200 are left in the pool, the assigned 800 stay.
        var note = new CreditNoteIssued(Guid.CreateVersion7(), "CN-1", invoiceId, partnerId, null, "partner", 1000, "USD", DateTimeOffset.UtcNow);
        await credits.Bus.Publish(note);
        await credits.Bus.Publish(note);

        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'CreditNoteIssuedConsumer'") == 2, Wait));
        Assert.Equal(0, await credits.BalanceAsync(partnerId, null, "Sms"));
        Assert.Equal(800, await credits.BalanceAsync(partnerId, accountId, "Sms"));
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE partner_id = @p AND entry_type = 'refund' AND quantity = -200", ("p", partnerId)));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    [Fact]
    public async Task A_reservation_request_delivered_twice_reserves_once_earmarked_credit_first()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        await SeedPrepaidAsync(credits, partnerId, accountId, earmarked: 1000, general: 5000);

        var request = new ReservePrepaidCredit(Guid.CreateVersion7(), partnerId, accountId, Guid.CreateVersion7(), 3000, "USD");
        var client = credits.Bus.CreateRequestClient<ReservePrepaidCredit>();
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.GetResponse<PrepaidCreditReserved>(request)));

        Assert.All(answers, a => Assert.Equal(3000, a.Message.Amount));
        Assert.Equal(0, await credits.BalanceAsync(partnerId, accountId, "Prepaid"));
        Assert.Equal(3000, await credits.BalanceAsync(partnerId, null, "Prepaid"));
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM prepaid_reservations WHERE partner_id = @p", ("p", partnerId)));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());

        // A reservation larger than the credit holds what there is.
        var short1 = await client.GetResponse<PrepaidCreditReserved>(request with { ReservationId = Guid.CreateVersion7(), Amount = 9999 });
        Assert.Equal(3000, short1.Message.Amount);
        Assert.Equal(0, await credits.BalanceAsync(partnerId, null, "Prepaid"));
    }

    [Fact]
    public async Task A_reservation_left_open_is_released_after_15_minutes_and_never_given_back_twice()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        await SeedPrepaidAsync(credits, partnerId, null, earmarked: 0, general: 5000);
        var request = new ReservePrepaidCredit(Guid.CreateVersion7(), partnerId, null, Guid.CreateVersion7(), 2000, "USD");
        Assert.Equal(2000, await credits.InScopeAsync(sp => sp.GetRequiredService<PrepaidReservations>().ReserveAsync(request, CancellationToken.None)));

        Assert.Equal(0, await RunSweeperAsync(credits));
        credits.Clock.AdvanceTo(credits.Clock.GetUtcNow().AddMinutes(16));
        Assert.Equal(1, await RunSweeperAsync(credits));
        Assert.Equal(5000, await credits.BalanceAsync(partnerId, null, "Prepaid"));

        // Billing's late release, and the sweeper again: nothing more comes back.
        await credits.Bus.Publish(new PrepaidReservationReleased(request.ReservationId, partnerId, DateTimeOffset.UtcNow));
        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'PrepaidReservationReleasedConsumer'") == 1, Wait));
        Assert.Equal(0, await RunSweeperAsync(credits));
        Assert.Equal(5000, await credits.BalanceAsync(partnerId, null, "Prepaid"));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    [Fact]
    public async Task A_commit_after_the_sweeper_released_takes_the_credit_again_once()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        await SeedPrepaidAsync(credits, partnerId, null, earmarked: 0, general: 5000);
        var request = new ReservePrepaidCredit(Guid.CreateVersion7(), partnerId, null, Guid.CreateVersion7(), 2000, "USD");
        await credits.InScopeAsync(sp => sp.GetRequiredService<PrepaidReservations>().ReserveAsync(request, CancellationToken.None));
        credits.Clock.AdvanceTo(credits.Clock.GetUtcNow().AddMinutes(16));
        Assert.Equal(1, await RunSweeperAsync(credits));
        Assert.Equal(5000, await credits.BalanceAsync(partnerId, null, "Prepaid"));

        var committed = new PrepaidReservationCommitted(request.ReservationId, partnerId, request.InvoiceId, 2000, DateTimeOffset.UtcNow);
        await credits.Bus.Publish(committed);
        await credits.Bus.Publish(committed);

        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'PrepaidReservationCommittedConsumer'") == 2, Wait));
        Assert.Equal(3000, await credits.BalanceAsync(partnerId, null, "Prepaid"));
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM prepaid_reservations WHERE id = @r AND status = 'Committed'", ("r", request.ReservationId)));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    [Fact]
    public async Task A_release_that_arrives_before_its_reservation_makes_it_hold_nothing()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        await SeedPrepaidAsync(credits, partnerId, null, earmarked: 0, general: 5000);
        var request = new ReservePrepaidCredit(Guid.CreateVersion7(), partnerId, null, Guid.CreateVersion7(), 2000, "USD");

        await credits.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CreditsDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var released = await sp.GetRequiredService<PrepaidReservations>().ReleaseAsync(request.ReservationId, partnerId, CancellationToken.None);
            await transaction.CommitAsync();
            return released;
        });
        Assert.Equal(0, await credits.InScopeAsync(sp => sp.GetRequiredService<PrepaidReservations>().ReserveAsync(request, CancellationToken.None)));
        Assert.Equal(5000, await credits.BalanceAsync(partnerId, null, "Prepaid"));
    }

    [Fact]
    public async Task A_transferred_out_account_returns_its_unused_credit_to_the_partners_pool()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        var plan = new AccountPlan("marketing", "plus", 1000, null, [], "monthly");
        await credits.Bus.Publish(new AccountCreated(accountId, partnerId, "acct", plan, "partner", null, "pending", DateTimeOffset.UtcNow, "n@agency.test"));
        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM credit_accounts WHERE account_id = @a AND partner_id = @p", ("a", accountId), ("p", partnerId)) == 1, Wait));
        await credits.InScopeAsync(async sp =>
        {
            var ledger = sp.GetRequiredService<CreditLedger>();
            await ledger.CreditAsync(partnerId, null, CreditKind.Sms, EntryTypes.Purchase, 1000, "test", CancellationToken.None);
            await ledger.CreditAsync(partnerId, accountId, CreditKind.Sms, EntryTypes.Assignment, 300, "test", CancellationToken.None);
            await ledger.CreditAsync(partnerId, accountId, CreditKind.Prepaid, EntryTypes.Purchase, 5000, "test", CancellationToken.None);
            return await ledger.TryDebitAsync(partnerId, accountId, CreditKind.Sms, EntryTypes.Consumption, 120, "product", CancellationToken.None);
        });

        var transfer = new AccountTransferredOut(accountId, partnerId, "owner@client.test", DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();
        await credits.Bus.Publish(transfer, c => c.MessageId = messageId);
        await credits.Bus.Publish(transfer, c => c.MessageId = messageId);

        Assert.True(await Eventually.HoldsAsync(async () => await credits.BalanceAsync(partnerId, accountId, "Sms") == 0, Wait));
        await Task.Delay(500);
        Assert.Equal(1180, await credits.BalanceAsync(partnerId, null, "Sms"));
        Assert.Equal(0, await credits.BalanceAsync(partnerId, accountId, "Prepaid"));
        Assert.Equal(5000, await credits.BalanceAsync(partnerId, null, "Prepaid"));
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM credit_accounts WHERE account_id = @a AND partner_id IS NULL", ("a", accountId)));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    private static async Task SeedPrepaidAsync(CreditsHost credits, Guid partnerId, Guid? accountId, long earmarked, long general) =>
        await credits.InScopeAsync(async sp =>
        {
            var ledger = sp.GetRequiredService<CreditLedger>();
            if (earmarked > 0)
            {
                await ledger.CreditAsync(partnerId, accountId, CreditKind.Prepaid, EntryTypes.Purchase, earmarked, "seed", CancellationToken.None);
            }
            await ledger.CreditAsync(partnerId, null, CreditKind.Prepaid, EntryTypes.Purchase, general, "seed", CancellationToken.None);
            return true;
        });

    private static Task<int> RunSweeperAsync(CreditsHost credits) =>
        credits.InScopeAsync(sp => sp.GetRequiredService<IEnumerable<Reseller.ServiceDefaults.Clock.IDueJob>>()
            .OfType<ExpiredReservationsJob>().Single().RunDueAsync(credits.Clock.GetUtcNow(), CancellationToken.None));
}
