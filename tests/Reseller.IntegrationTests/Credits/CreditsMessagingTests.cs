using MassTransit;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Credits;
using Reseller.Credits.Data;
using Reseller.Credits.Ledger;
using Reseller.Credits.Prepaid;
using Reseller.Credits.Purchases;
using Reseller.IntegrationTests.Messaging;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.IntegrationTests.Credits;

public sealed class CreditsMessagingTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private static readonly TimeSpan Wait = Eventually.Propagation;

    [Fact]
    public async Task An_invoice_paid_event_delivered_twice_credits_the_purchase_once()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var consumed = ConsumedMessages.ObserveOn(credits.Bus);
        var partnerId = Guid.CreateVersion7();
        var paid = await OrderedSmsPackPaidAsync(credits, partnerId);

        // The same message redelivered, and the same fact published again under a new message id.
        var messageId = Guid.NewGuid();
        var republishedId = Guid.NewGuid();
        await credits.Bus.Publish(paid, c => c.MessageId = messageId);
        await credits.Bus.Publish(paid, c => c.MessageId = messageId);
        await credits.Bus.Publish(paid, c => c.MessageId = republishedId);

        // Another partner's pack paid later through the same queue: once it is credited, every copy before it was handled.
        var markerPartnerId = Guid.CreateVersion7();
        var markerId = Guid.NewGuid();
        await credits.Bus.Publish(await OrderedSmsPackPaidAsync(credits, markerPartnerId), c => c.MessageId = markerId);
        Assert.True(await Eventually.HoldsAsync(async () => await credits.BalanceAsync(markerPartnerId, null, "Sms") == 1000, Wait));
        // Counted at the purchases' consumer alone: the renewals' consumer takes every InvoicePaid too, and finished with them
        // first, it once let the inbox be counted while a copy still waited on the purchase's row lock.
        Assert.True(await Eventually.HoldsAsync(() => consumed.AllHandledBy("-invoice-paid", messageId, messageId, republishedId, markerId), Wait), "Not every delivery was handled");

        Assert.Equal(1000, await credits.BalanceAsync(partnerId, null, "Sms"));
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE partner_id = @p AND entry_type = 'purchase'", ("p", partnerId)));
        Assert.Equal(3, await credits.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'InvoicePaidConsumer'"));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    [Fact]
    public async Task Two_status_changes_of_one_account_consumed_at_once_leave_the_newer_one_so_credit_follows_the_true_status()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var (accountId, partnerId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var now = credits.Clock.GetUtcNow();
        var plan = new AccountPlan("marketing", "plus", 1000, null, [], "monthly");
        await credits.Bus.Publish(new AccountCreated(accountId, partnerId, "busy", plan, "partner", null, "active", now, "notices@agency.test"));
        Assert.True(await Eventually.HoldsAsync(async () => await credits.ScalarAsync("SELECT count(*) FROM credit_accounts WHERE account_id = @a", ("a", accountId)) == 1, Wait));

        // The newer change (expired) queues on the row first and the older one behind it, as when two consumers take them side by side.
        await using (var row = await HeldRow.LockAsync(credits.ConnectionString, "credit_accounts", "account_id", accountId))
        {
            await credits.Bus.Publish(new AccountStatusChanged(accountId, partnerId, "active", "expired", "monthly", "partner", now.AddSeconds(2)));
            await row.WaitForWaitersAsync(1);
            await credits.Bus.Publish(new AccountStatusChanged(accountId, partnerId, "active", "payment_failed", "monthly", "partner", now.AddSeconds(1)));
            await row.WaitForWaitersAsync(2);
        }

        Assert.True(await Eventually.HoldsAsync(async () =>
            await credits.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'AccountStatusChangedConsumer'") == 2, Wait));
        var followed = await credits.InScopeAsync(sp => sp.GetRequiredService<CreditsDb>().Accounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId));
        Assert.Equal("expired", followed.Status);
        Assert.False(followed.InService);
    }

    /// <summary>A partner-paid marketing account Credits has started following (its AccountCreated consumed).</summary>
    private static async Task FollowedAccountAsync(CreditsHost credits, Guid partnerId, Guid accountId)
    {
        var plan = new AccountPlan("marketing", "plus", 1000, null, [], "monthly");
        await credits.Bus.Publish(new AccountCreated(accountId, partnerId, "acct", plan, "partner", null, "pending", DateTimeOffset.UtcNow, "n@agency.test"));
        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM credit_accounts WHERE account_id = @a AND partner_id = @p", ("a", accountId), ("p", partnerId)) == 1, Wait));
    }

    private static async Task<InvoicePaid> OrderedSmsPackPaidAsync(CreditsHost credits, Guid partnerId)
    {
        var purchase = await credits.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CreditsDb>();
            var ordered = CreditPurchase.Order(partnerId, CreditKind.Sms, 1000, null, DateTimeOffset.UtcNow);
            db.Purchases.Add(ordered);
            await db.SaveChangesAsync();
            return ordered;
        });
        return new InvoicePaid(Guid.CreateVersion7(), "RSL-TEST", partnerId, null, InvoicePurposes.CreditPurchase, "partner", 2000, "USD",
            DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow, PublicId.Format("cp", purchase.Id));
    }

    [Fact]
    public async Task A_credit_note_on_a_pack_takes_back_its_share_of_what_is_left_once()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        var invoiceId = Guid.CreateVersion7();
        await CreditedSmsPackAsync(credits, partnerId, invoiceId);
        await credits.InScopeAsync(async sp =>
        {
            var ledger = sp.GetRequiredService<CreditLedger>();
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
    public async Task A_credit_note_on_a_taxed_pack_takes_back_its_share_of_what_was_paid_vat_included()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var invoiceId = Guid.CreateVersion7();
        await CreditedSmsPackAsync(credits, partnerId, invoiceId);

        // 1,000 SMS at 2000 and 20 % VAT: 2400 paid. Half of it refunded (1200) is half the pack, 500, not 1200 / 2000 of it (600).
        await credits.Bus.Publish(new CreditNoteIssued(Guid.CreateVersion7(), "CN-1", invoiceId, partnerId, null, "partner", 1200, "USD", DateTimeOffset.UtcNow,
            InvoicePurposes.CreditPurchase, null, InvoiceTotal: 2400));

        Assert.True(await Eventually.HoldsAsync(async () => await credits.BalanceAsync(partnerId, null, "Sms") != 1000, Wait));
        Assert.Equal(500, await credits.BalanceAsync(partnerId, null, "Sms"));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    [Fact]
    public async Task Partial_credit_notes_that_together_refund_the_whole_pack_take_all_of_it_back()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var invoiceId = Guid.CreateVersion7();
        await CreditedSmsPackAsync(credits, partnerId, invoiceId);

        // 2400 paid for 1,000 SMS, refunded in three thirds: each third alone is 333.3 SMS, rounded down 333, and three of
        // them would leave one SMS refunded and kept. Each note takes its cumulative share: 333, 333, then 334.
        for (var note = 0; note < 3; note++)
        {
            await credits.Bus.Publish(new CreditNoteIssued(Guid.CreateVersion7(), $"CN-{note + 1}", invoiceId, partnerId, null, "partner", 800, "USD",
                DateTimeOffset.UtcNow, InvoicePurposes.CreditPurchase, null, InvoiceTotal: 2400, CreditedBefore: 800 * note));
        }

        Assert.True(await Eventually.HoldsAsync(async () => await credits.BalanceAsync(partnerId, null, "Sms") == 0, Wait),
            $"The three notes left {await credits.BalanceAsync(partnerId, null, "Sms")} SMS of the pack they refunded in full.");
        Assert.Equal(3, await credits.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE partner_id = @p AND entry_type = 'refund'", ("p", partnerId)));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    [Fact]
    public async Task A_credit_note_on_an_earmarked_pack_takes_back_the_credit_its_partner_moved_to_the_pool()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        var invoiceId = Guid.CreateVersion7();
        await FollowedAccountAsync(credits, partnerId, accountId);
        await credits.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CreditsDb>();
            var purchase = CreditPurchase.Order(partnerId, CreditKind.Prepaid, 5000, accountId, DateTimeOffset.UtcNow);
            purchase.Complete(invoiceId, DateTimeOffset.UtcNow);
            db.Purchases.Add(purchase);
            await db.SaveChangesAsync();
            var ledger = sp.GetRequiredService<CreditLedger>();
            await ledger.CreditAsync(partnerId, accountId, CreditKind.Prepaid, EntryTypes.Purchase, 5000, "cp", CancellationToken.None);
            // 4,000 of the earmark taken back to the pool, as POST /credits/prepaid/unassignments does; the pool had 700 of its own.
            await ledger.TryDebitAsync(partnerId, accountId, CreditKind.Prepaid, EntryTypes.Unassignment, 4000, "acc", CancellationToken.None);
            await ledger.CreditAsync(partnerId, null, CreditKind.Prepaid, EntryTypes.Unassignment, 4000, "acc", CancellationToken.None);
            await ledger.CreditAsync(partnerId, null, CreditKind.Prepaid, EntryTypes.Purchase, 700, "other", CancellationToken.None);
            return true;
        });

        // The whole pack refunded to the card: the 1,000 left on the account and 4,000 of the pool go back, not the 1,000 alone.
        await credits.Bus.Publish(new CreditNoteIssued(Guid.CreateVersion7(), "CN-1", invoiceId, partnerId, accountId, "partner", 5000, "USD",
            DateTimeOffset.UtcNow, InvoicePurposes.CreditPurchase, null, InvoiceTotal: 5000));

        Assert.True(await Eventually.HoldsAsync(async () => await credits.BalanceAsync(partnerId, accountId, "Prepaid") == 0, Wait));
        Assert.Equal(700, await credits.BalanceAsync(partnerId, null, "Prepaid"));
        Assert.Equal(-5000, await credits.ScalarAsync("SELECT sum(quantity) FROM ledger_entries WHERE partner_id = @p AND entry_type = 'refund'", ("p", partnerId)));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // Billing's answer to the purchase was lost: only the InvoicePaid still on its way links it.
    public async Task A_credit_note_that_overtakes_its_packs_payment_waits_and_then_takes_the_pack_back(bool linked)
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure, QuickRedelivery.Settings());
        var partnerId = Guid.CreateVersion7();
        var invoiceId = Guid.CreateVersion7();
        var paid = await OrderedSmsPackPaidAsync(credits, partnerId);
        Assert.True(PublicId.TryParse("cp", paid.Reference, out var purchaseId));
        if (linked)
        {
            await credits.InScopeAsync(sp => sp.GetRequiredService<PurchaseInvoiceLinks>().LinkAsync(purchaseId.Value, invoiceId, CancellationToken.None));
        }

        // The operator refunded the whole pack; Credits hears of the note before the payment of the invoice it credits.
        var noteId = Guid.NewGuid();
        await credits.Bus.Publish(new CreditNoteIssued(Guid.CreateVersion7(), "CN-1", invoiceId, partnerId, null, "partner", 2000, "USD", DateTimeOffset.UtcNow,
            InvoicePurposes.CreditPurchase, paid.Reference), c => c.MessageId = noteId);
        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM outbox_messages WHERE message_id = @m", ("m", noteId)) >= 1, Wait),
            "The credit note was never deferred behind the pack's payment.");
        Assert.Equal(0, await credits.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @m", ("m", noteId)));

        await credits.Bus.Publish(paid with { InvoiceId = invoiceId });

        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @m", ("m", noteId)) == 1, Wait),
            "The deferred credit note was never consumed.");
        Assert.Equal(0, await credits.BalanceAsync(partnerId, null, "Sms"));
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE partner_id = @p AND entry_type = 'purchase' AND quantity = 1000", ("p", partnerId)));
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE partner_id = @p AND entry_type = 'refund' AND quantity = -1000", ("p", partnerId)));
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
    public async Task A_reservation_asked_for_again_is_held_on_and_once_swept_is_held_again_whole_or_not_at_all()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        await SeedPrepaidAsync(credits, partnerId, accountId, earmarked: 500, general: 5000);
        var request = new ReservePrepaidCredit(Guid.CreateVersion7(), partnerId, accountId, Guid.CreateVersion7(), 2000, "USD");
        Task<long> AskAsync(ReservePrepaidCredit asked) =>
            credits.InScopeAsync(sp => sp.GetRequiredService<PrepaidReservations>().ReserveAsync(asked, CancellationToken.None));
        var start = credits.Clock.GetUtcNow();
        Assert.Equal(2000, await AskAsync(request));

        // Billing's charge takes long and it asks again after 10 minutes: the hold restarts, the sweeper leaves it at 20.
        credits.Clock.AdvanceTo(start.AddMinutes(10));
        Assert.Equal(2000, await AskAsync(request));
        credits.Clock.AdvanceTo(start.AddMinutes(20));
        Assert.Equal(0, await RunSweeperAsync(credits));
        credits.Clock.AdvanceTo(start.AddMinutes(26));
        Assert.Equal(1, await RunSweeperAsync(credits));
        Assert.Equal((500L, 5000L), (await credits.BalanceAsync(partnerId, accountId, "Prepaid"), await credits.BalanceAsync(partnerId, null, "Prepaid")));

        // Asked again once swept, the whole part is held again from the same holders.
        Assert.Equal(2000, await AskAsync(request));
        Assert.Equal((0L, 3500L), (await credits.BalanceAsync(partnerId, accountId, "Prepaid"), await credits.BalanceAsync(partnerId, null, "Prepaid")));

        // Swept again, and the partner's other charges spend the pool: what is left does not cover it, so nothing is held.
        credits.Clock.AdvanceTo(start.AddMinutes(45));
        Assert.Equal(1, await RunSweeperAsync(credits));
        Assert.Equal(4000, await AskAsync(new ReservePrepaidCredit(Guid.CreateVersion7(), partnerId, null, Guid.CreateVersion7(), 4000, "USD")));
        Assert.Equal(0, await AskAsync(request));
        Assert.Equal((500L, 1000L), (await credits.BalanceAsync(partnerId, accountId, "Prepaid"), await credits.BalanceAsync(partnerId, null, "Prepaid")));
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM prepaid_reservations WHERE id = @r AND status = 'Released'", ("r", request.ReservationId)));
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
    public async Task Prepaid_credit_earmarked_for_an_account_that_moved_out_before_it_was_paid_goes_to_the_partners_pool()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        await FollowedAccountAsync(credits, partnerId, accountId);
        var purchase = await credits.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CreditsDb>();
            var ordered = CreditPurchase.Order(partnerId, CreditKind.Prepaid, 5000, accountId, DateTimeOffset.UtcNow);
            db.Purchases.Add(ordered);
            await db.SaveChangesAsync();
            return ordered;
        });

        // Its charge waits (3-D Secure, a dunning retry) while the account moves out; then it is paid.
        await credits.Bus.Publish(new AccountTransferredOut(accountId, partnerId, "owner@client.test", DateTimeOffset.UtcNow));
        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM credit_accounts WHERE account_id = @a AND partner_id IS NULL", ("a", accountId)) == 1, Wait));
        await credits.Bus.Publish(new InvoicePaid(Guid.CreateVersion7(), "RSL-TEST", partnerId, null, InvoicePurposes.CreditPurchase, "partner", 5000, "USD",
            DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow, PublicId.Format("cp", purchase.Id)));

        Assert.True(await Eventually.HoldsAsync(async () => await credits.BalanceAsync(partnerId, null, "Prepaid") == 5000, Wait),
            "The pack paid after the account left never reached the partner's pool.");
        Assert.Equal(0, await credits.BalanceAsync(partnerId, accountId, "Prepaid"));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    [Fact]
    public async Task An_account_downgraded_to_lite_at_its_renewal_stops_sending_sms_once_that_renewal_is_paid()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        var plus = new AccountPlan("marketing", "plus", 1000, null, [new AddOnQuantity("sms", 1)], "monthly");
        var lite = plus with { Tier = "lite", AddOns = [] };
        await credits.Bus.Publish(new AccountCreated(accountId, partnerId, "acct", plus, "partner", null, "active", DateTimeOffset.UtcNow.AddDays(-20), "n@agency.test"));
        await credits.Bus.Publish(new AccountPlanChanged(accountId, partnerId, plus, plus, lite, DateTimeOffset.UtcNow.AddDays(-10), Revision: 1));
        Assert.True(await Eventually.HoldsAsync(async () => await credits.ScalarAsync(
            "SELECT count(*) FROM credit_accounts WHERE account_id = @a AND sms_enabled AND NOT sms_allowed", ("a", accountId)) == 1, Wait));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await credits.Bus.Publish(new InvoicePaid(Guid.CreateVersion7(), "RSL-TEST", partnerId, accountId, InvoicePurposes.Renewal, "partner", 2610, "USD",
            today, today.AddMonths(1), DateTimeOffset.UtcNow));

        Assert.True(await Eventually.HoldsAsync(async () => await credits.ScalarAsync(
            "SELECT count(*) FROM credit_accounts WHERE account_id = @a AND NOT sms_enabled", ("a", accountId)) == 1, Wait),
            "The lite account still sends SMS after the renewal its downgrade waited for.");
    }

    [Fact]
    public async Task An_account_moved_out_and_into_another_partner_stays_with_that_partner_when_the_move_out_is_heard_last()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var (formerPartnerId, newPartnerId, accountId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await FollowedAccountAsync(credits, formerPartnerId, accountId);
        var plan = new AccountPlan("marketing", "plus", 1000, null, [], "monthly");
        var movedOutAt = DateTimeOffset.UtcNow;

        await credits.Bus.Publish(new AccountTransferredIn(accountId, newPartnerId, "acct", plan, "partner", movedOutAt.AddMinutes(5)));
        Assert.True(await Eventually.HoldsAsync(async () => await credits.ScalarAsync(
            "SELECT count(*) FROM credit_accounts WHERE account_id = @a AND partner_id = @p", ("a", accountId), ("p", newPartnerId)) == 1, Wait));
        await credits.Bus.Publish(new AccountTransferredOut(accountId, formerPartnerId, "owner@client.test", movedOutAt));

        Assert.True(await Eventually.HoldsAsync(async () =>
            await credits.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'AccountTransferredOutConsumer'") == 1, Wait));
        Assert.Equal(1, await credits.ScalarAsync(
            "SELECT count(*) FROM credit_accounts WHERE account_id = @a AND partner_id = @p", ("a", accountId), ("p", newPartnerId)));
    }

    [Fact]
    public async Task Earmarked_prepaid_credit_given_back_after_its_account_moved_out_goes_to_the_partners_pool()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        await FollowedAccountAsync(credits, partnerId, accountId);
        await SeedPrepaidAsync(credits, partnerId, accountId, earmarked: 1000, general: 5000);
        // Two charges of the account take 600 and 300 of its earmark: the first is paid, the second still held.
        var paidCharge = new ReservePrepaidCredit(Guid.CreateVersion7(), partnerId, accountId, Guid.CreateVersion7(), 600, "USD");
        var heldCharge = new ReservePrepaidCredit(Guid.CreateVersion7(), partnerId, accountId, Guid.CreateVersion7(), 300, "USD");
        foreach (var charge in new[] { paidCharge, heldCharge })
        {
            Assert.Equal(charge.Amount, await credits.InScopeAsync(sp => sp.GetRequiredService<PrepaidReservations>().ReserveAsync(charge, CancellationToken.None)));
        }
        await credits.Bus.Publish(new PrepaidReservationCommitted(paidCharge.ReservationId, partnerId, paidCharge.InvoiceId, 600, DateTimeOffset.UtcNow));
        Assert.True(await Eventually.HoldsAsync(async () => await credits.ScalarAsync(
            "SELECT count(*) FROM prepaid_reservations WHERE id = @r AND status = 'Committed'", ("r", paidCharge.ReservationId)) == 1, Wait));

        // The account moves out (its last 100 go to the pool); then the held charge is given back, and the paid one credited.
        await credits.Bus.Publish(new AccountTransferredOut(accountId, partnerId, "owner@client.test", DateTimeOffset.UtcNow));
        Assert.True(await Eventually.HoldsAsync(async () => await credits.BalanceAsync(partnerId, null, "Prepaid") == 5100, Wait));
        await credits.Bus.Publish(new PrepaidReservationReleased(heldCharge.ReservationId, partnerId, DateTimeOffset.UtcNow));
        await credits.Bus.Publish(new PrepaidCreditReturned(Guid.CreateVersion7(), partnerId, accountId, paidCharge.InvoiceId, 600, "USD", DateTimeOffset.UtcNow));

        Assert.True(await Eventually.HoldsAsync(async () => await credits.BalanceAsync(partnerId, null, "Prepaid") == 6000, Wait),
            "Credit given back after the move stayed with the account the partner no longer has.");
        Assert.Equal(0, await credits.BalanceAsync(partnerId, accountId, "Prepaid"));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    [Fact]
    public async Task A_transferred_out_account_returns_its_unused_credit_to_the_partners_pool()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        await FollowedAccountAsync(credits, partnerId, accountId);
        await credits.InScopeAsync(async sp =>
        {
            var ledger = sp.GetRequiredService<CreditLedger>();
            await ledger.CreditAsync(partnerId, null, CreditKind.Sms, EntryTypes.Purchase, 1000, "test", CancellationToken.None);
            await ledger.CreditAsync(partnerId, accountId, CreditKind.Sms, EntryTypes.Assignment, 300, "test", CancellationToken.None);
            await ledger.CreditAsync(partnerId, accountId, CreditKind.Prepaid, EntryTypes.Purchase, 5000, "test", CancellationToken.None);
            return await ledger.TryDebitAsync(partnerId, accountId, CreditKind.Sms, EntryTypes.Consumption, 120, "product", CancellationToken.None);
        });

        // A second account of another partner, holding 50 SMS credits, moves out after it: the marker of the same queue.
        var markerPartnerId = Guid.CreateVersion7();
        var markerAccountId = Guid.CreateVersion7();
        await credits.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<CreditLedger>().CreditAsync(markerPartnerId, markerAccountId, CreditKind.Sms, EntryTypes.Assignment, 50, "test", CancellationToken.None);
            return true;
        });

        var consumed = ConsumedMessages.ObserveOn(credits.Bus);
        var transfer = new AccountTransferredOut(accountId, partnerId, "owner@client.test", DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();
        await credits.Bus.Publish(transfer, c => c.MessageId = messageId);
        await credits.Bus.Publish(transfer, c => c.MessageId = messageId);
        var markerId = Guid.NewGuid();
        await credits.Bus.Publish(new AccountTransferredOut(markerAccountId, markerPartnerId, "marker@client.test", DateTimeOffset.UtcNow), c => c.MessageId = markerId);

        Assert.True(await Eventually.HoldsAsync(async () => await credits.BalanceAsync(markerPartnerId, null, "Sms") == 50, Wait));
        Assert.True(await Eventually.HoldsAsync(() => consumed.AllHandled(messageId, messageId, markerId), Wait), "Not every delivery was handled");
        Assert.Equal(0, await credits.BalanceAsync(partnerId, accountId, "Sms"));
        Assert.Equal(1180, await credits.BalanceAsync(partnerId, null, "Sms"));
        Assert.Equal(0, await credits.BalanceAsync(partnerId, accountId, "Prepaid"));
        Assert.Equal(5000, await credits.BalanceAsync(partnerId, null, "Prepaid"));
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM credit_accounts WHERE account_id = @a AND partner_id IS NULL", ("a", accountId)));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    [Fact]
    public async Task An_accounts_status_and_sms_add_on_are_followed_whatever_order_the_events_arrive_in()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        var createdAt = DateTimeOffset.UtcNow;
        var plan = new AccountPlan("marketing", "plus", 1000, null, [new AddOnQuantity("sms", 1)], "monthly");

        // The first charge settled (active) is seen before the account's creation (pending), which must not undo it.
        await credits.Bus.Publish(new AccountStatusChanged(accountId, partnerId, "pending", "active", "monthly", "partner", createdAt.AddSeconds(1)));
        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM credit_accounts WHERE account_id = @a AND status = 'active'", ("a", accountId)) == 1, Wait));
        await credits.Bus.Publish(new AccountCreated(accountId, partnerId, "acct", plan, "partner", null, "pending", createdAt, "n@agency.test"));
        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM credit_accounts WHERE account_id = @a AND product = 'marketing'", ("a", accountId)) == 1, Wait));
        Assert.Equal(1, await credits.ScalarAsync(
            "SELECT count(*) FROM credit_accounts WHERE account_id = @a AND partner_id = @p AND status = 'active' AND sms_allowed AND sms_enabled", ("a", accountId), ("p", partnerId)));

        // The sms add-on removed: no more SMS; the account expires: out of service.
        await credits.Bus.Publish(new AccountPlanChanged(accountId, partnerId, plan, plan with { AddOns = [] }, null, createdAt.AddDays(1)));
        await credits.Bus.Publish(new AccountStatusChanged(accountId, partnerId, "active", "expired", "monthly", "partner", createdAt.AddDays(30)));
        Assert.True(await Eventually.HoldsAsync(async () => await credits.ScalarAsync(
            "SELECT count(*) FROM credit_accounts WHERE account_id = @a AND status = 'expired' AND NOT sms_allowed AND NOT sms_enabled", ("a", accountId)) == 1, Wait));
    }

    /// <summary>A 1,000-SMS pack of the partner, paid by <paramref name="invoiceId"/> and credited to its pool.</summary>
    private static Task<bool> CreditedSmsPackAsync(CreditsHost credits, Guid partnerId, Guid invoiceId) =>
        credits.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CreditsDb>();
            var purchase = CreditPurchase.Order(partnerId, CreditKind.Sms, 1000, null, DateTimeOffset.UtcNow);
            purchase.Complete(invoiceId, DateTimeOffset.UtcNow);
            db.Purchases.Add(purchase);
            await db.SaveChangesAsync();
            await sp.GetRequiredService<CreditLedger>().CreditAsync(partnerId, null, CreditKind.Sms, EntryTypes.Purchase, 1000, "cp", CancellationToken.None);
            return true;
        });

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
