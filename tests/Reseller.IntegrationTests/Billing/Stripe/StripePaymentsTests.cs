using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Billing.CreditNotes;
using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Billing.Profiles;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Credits;
using Reseller.IntegrationTests.Messaging;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;
using Reseller.Testing.Stripe;

namespace Reseller.IntegrationTests.Billing.Stripe;

/// <summary>
/// Billing with the Stripe provider against an in-process fake of Stripe's API: what Stripe receives (tokens only, keyed,
/// the right amounts), a lost answer settled once by the signed webhook, 3-D Secure under dunning, refunds by credit note.
/// </summary>
public sealed class StripePaymentsTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private readonly StripeBilling stripe = new(infrastructure);

    private FakeStripe Fake => stripe.Stripe;
    private BillingHost Billing => stripe.Billing;

    public Task InitializeAsync() => stripe.InitializeAsync();

    public Task DisposeAsync() => stripe.DisposeAsync();

    [Fact]
    public async Task A_first_charge_is_one_off_session_PaymentIntent_keyed_by_the_attempt_and_Stripe_only_ever_sees_tokens()
    {
        var card = await stripe.AddCardAsync(partnerId, "pm_card_visa");
        var second = await stripe.AddCardAsync(partnerId, "pm_card_mastercard");
        var rawCard = await Assert.ThrowsAsync<ProblemException>(() => stripe.CreateProfileAsync(partnerId,
            new CreateBillingProfileRequest(new CardRequest("4242424242424242", 12, DateTime.UtcNow.Year + 2, "123"), "Typed card")));

        var accountId = await CreateAccountAsync(StripeBilling.IdOf(card), AccountStatus.Active);

        var invoice = await Billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.AccountId == accountId));
        var payment = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == invoice.Id));
        Assert.Equal((InvoiceStatus.Paid, invoice.Total), (invoice.Status, invoice.CardCharged));
        var charge = Assert.Single(Fake.Requests, r => r.Path == "/v1/payment_intents");
        Assert.Equal(payment.Id.ToString("N"), charge.IdempotencyKey);
        Assert.Equal(payment.Id.ToString("N"), charge.Form["metadata[reseller_payment_id]"]);
        Assert.Equal(invoice.Total.ToString(System.Globalization.CultureInfo.InvariantCulture), charge.Form["amount"]);
        Assert.Equal("usd", charge.Form["currency"]);
        Assert.Equal(("pm_card_visa", "true", "true", "automatic"), (charge.Form["payment_method"], charge.Form["off_session"], charge.Form["confirm"], charge.Form["capture_method"]));
        Assert.Equal(payment.ProviderChargeId, (string?)Assert.Single(Fake.PaymentIntents)["id"]);

        // One Stripe customer for the payer, both cards attached to it; nothing but ids and amounts ever left Billing.
        var customer = Assert.Single(Fake.Requests, r => r.Path == "/v1/customers");
        Assert.Equal(2, Fake.Requests.Count(r => r.Path.EndsWith("/attach", StringComparison.Ordinal)));
        Assert.Equal(charge.Form["customer"], Fake.Requests.Where(r => r.Path.EndsWith("/attach", StringComparison.Ordinal)).Select(r => r.Form["customer"]).Distinct().Single());
        Assert.Contains(partnerId.ToString(), customer.Body, StringComparison.Ordinal);
        Assert.All(Fake.Requests, r =>
        {
            Assert.False(string.IsNullOrEmpty(r.IdempotencyKey), $"{r.Path} has no Idempotency-Key");
            Assert.Equal("Bearer " + FakeStripe.SecretKey, r.Authorization);
            Assert.DoesNotContain("card[", Uri.UnescapeDataString(r.Body), StringComparison.Ordinal);
            Assert.DoesNotContain("4242424242", r.Body, StringComparison.Ordinal);
        });
        Assert.Equal(("visa", "4242"), (card.Brand, card.Last4));
        Assert.NotEqual(card.Id, second.Id);
        Assert.Equal(422, rawCard.Status);
        Assert.EndsWith("/raw-card-refused", rawCard.Type, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_charge_whose_answer_was_lost_is_settled_once_by_the_signed_webhook_and_a_forged_or_stale_one_is_refused()
    {
        var card = await stripe.AddCardAsync(partnerId, "pm_card_visa");
        Fake.LoseNextChargeAnswer();
        var accountId = await CreateAccountAsync(StripeBilling.IdOf(card), settled: null);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(Fake.PaymentIntents.Count == 1), Eventually.Propagation), "Stripe was never asked to charge");
        var intent = Fake.PaymentIntents[0];
        Assert.Equal("succeeded", (string?)intent["status"]);

        var forged = await Assert.ThrowsAsync<ProblemException>(() => stripe.DeliverAsync(Fake.SignedEvent("payment_intent.succeeded", intent, secret: "whsec_someone_else")));
        var stale = await Assert.ThrowsAsync<ProblemException>(() => stripe.DeliverAsync(Fake.SignedEvent("payment_intent.succeeded", intent, signedAt: DateTimeOffset.UtcNow.AddHours(-1))));
        Assert.Equal((400, 400), (forged.Status, stale.Status));
        Assert.EndsWith("/stripe-signature-invalid", forged.Type, StringComparison.Ordinal);
        Assert.Equal(InvoiceStatus.Open, (await InvoiceOfAsync(accountId)).Status);

        var succeeded = Fake.SignedEvent("payment_intent.succeeded", intent);
        Assert.True(await stripe.DeliverAsync(succeeded));
        Assert.True(await stripe.DeliverAsync(succeeded));

        var invoice = await InvoiceOfAsync(accountId);
        Assert.Equal((InvoiceStatus.Paid, invoice.Total), (invoice.Status, invoice.CardCharged));
        var payment = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == invoice.Id));
        Assert.Equal((PaymentStatus.Succeeded, (string?)intent["id"]), (payment.Status, payment.ProviderChargeId));
        Assert.Single(Fake.PaymentIntents);
        Assert.All(Fake.Requests.Where(r => r.Path == "/v1/payment_intents"), r => Assert.Equal(payment.Id.ToString("N"), r.IdempotencyKey));
        Assert.Equal(AccountStatus.Active, (await AccountAsync(accountId)).Status);
        Assert.Equal(1, await Billing.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.Consumer == "StripeWebhook")));
        Assert.Equal(1, await Billing.QueryAsync(db => db.Invoices.CountAsync(i => i.AccountId == accountId)));
    }

    [Fact]
    public async Task A_charge_first_answered_processing_is_settled_from_its_current_state_by_the_webhook_never_by_a_second_intent()
    {
        var card = await stripe.AddCardAsync(partnerId, FakeStripe.ProcessingCard);
        var accountId = await CreateAccountAsync(StripeBilling.IdOf(card), settled: null);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(Fake.PaymentIntents.Count == 1), Eventually.Propagation), "Stripe was never asked to charge");
        var intent = Fake.PaymentIntents[0];
        Assert.Equal("processing", (string?)intent["status"]);
        Assert.Equal(InvoiceStatus.Open, (await InvoiceOfAsync(accountId)).Status);

        // The network answers; Stripe's webhook arrives. Repeating the charge under its key replays "processing", so the
        // intent's current state is what settles the attempt.
        var succeeded = Fake.Settle((string)intent["id"]!);
        Assert.True(await stripe.DeliverAsync(Fake.SignedEvent("payment_intent.succeeded", succeeded)));

        var invoice = await InvoiceOfAsync(accountId);
        Assert.Equal((InvoiceStatus.Paid, invoice.Total), (invoice.Status, invoice.CardCharged));
        var payment = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == invoice.Id));
        Assert.Equal((PaymentStatus.Succeeded, (string?)intent["id"]), (payment.Status, payment.ProviderChargeId));
        Assert.Single(Fake.PaymentIntents);
        Assert.Equal(AccountStatus.Active, (await AccountAsync(accountId)).Status);
    }

    [Fact]
    public async Task An_attempt_pending_for_longer_than_Stripe_keeps_its_key_is_never_sent_again_by_the_recovery_job_or_a_late_webhook()
    {
        var card = await stripe.AddCardAsync(partnerId, "pm_card_visa");
        Fake.LoseNextChargeAnswer();
        var accountId = await CreateAccountAsync(StripeBilling.IdOf(card), settled: null);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(Fake.PaymentIntents.Count == 1), Eventually.Propagation), "Stripe was never asked to charge");
        var invoice = await InvoiceOfAsync(accountId);
        var lost = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == invoice.Id));
        await Billing.WithServicesAsync(services => services.GetRequiredService<BillingDb>().Database
            .ExecuteSqlAsync($"UPDATE payments SET created_at = created_at - interval '25 hours' WHERE id = {lost.Id}"));

        // Stripe may have pruned the key by now: a repeat under it could be a second PaymentIntent, so none is sent.
        Assert.Equal(0, await Billing.RunAsync<PendingPaymentsJob>(DateTimeOffset.UtcNow));
        Assert.True(await stripe.DeliverAsync(Fake.SignedEvent("payment_intent.succeeded", Fake.PaymentIntents[0])));

        Assert.Single(Fake.Requests, r => r.Path == "/v1/payment_intents");
        var still = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == lost.Id));
        Assert.Equal(PaymentStatus.Pending, still.Status);
        Assert.Equal(1, await Billing.QueryAsync(db => db.Payments.CountAsync(p => p.InvoiceId == invoice.Id)));
    }

    [Fact]
    public async Task Three_D_Secure_on_a_renewal_leaves_the_invoice_open_with_a_link_dunning_goes_on_and_authenticating_pays_it_once()
    {
        var (accountId, renewal) = await RenewOnThreeDSecureCardAsync();
        Assert.Equal((InvoiceStatus.Open, 1), (renewal.Status, renewal.FailedAttempts));
        Assert.Equal(renewal.FirstFailedAt!.Value.AddDays(1), renewal.NextRetryAt);
        Assert.Equal(AccountStatus.PaymentFailed, (await AccountAsync(accountId)).Status);
        var held = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == renewal.Id));
        Assert.Equal(ChargeResult.AuthenticationRequired, held.FailureCode);
        Assert.Equal($"https://hooks.stripe.test/3d_secure_2/authenticate/{held.ProviderChargeId}", held.ActionUrl);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(Billing.Mails().Any(m => m.Body.Contains(held.ActionUrl!, StringComparison.Ordinal))), Eventually.Propagation),
            "The partner was not mailed the link to authenticate");

        // Dunning goes on as for a decline: the retry is a new attempt, so a new PaymentIntent under a new key.
        await Billing.RunAsync<DunningJob>(renewal.NextRetryAt!.Value.AddMinutes(1));
        var retried = await RenewalOfAsync(accountId);
        Assert.Equal((InvoiceStatus.Open, 2), (retried.Status, retried.FailedAttempts));
        var attempts = await Billing.QueryAsync(db => db.Payments.AsNoTracking().Where(p => p.InvoiceId == renewal.Id).OrderBy(p => p.CreatedAt).ToListAsync());
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts.Select(a => a.Id.ToString("N")), Fake.Requests.Where(r => r.Form.GetValueOrDefault("payment_method") == FakeStripe.ThreeDSecureCard).Select(r => r.IdempotencyKey));

        // The payer authenticates the latest charge: the invoice is paid. Authenticating the older one afterwards is refunded.
        Assert.True(await stripe.DeliverAsync(Fake.SignedEvent("payment_intent.succeeded", Fake.Authenticate(attempts[1].ProviderChargeId!))));
        var paid = await RenewalOfAsync(accountId);
        Assert.Equal((InvoiceStatus.Paid, paid.Total), (paid.Status, paid.CardCharged));
        Assert.Equal(AccountStatus.Active, (await AccountAsync(accountId)).Status);
        Assert.DoesNotContain(Fake.Requests, r => r.Path == "/v1/refunds");

        Assert.True(await stripe.DeliverAsync(Fake.SignedEvent("payment_intent.succeeded", Fake.Authenticate(attempts[0].ProviderChargeId!))));
        var refund = Assert.Single(Fake.Requests, r => r.Path == "/v1/refunds");
        Assert.Equal((attempts[0].ProviderChargeId, paid.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)), (refund.Form["payment_intent"], refund.Form["amount"]));
        Assert.Equal($"unmatched_{attempts[0].Id:N}", refund.IdempotencyKey);
        var givenBack = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == attempts[0].Id));
        Assert.Equal((PaymentStatus.Unmatched, paid.Total, false), (givenBack.Status, givenBack.RefundAmount, givenBack.AwaitsRefund));
        Assert.Equal(paid.CardCharged, (await RenewalOfAsync(accountId)).CardCharged);
    }

    [Fact]
    public async Task An_authentication_webhook_that_meets_a_consumer_changing_the_account_still_pays_the_invoice_at_once()
    {
        var (accountId, renewal) = await RenewOnThreeDSecureCardAsync();
        var held = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == renewal.Id));

        // Another writer (in production: the consumer following the account's status) holds the account's row while the
        // webhook reads it, and saves it before the webhook does: the webhook's save finds the row changed under it.
        var name = await Billing.QueryAsync(db => Task.FromResult(db.Database.GetDbConnection().Database));
        var database = new Npgsql.NpgsqlConnectionStringBuilder(infrastructure.PostgresConnectionString) { Database = name }.ConnectionString;
        await using var row = await HeldRow.LockAsync(database, "billed_accounts", "account_id", accountId);
        var delivery = stripe.DeliverAsync(Fake.SignedEvent("payment_intent.succeeded", Fake.Authenticate(held.ProviderChargeId!)));
        await row.WaitForWaitersAsync(1);
        Assert.False(delivery.IsCompleted, "The webhook saved without waiting for the account's row");
        await row.SaveChangeAsync("notification_email = notification_email");

        Assert.True(await delivery, "Stripe was answered with an error and would have to send the event again");
        var paid = await RenewalOfAsync(accountId);
        Assert.Equal((InvoiceStatus.Paid, paid.Total, 0L), (paid.Status, paid.CardCharged, paid.AmountDue));
        Assert.Equal(AccountStatus.Active, (await AccountAsync(accountId)).Status);
        Assert.DoesNotContain(Fake.Requests, r => r.Path == "/v1/refunds");
    }

    [Fact]
    public async Task A_renewal_partly_paid_from_prepaid_and_held_for_3_D_Secure_is_paid_whole_when_the_payer_authenticates_the_card_part()
    {
        var (accountId, renewal) = await RenewOnThreeDSecureCardAsync(prepaid: 1000);
        var held = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == renewal.Id));
        Assert.Equal((InvoiceStatus.Open, renewal.Total, 1000L), (renewal.Status, renewal.AmountDue, held.PrepaidAmount));
        Assert.Equal(renewal.Total - 1000, Assert.Single(Fake.PaymentIntents, i => (string?)i["id"] == held.ProviderChargeId)["amount"]!.GetValue<long>());
        Assert.Equal(1, await OutboxCountAsync<PrepaidReservationReleased>(held.Id));

        // Held, the prepaid part went back to the partner; authenticated, the card part alone would not pay the invoice.
        Assert.True(await stripe.DeliverAsync(Fake.SignedEvent("payment_intent.succeeded", Fake.Authenticate(held.ProviderChargeId!))));
        var paid = await RenewalOfAsync(accountId);
        Assert.Equal((InvoiceStatus.Paid, 1000L, renewal.Total - 1000, 0L), (paid.Status, paid.PrepaidApplied, paid.CardCharged, paid.AmountDue));
        Assert.Equal(AccountStatus.Active, (await AccountAsync(accountId)).Status);
        var again = Assert.Single(stripe.Prepaid.Requests, r => r.ReservationId == held.AuthenticatedReservationId);
        Assert.Equal((renewal.Id, 1000L), (again.InvoiceId, again.Amount));
        Assert.Equal(1, await OutboxCountAsync<PrepaidReservationCommitted>(held.AuthenticatedReservationId));
        Assert.Equal(0, await OutboxCountAsync<PrepaidReservationReleased>(held.AuthenticatedReservationId));
        Assert.DoesNotContain(Fake.Requests, r => r.Path == "/v1/refunds");
    }

    [Fact]
    public async Task A_3_D_Secure_charge_authenticated_after_its_prepaid_part_was_spent_elsewhere_is_refunded_and_the_invoice_stays_due()
    {
        var (accountId, renewal) = await RenewOnThreeDSecureCardAsync(prepaid: 1000);
        var held = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == renewal.Id));

        stripe.Prepaid.Available = 400;
        Assert.True(await stripe.DeliverAsync(Fake.SignedEvent("payment_intent.succeeded", Fake.Authenticate(held.ProviderChargeId!))));

        var due = await RenewalOfAsync(accountId);
        Assert.Equal((InvoiceStatus.Open, 0L, 0L, renewal.Total), (due.Status, due.PrepaidApplied, due.CardCharged, due.AmountDue));
        var refund = Assert.Single(Fake.Requests, r => r.Path == "/v1/refunds");
        Assert.Equal((held.ProviderChargeId, (renewal.Total - 1000).ToString(System.Globalization.CultureInfo.InvariantCulture)), (refund.Form["payment_intent"], refund.Form["amount"]));
        Assert.Equal(1, await OutboxCountAsync<PrepaidReservationReleased>(held.AuthenticatedReservationId));
        Assert.Equal(0, await OutboxCountAsync<PrepaidReservationCommitted>(held.AuthenticatedReservationId));
    }

    [Fact]
    public async Task An_authenticated_charge_whose_prepaid_part_Credits_cannot_reserve_now_is_answered_503_and_pays_when_Stripe_sends_it_again()
    {
        var (accountId, renewal) = await RenewOnThreeDSecureCardAsync(prepaid: 1000);
        var held = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == renewal.Id));
        var authenticated = Fake.Authenticate(held.ProviderChargeId!);

        stripe.Prepaid.Unanswered = true;
        var unavailable = await Assert.ThrowsAsync<ProblemException>(() => stripe.DeliverAsync(Fake.SignedEvent("payment_intent.succeeded", authenticated)));
        Assert.Equal(503, unavailable.Status);
        Assert.True((await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == held.Id))).AwaitsAuthentication);
        Assert.Equal(InvoiceStatus.Open, (await RenewalOfAsync(accountId)).Status);

        stripe.Prepaid.Unanswered = false;
        Assert.True(await stripe.DeliverAsync(Fake.SignedEvent("payment_intent.succeeded", authenticated)));
        var paid = await RenewalOfAsync(accountId);
        Assert.Equal((InvoiceStatus.Paid, 1000L, renewal.Total - 1000), (paid.Status, paid.PrepaidApplied, paid.CardCharged));
        Assert.DoesNotContain(Fake.Requests, r => r.Path == "/v1/refunds");
    }

    [Fact]
    public async Task A_charge_partly_paid_from_prepaid_whose_answer_was_lost_is_finished_after_its_hold_expired_with_the_same_card_amount()
    {
        var (accountId, renewal, lost) = await RenewalWhoseChargeAnswerIsLostAsync(prepaid: 1000);

        // Past 15 minutes Credits' sweeper gave the hold back. The recovery asks Credits again, which holds the same part again
        // (the partner still has it), and asks the card for what Stripe already took, under the same key.
        stripe.Clock.AdvanceTo(lost.CreatedAt.AddMinutes(16));
        Assert.Equal(1, await Billing.RunAsync<PendingPaymentsJob>(stripe.Clock.GetUtcNow()));

        var paid = await RenewalOfAsync(accountId);
        Assert.Equal((InvoiceStatus.Paid, 1000L, renewal.Total - 1000), (paid.Status, paid.PrepaidApplied, paid.CardCharged));
        Assert.Equal(2, stripe.Prepaid.Requests.Count(r => r.ReservationId == lost.Id));
        var charges = Fake.Requests.Where(r => r.Path == "/v1/payment_intents" && r.IdempotencyKey == lost.Id.ToString("N")).ToList();
        Assert.Equal(2, charges.Count);
        Assert.All(charges, c => Assert.Equal((renewal.Total - 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), c.Form["amount"]));
        Assert.Equal(1, await OutboxCountAsync<PrepaidReservationCommitted>(lost.Id));
    }

    [Fact]
    public async Task A_charge_whose_prepaid_hold_lapsed_and_was_spent_meanwhile_never_pays_its_invoice_with_that_credit_and_its_card_part_is_refunded()
    {
        var (accountId, renewal, lost) = await RenewalWhoseChargeAnswerIsLostAsync(prepaid: 1000);
        var taken = Assert.Single(Fake.PaymentIntents, i => (string?)i["metadata"]!["reseller_payment_id"] == lost.Id.ToString("N"));

        // Past 15 minutes the hold was given back and the partner spent that credit: Credits holds nothing when asked again.
        stripe.Prepaid.Expire(lost.Id);
        stripe.Clock.AdvanceTo(lost.CreatedAt.AddMinutes(16));
        Assert.Equal(1, await Billing.RunAsync<PendingPaymentsJob>(stripe.Clock.GetUtcNow()));

        var open = await RenewalOfAsync(accountId);
        Assert.Equal((InvoiceStatus.Open, 0L, 0L, renewal.Total), (open.Status, open.PrepaidApplied, open.CardCharged, open.AmountDue));
        // Still owed, so in dunning: retried a day later, the account payment_failed meanwhile.
        Assert.Equal((1, true), (open.FailedAttempts, open.NextRetryAt is not null));
        Assert.Equal(AccountStatus.PaymentFailed, (await AccountAsync(accountId)).Status);
        var settled = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == lost.Id));
        Assert.Equal((PaymentStatus.Unmatched, (long?)0), (settled.Status, settled.PrepaidAmount));
        var refund = Assert.Single(Fake.Requests, r => r.Path == "/v1/refunds");
        Assert.Equal(((string?)taken["id"], (renewal.Total - 1000).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (refund.Form["payment_intent"], refund.Form["amount"]));
        Assert.Equal(0, await OutboxCountAsync<PrepaidReservationCommitted>(lost.Id));
    }

    [Fact]
    public async Task A_card_only_charge_whose_answer_was_lost_is_finished_for_the_same_amount_after_the_partner_bought_prepaid_credit()
    {
        var accountId = await MonthOldAccountAsync();
        Fake.LoseNextChargeAnswer();
        await Billing.RunAsync<RenewalJob>(await RenewalDueAsync(accountId));
        var renewal = await RenewalOfAsync(accountId);
        var lost = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == renewal.Id));
        Assert.Equal((PaymentStatus.Pending, (long?)0), (lost.Status, lost.PrepaidAmount));

        // Meanwhile the partner buys prepaid credit: the recovery still asks the card for the whole renewal under the same
        // key (another amount would be refused by Stripe and leave the attempt stuck), and takes no prepaid credit.
        await BuyPrepaidAsync(1000);
        Assert.Equal(1, await Billing.RunAsync<PendingPaymentsJob>(DateTimeOffset.UtcNow.AddMinutes(1)));

        var paid = await RenewalOfAsync(accountId);
        Assert.Equal((InvoiceStatus.Paid, 0L, renewal.Total), (paid.Status, paid.PrepaidApplied, paid.CardCharged));
        var charges = Fake.Requests.Where(r => r.Path == "/v1/payment_intents" && r.IdempotencyKey == lost.Id.ToString("N")).ToList();
        Assert.Equal(2, charges.Count);
        Assert.All(charges, c => Assert.Equal(renewal.Total.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Form["amount"]));
        Assert.Single(Fake.PaymentIntents, i => (string?)i["metadata"]!["reseller_payment_id"] == lost.Id.ToString("N"));
    }

    [Fact]
    public async Task A_renewal_charge_recorded_after_the_account_was_cancelled_is_refunded_and_its_invoice_voided()
    {
        var accountId = await MonthOldAccountAsync();
        var paidUntil = (await AccountAsync(accountId)).CurrentPeriodEnd;
        Fake.LoseNextChargeAnswer();
        await Billing.RunAsync<RenewalJob>(await RenewalDueAsync(accountId));
        var renewal = await RenewalOfAsync(accountId);
        var lost = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == renewal.Id));
        var taken = Assert.Single(Fake.PaymentIntents, i => (string?)i["metadata"]!["reseller_payment_id"] == lost.Id.ToString("N"));

        // Stripe took the renewal, but before its answer was recorded the partner cancelled: the account ends with the period it is in.
        await Billing.PublishAsync(new AccountStatusChanged(accountId, partnerId, AccountStatuses.Active, AccountStatuses.Cancelled, "monthly", Payers.Partner, DateTimeOffset.UtcNow));
        Assert.True(await Billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.Cancelled),
            "Billing never followed the cancellation");
        Assert.Equal(1, await Billing.RunAsync<PendingPaymentsJob>(DateTimeOffset.UtcNow.AddMinutes(1)));

        var voided = await RenewalOfAsync(accountId);
        Assert.Equal((InvoiceStatus.Void, 0L), (voided.Status, voided.CardCharged));
        var account = await AccountAsync(accountId);
        Assert.Equal((AccountStatus.Cancelled, paidUntil), (account.Status, account.CurrentPeriodEnd));
        var refund = Assert.Single(Fake.Requests, r => r.Path == "/v1/refunds");
        Assert.Equal(((string?)taken["id"], renewal.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)), (refund.Form["payment_intent"], refund.Form["amount"]));
        var settled = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == lost.Id));
        Assert.Equal((PaymentStatus.Unmatched, renewal.Total, false), (settled.Status, settled.RefundAmount, settled.AwaitsRefund));
    }

    [Fact]
    public async Task A_credit_note_on_a_card_paid_invoice_refunds_the_card_part_once_through_Stripe()
    {
        var card = await stripe.AddCardAsync(partnerId, "pm_card_visa");
        var accountId = await CreateAccountAsync(StripeBilling.IdOf(card), AccountStatus.Active);
        var invoice = await InvoiceOfAsync(accountId);

        var note = await Billing.WithServicesAsync(async services =>
        {
            var created = await CreditNotesApi.CreateAsync(PublicId.Format(InvoiceResponse.IdPrefix, invoice.Id), new CreateCreditNoteRequest(1000, "Goodwill"),
                services.GetRequiredService<BillingDb>(), services.GetRequiredService<InvoiceCrediting>(), services.GetRequiredService<CardRefunds>(), CancellationToken.None);
            return Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.Created<CreditNoteResponse>>(created.Result).Value!;
        });
        Assert.Equal(0, await Billing.RunAsync<PendingRefundsJob>(DateTimeOffset.UtcNow.AddHours(1)));

        var refund = Assert.Single(Fake.Requests, r => r.Path == "/v1/refunds");
        var payment = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == invoice.Id));
        Assert.Equal((payment.ProviderChargeId, "1000"), (refund.Form["payment_intent"], refund.Form["amount"]));
        Assert.True(PublicId.TryParse(CreditNoteResponse.IdPrefix, note.Id, out var noteId));
        Assert.Equal($"refund_{noteId:N}", refund.IdempotencyKey);
        var stored = await Billing.QueryAsync(db => db.CreditNotes.AsNoTracking().SingleAsync(c => c.Id == noteId));
        Assert.Equal((1000L, false), (stored.CardRefund, stored.AwaitsCardRefund));
        Assert.StartsWith("re_", stored.ProviderRefundId, StringComparison.Ordinal);
        Assert.Equal(1000, note.CardRefund.Amount);
    }

    [Fact]
    public async Task A_credit_note_whose_refund_answer_was_lost_is_created_and_its_card_refunded_once_by_the_recovery_job()
    {
        var (invoice, noteId) = await CreditNoteWhoseRefundAnswerIsLostAsync();

        Assert.Equal(1, await Billing.RunAsync<PendingRefundsJob>(DateTimeOffset.UtcNow.AddHours(1)));
        Assert.Equal(0, await Billing.RunAsync<PendingRefundsJob>(DateTimeOffset.UtcNow.AddHours(2)));
        var refunds = Fake.Requests.Where(r => r.Path == "/v1/refunds").ToList();
        Assert.Equal(2, refunds.Count);
        Assert.All(refunds, refund => Assert.Equal($"refund_{noteId:N}", refund.IdempotencyKey));
        var stored = await Billing.QueryAsync(db => db.CreditNotes.AsNoTracking().SingleAsync(c => c.Id == noteId));
        Assert.Equal((1000L, false), (stored.CardRefund, stored.AwaitsCardRefund));
        Assert.StartsWith("re_", stored.ProviderRefundId, StringComparison.Ordinal);
        Assert.Single(await Billing.QueryAsync(db => db.CreditNotes.AsNoTracking().Where(c => c.InvoiceId == invoice.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_credit_note_refund_unsettled_for_longer_than_Stripe_keeps_its_key_is_never_sent_again_and_is_counted_to_reconcile()
    {
        var (_, noteId) = await CreditNoteWhoseRefundAnswerIsLostAsync();
        // The recovery job could not run for a day (Billing down): by now Stripe may have pruned the refund's key.
        await Billing.WithServicesAsync(services => services.GetRequiredService<BillingDb>().Database
            .ExecuteSqlAsync($"UPDATE credit_notes SET issued_at = issued_at - interval '25 hours' WHERE id = {noteId}"));

        // A repeat under a forgotten key could be a second refund of the same charge: none is sent, by the job or by a direct call.
        Assert.Equal(0, await Billing.RunAsync<PendingRefundsJob>(DateTimeOffset.UtcNow));
        Assert.False(await Billing.WithServicesAsync(services => services.GetRequiredService<CardRefunds>().RefundAsync(noteId, CancellationToken.None)));

        Assert.Single(Fake.Requests, r => r.Path == "/v1/refunds");
        Assert.True((await Billing.QueryAsync(db => db.CreditNotes.AsNoTracking().SingleAsync(c => c.Id == noteId))).AwaitsCardRefund);
        var oldest = DateTimeOffset.UtcNow - TimeSpan.FromHours(23);
        Assert.Equal(1, await Billing.QueryAsync(db => UnreconciledPaymentsGaugeSource.CountAsync(db, oldest, CancellationToken.None)));
    }

    /// <summary>
    /// A goodwill note of 10.00 on a card-paid invoice whose refund Stripe made but whose answer was lost: the note is committed,
    /// so the operator is told it was created (an error here would have them post it again and refund twice), and it still
    /// awaits its card refund.
    /// </summary>
    private async Task<(Invoice Invoice, Guid NoteId)> CreditNoteWhoseRefundAnswerIsLostAsync()
    {
        var card = await stripe.AddCardAsync(partnerId, "pm_card_visa");
        var accountId = await CreateAccountAsync(StripeBilling.IdOf(card), AccountStatus.Active);
        var invoice = await InvoiceOfAsync(accountId);
        Fake.LoseNextRefundAnswer();
        var note = await Billing.WithServicesAsync(async services =>
        {
            var created = await CreditNotesApi.CreateAsync(PublicId.Format(InvoiceResponse.IdPrefix, invoice.Id), new CreateCreditNoteRequest(1000, "Goodwill"),
                services.GetRequiredService<BillingDb>(), services.GetRequiredService<InvoiceCrediting>(), services.GetRequiredService<CardRefunds>(), CancellationToken.None);
            return Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.Created<CreditNoteResponse>>(created.Result).Value!;
        });
        Assert.True(PublicId.TryParse(CreditNoteResponse.IdPrefix, note.Id, out var noteId));
        Assert.True((await Billing.QueryAsync(db => db.CreditNotes.AsNoTracking().SingleAsync(c => c.Id == noteId))).AwaitsCardRefund);
        return (invoice, noteId!.Value);
    }

    [Fact]
    public async Task The_prepaid_first_authorisation_is_a_manual_capture_PaymentIntent_cancelled_afterwards()
    {
        var card = await stripe.AddCardAsync(partnerId, "pm_card_visa");
        var token = await Billing.QueryAsync(db => db.BillingProfiles.AsNoTracking().Where(p => p.Id == StripeBilling.IdOf(card)).Select(p => p.ProviderToken).SingleAsync());

        var authorization = await Billing.WithServicesAsync(async services =>
        {
            var provider = services.GetRequiredService<IPaymentProvider>();
            var held = await provider.AuthorizeAsync(token, PrepaidPaymentsAmount, "EUR", "auth_test", CancellationToken.None);
            await provider.ReleaseAuthorizationAsync(held.ProviderChargeId!, CancellationToken.None);
            return held;
        });

        Assert.True(authorization.Succeeded);
        var hold = Assert.Single(Fake.Requests, r => r.Path == "/v1/payment_intents");
        Assert.Equal(("100", "eur", "manual", "auth_test"), (hold.Form["amount"], hold.Form["currency"], hold.Form["capture_method"], hold.IdempotencyKey));
        var cancel = Assert.Single(Fake.Requests, r => r.Path == $"/v1/payment_intents/{authorization.ProviderChargeId}/cancel");
        Assert.False(string.IsNullOrEmpty(cancel.IdempotencyKey));
        Assert.Equal("canceled", (string?)Assert.Single(Fake.PaymentIntents)["status"]);
    }

    private const long PrepaidPaymentsAmount = Reseller.Billing.Prepaid.PrepaidPayments.AuthorizationAmount;

    /// <summary>Creates a partner-paid account through AccountCreated; waits for its status when one is given.</summary>
    private async Task<Guid> CreateAccountAsync(Guid cardId, AccountStatus? settled, DateTimeOffset? createdAt = null)
    {
        var accountId = Guid.NewGuid();
        await Billing.PublishAsync(new AccountCreated(accountId, partnerId, "acct-" + accountId.ToString("N")[..8], Plus, "partner", cardId, "pending",
            createdAt ?? DateTimeOffset.UtcNow, "billing@agency.test"));
        Assert.True(await Billing.EventuallyAsync(async db => settled is null
            ? await db.Invoices.AnyAsync(i => i.AccountId == accountId)
            : (await db.BilledAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId))?.Status == settled), $"The account never became {settled?.ToString() ?? "invoiced"}");
        return accountId;
    }

    /// <summary>
    /// A month-old account renewed with <paramref name="prepaid"/> of prepaid credit paying first (less than the renewal),
    /// whose card part Stripe took but whose answer was lost: the attempt is left pending.
    /// </summary>
    private async Task<(Guid AccountId, Invoice Renewal, Payment Lost)> RenewalWhoseChargeAnswerIsLostAsync(long prepaid)
    {
        var accountId = await MonthOldAccountAsync();
        await BuyPrepaidAsync(prepaid);
        Fake.LoseNextChargeAnswer();
        await Billing.RunAsync<RenewalJob>(await RenewalDueAsync(accountId));
        var renewal = await RenewalOfAsync(accountId);
        var lost = await Billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == renewal.Id));
        Assert.Equal((PaymentStatus.Pending, (long?)prepaid, InvoiceStatus.Open), (lost.Status, lost.PrepaidAmount, renewal.Status));
        return (accountId, renewal, lost);
    }

    /// <summary>
    /// A month-old active account moved to a card that asks for 3-D Secure, then renewed: its renewal is held for authentication.
    /// With <paramref name="prepaid"/>, the partner has bought prepaid credit and that much of it pays the renewal first.
    /// </summary>
    private async Task<(Guid AccountId, Invoice Renewal)> RenewOnThreeDSecureCardAsync(long prepaid = 0)
    {
        var accountId = await MonthOldAccountAsync();
        var secure = StripeBilling.IdOf(await stripe.AddCardAsync(partnerId, FakeStripe.ThreeDSecureCard));
        await Billing.ChooseCardAsync(accountId, partnerId, secure, DateTimeOffset.UtcNow);
        if (prepaid > 0)
        {
            await BuyPrepaidAsync(prepaid);
        }
        await Billing.RunAsync<RenewalJob>(await RenewalDueAsync(accountId));
        return (accountId, await RenewalOfAsync(accountId));
    }

    /// <summary>A partner-paid account on a card that pays, created a month ago less a day and active since.</summary>
    private async Task<Guid> MonthOldAccountAsync()
    {
        var visa = await stripe.AddCardAsync(partnerId, "pm_card_visa");
        return await CreateAccountAsync(StripeBilling.IdOf(visa), AccountStatus.Active, createdAt: DateTimeOffset.UtcNow.AddMonths(-1).AddDays(1));
    }

    /// <summary>The partner has bought prepaid credit, and Credits holds up to <paramref name="available"/> of it for each charge.</summary>
    private async Task BuyPrepaidAsync(long available)
    {
        await Billing.InScopeAsync(db => db.Database.ExecuteSqlAsync($"INSERT INTO prepaid_buyers (partner_id, first_paid_at) VALUES ({partnerId}, {DateTimeOffset.UtcNow})"));
        stripe.Prepaid.Available = available;
    }

    /// <summary>An hour into the day the account's paid period ends: its renewal is due.</summary>
    private async Task<DateTimeOffset> RenewalDueAsync(Guid accountId) =>
        new((await AccountAsync(accountId)).CurrentPeriodEnd!.Value.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);

    /// <summary>How many messages of this type about this reservation Billing's outbox holds (published or not).</summary>
    private Task<int> OutboxCountAsync<TMessage>(Guid reservationId) =>
        Billing.QueryAsync(db => db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM outbox_messages WHERE message_type LIKE {typeof(TMessage).FullName + "%"} AND body::text LIKE {"%" + reservationId + "%"}
            """).SingleAsync());

    private Task<BilledAccount> AccountAsync(Guid accountId) => Billing.QueryAsync(db => db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId));

    private Task<Invoice> InvoiceOfAsync(Guid accountId) => Billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.AccountId == accountId));

    private Task<Invoice> RenewalOfAsync(Guid accountId) =>
        Billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Renewal));
}
