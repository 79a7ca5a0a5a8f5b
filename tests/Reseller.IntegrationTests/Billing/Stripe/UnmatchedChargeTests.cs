using System.Globalization;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Contracts.Accounts;
using Reseller.Testing.Stripe;

namespace Reseller.IntegrationTests.Billing.Stripe;

/// <summary>
/// A charge Stripe took for an invoice that was meanwhile paid another way or voided goes back: whichever path records it
/// (the recovery job's batch, the webhook's one-by-one), it is refunded once under a key derived from the attempt, recorded,
/// and never retried.
/// </summary>
public sealed class UnmatchedChargeTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private readonly StripeBilling stripe = new(infrastructure);

    private FakeStripe Fake => stripe.Stripe;
    private BillingHost Billing => stripe.Billing;

    public Task InitializeAsync() => stripe.InitializeAsync();

    public Task DisposeAsync() => stripe.DisposeAsync();

    [Fact]
    public async Task A_lost_charge_whose_invoice_was_meanwhile_paid_otherwise_is_refunded_once_by_the_recovery_batch_and_never_retried()
    {
        var (invoice, payment) = await LostChargeAsync();
        await PayOtherwiseAsync(invoice.Id);

        Assert.Equal(1, await Billing.RunAsync<PendingPaymentsJob>(DateTimeOffset.UtcNow.AddHours(1)));

        var intentId = await AssertRefundedOnceAsync(payment.Id, invoice.Total);
        // Settled: neither the recovery jobs nor Stripe's late webhook charge or refund it again.
        Assert.Equal(0, await Billing.RunAsync<PendingPaymentsJob>(DateTimeOffset.UtcNow.AddHours(2)));
        Assert.Equal(0, await Billing.RunAsync<PendingChargeRefundsJob>(DateTimeOffset.UtcNow.AddHours(2)));
        Assert.True(await stripe.DeliverAsync(Fake.SignedEvent("payment_intent.succeeded", Fake.PaymentIntents.Single(i => (string?)i["id"] == intentId))));
        await AssertRefundedOnceAsync(payment.Id, invoice.Total);
        var settled = await Billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoice.Id));
        Assert.Equal((InvoiceStatus.Paid, invoice.Total), (settled.Status, settled.CardCharged));
    }

    [Fact]
    public async Task A_lost_charge_whose_invoice_was_voided_is_refunded_once_when_the_webhook_settles_it()
    {
        var (invoice, payment) = await LostChargeAsync();
        await Billing.InScopeAsync(async db =>
        {
            (await db.Invoices.SingleAsync(i => i.Id == invoice.Id)).Void();
            await db.SaveChangesAsync();
        });

        var succeeded = Fake.SignedEvent("payment_intent.succeeded", Assert.Single(Fake.PaymentIntents));
        Assert.True(await stripe.DeliverAsync(succeeded));
        Assert.True(await stripe.DeliverAsync(succeeded));

        await AssertRefundedOnceAsync(payment.Id, invoice.Total);
        Assert.Equal(0, await Billing.RunAsync<PendingPaymentsJob>(DateTimeOffset.UtcNow.AddHours(1)));
        Assert.Equal(0, await Billing.RunAsync<PendingChargeRefundsJob>(DateTimeOffset.UtcNow.AddHours(1)));
        await AssertRefundedOnceAsync(payment.Id, invoice.Total);
        var voided = await Billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoice.Id));
        Assert.Equal((InvoiceStatus.Void, 0L), (voided.Status, voided.CardCharged));
    }

    [Fact]
    public async Task The_refund_of_an_unmatched_charge_unsettled_for_longer_than_Stripe_keeps_its_key_is_never_sent_again_and_is_counted_to_reconcile()
    {
        var (invoice, payment) = await LostChargeAsync();
        await PayOtherwiseAsync(invoice.Id);
        Fake.LoseNextRefundAnswer();
        Assert.Equal(1, await Billing.RunAsync<PendingPaymentsJob>(DateTimeOffset.UtcNow.AddHours(1)));
        Assert.True((await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == payment.Id))).AwaitsRefund);
        // The recovery job could not run for a day: by now Stripe may have pruned the refund's key.
        await Billing.WithServicesAsync(services => services.GetRequiredService<BillingDb>().Database
            .ExecuteSqlAsync($"UPDATE payments SET completed_at = completed_at - interval '25 hours' WHERE id = {payment.Id}"));

        // A repeat under a forgotten key could refund the charge a second time: none is sent.
        Assert.Equal(0, await Billing.RunAsync<PendingChargeRefundsJob>(DateTimeOffset.UtcNow));

        Assert.Single(Fake.Requests, r => r.Path == "/v1/refunds");
        Assert.True((await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == payment.Id))).AwaitsRefund);
        var oldest = DateTimeOffset.UtcNow - TimeSpan.FromHours(23);
        Assert.Equal(1, await Billing.QueryAsync(db => UnreconciledPaymentsGaugeSource.CountAsync(db, oldest, CancellationToken.None)));
    }

    /// <summary>The invoice is paid by another card meanwhile, so a charge that then comes back taken no longer matches it.</summary>
    private Task PayOtherwiseAsync(Guid invoiceId) => Billing.InScopeAsync(async db =>
    {
        var tracked = await db.Invoices.SingleAsync(i => i.Id == invoiceId);
        tracked.PayByCard(tracked.AmountDue, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    });

    /// <summary>A new account's first charge, taken by Stripe but whose answer Billing lost: its attempt is still pending.</summary>
    private async Task<(Invoice Invoice, Payment Payment)> LostChargeAsync()
    {
        var card = await stripe.AddCardAsync(partnerId, "pm_card_visa");
        Fake.LoseNextChargeAnswer();
        var accountId = Guid.NewGuid();
        await Billing.PublishAsync(new AccountCreated(accountId, partnerId, "acct-" + accountId.ToString("N")[..8], Plus, "partner", StripeBilling.IdOf(card), "pending",
            DateTimeOffset.UtcNow, "billing@agency.test"));
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(Fake.PaymentIntents.Count == 1), Eventually.Propagation), "Stripe was never asked to charge");
        var invoice = await Billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.AccountId == accountId));
        var payment = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == invoice.Id));
        Assert.Equal((InvoiceStatus.Open, PaymentStatus.Pending), (invoice.Status, payment.Status));
        return (invoice, payment);
    }

    /// <summary>Exactly one refund of the attempt's PaymentIntent went to Stripe, keyed by the attempt, and it is recorded.</summary>
    private async Task<string> AssertRefundedOnceAsync(Guid paymentId, long amount)
    {
        var payment = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId));
        Assert.Equal((PaymentStatus.Unmatched, amount, false), (payment.Status, payment.RefundAmount, payment.AwaitsRefund));
        Assert.StartsWith("re_", payment.ProviderRefundId, StringComparison.Ordinal);
        Assert.Null(payment.RefundFailureCode);
        var refund = Assert.Single(Fake.Requests, r => r.Path == "/v1/refunds");
        Assert.Equal($"unmatched_{paymentId:N}", refund.IdempotencyKey);
        Assert.Equal((payment.ProviderChargeId, amount.ToString(CultureInfo.InvariantCulture)), (refund.Form["payment_intent"], refund.Form["amount"]));
        return payment.ProviderChargeId!;
    }
}
