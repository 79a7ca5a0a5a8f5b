using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Payments;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// A client pays its account, its card declines the renewal, and its partner takes payment back to save the account. The
/// renewal the client owed becomes the partner's: voided and issued to the partner at its reseller discount, paid on the
/// partner's card. Before, it stayed the client's and was retried on the partner's card, which never pays a client's
/// invoice, so the account the partner had taken back expired after its last retry. A client that hands paying back
/// itself does not hand over its debt.
/// </summary>
public sealed class TakenBackInDunningTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task The_renewal_a_client_owed_is_issued_to_the_partner_who_took_payment_back_and_paid_on_its_card()
    {
        var (accountId, clientsRenewal) = await ClientsRenewalInDunningAsync();
        var partnerCard = await billing.AddCardAsync(partnerId);

        await TakePaymentBackAsync(accountId, partnerCard);

        await AssertReissuedAndPaidAsync(accountId, clientsRenewal, partnerCard);
    }

    [Fact]
    public async Task A_charge_of_the_clients_card_under_way_when_the_partner_took_payment_back_is_refunded_when_it_succeeds()
    {
        var (accountId, clientsRenewal) = await ClientsRenewalInDunningAsync();
        // The client gave a good card and its retry is sent to the card, its answer not back, when the partner takes payment back.
        var underWay = await ClientsRetryAsync(accountId, clientsRenewal, sent: true);
        var partnerCard = await billing.AddCardAsync(partnerId);

        await TakePaymentBackAsync(accountId, partnerCard);
        await AssertReissuedAndPaidAsync(accountId, clientsRenewal, partnerCard);

        // The client's charge then succeeds on an invoice that is no longer due: it is given back, the period paid once.
        await billing.WithServicesAsync(async services =>
        {
            await services.GetRequiredService<ChargeProcessor>().ProcessAsync(underWay, CancellationToken.None);
            return underWay;
        });
        var refunded = await billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == underWay));
        Assert.Equal((PaymentStatus.Unmatched, clientsRenewal.Total), (refunded.Status, refunded.RefundAmount));
        Assert.NotNull(refunded.ProviderRefundId);
        Assert.Equal(InvoiceStatus.Void, (await InvoiceAsync(clientsRenewal.Id)).Status);
    }

    [Fact]
    public async Task A_retry_of_the_clients_card_not_sent_yet_when_the_partner_took_payment_back_is_never_sent()
    {
        var (accountId, clientsRenewal) = await ClientsRenewalInDunningAsync();
        var recorded = await ClientsRetryAsync(accountId, clientsRenewal, sent: false);
        var partnerCard = await billing.AddCardAsync(partnerId);

        await TakePaymentBackAsync(accountId, partnerCard);
        await AssertReissuedAndPaidAsync(accountId, clientsRenewal, partnerCard);
        await billing.ChargeAsync(recorded);

        // Sent, it took the client's money for a void invoice, refunded at once: two lines on the client's statement.
        var notSent = await billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == recorded));
        Assert.Equal((PaymentStatus.Failed, ChargeProcessor.InvoiceSettled, (string?)null, 0L), (notSent.Status, notSent.FailureCode, notSent.ProviderChargeId, notSent.RefundAmount));
    }

    [Fact]
    public async Task A_client_handing_paying_back_to_its_partner_keeps_the_renewal_it_owes()
    {
        var (accountId, clientsRenewal) = await ClientsRenewalInDunningAsync();

        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Customer, Payers.Partner, null, "client@client.test", DateTimeOffset.UtcNow.AddSeconds(-1),
            ChangedBy: Payers.Customer));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Payer == Payers.Partner));

        var renewal = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        Assert.Equal((clientsRenewal.Id, Payers.Customer, InvoiceStatus.Open), (renewal.Id, renewal.Payer, renewal.Status));

        // Its next retry is asked of the client's own card (its newest), never of the partner's, which may not pay it: refused
        // on every retry, the debt was never asked of the card that owes it and the account expired after the last.
        var clientsNewCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        await billing.RunAsync<DunningJob>(renewal.NextRetryAt!.Value.AddMinutes(1));
        Assert.True(await billing.EventuallyAsync(async db => (await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == renewal.Id)).Status == InvoiceStatus.Paid),
            "The client's renewal was never paid after it handed paying back.");
        var retry = await billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == renewal.Id && p.Status == PaymentStatus.Succeeded));
        Assert.Equal(clientsNewCard, retry.BillingProfileId);
        Assert.Equal(AccountStatus.Active, (await billing.AccountAsync(accountId)).Status);
    }

    [Fact]
    public async Task A_clients_declined_switch_to_annual_taken_back_is_the_partners_year_and_the_client_gets_back_the_unused_month_it_paid()
    {
        var start = DateTimeOffset.UtcNow.AddMonths(-1).AddDays(-1);
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Plus, start);
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Partner, Payers.Customer, await billing.AddCardAsync(partnerId, accountId: accountId),
            "client@client.test", DateTimeOffset.UtcNow.AddSeconds(-30)));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Payer == Payers.Customer));
        // The client pays its month, then switches to annual on a card that declines.
        await billing.RunAsync<RenewalJob>(DateTimeOffset.UtcNow);
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Renewal && i.Status == InvoiceStatus.Paid)));
        var clientsMonth = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        var declinedClientCard = await billing.AddCardAsync(partnerId, "card_declined", accountId);
        await billing.ChooseCardAsync(accountId, partnerId, declinedClientCard, DateTimeOffset.UtcNow.AddSeconds(-25));
        var switchedAt = DateTimeOffset.UtcNow.AddSeconds(-20);
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, Plus with { Cadence = "annual" }, null, switchedAt, declinedClientCard, Payers.Customer, Revision: 1));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.PaymentFailed));
        var clientsYear = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.PlanChange));
        Assert.Contains(clientsYear.Lines, l => l.Code == PlanChangeInvoicer.UnusedCreditCode);

        var partnerCard = await billing.AddCardAsync(partnerId);
        await TakePaymentBackAsync(accountId, partnerCard);

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.PlanChange && i.Status == InvoiceStatus.Paid)),
            "The partner's year was never paid.");
        var years = await billing.InvoicesAsync(accountId, InvoicePurposes.PlanChange);
        Assert.Equal(InvoiceStatus.Void, years.Single(i => i.Id == clientsYear.Id).Status);
        var partnersYear = years.Single(i => i.Id != clientsYear.Id);
        // The year at the partner's price, with no credit: the month it ran into was the client's money, not the partner's.
        var annual = clientsYear.Lines.Where(l => l.Code != PlanChangeInvoicer.UnusedCreditCode).Sum(l => l.Amount);
        Assert.Equal((Payers.Partner, annual, annual - annual * ResellerDiscount.PercentFor(1) / 100), (partnersYear.Payer, partnersYear.Subtotal, partnersYear.Total));
        Assert.DoesNotContain(partnersYear.Lines, l => l.Code == PlanChangeInvoicer.UnusedCreditCode);
        // The client gets back, on its card, the unused rest of the month it paid.
        var (periodStart, periodEnd, switchedOn) = (clientsMonth.PeriodStart, clientsMonth.PeriodEnd, DateOnly.FromDateTime(switchedAt.UtcDateTime));
        var unused = (long)Math.Round((decimal)clientsMonth.Total * (periodEnd.DayNumber - switchedOn.DayNumber) / (periodEnd.DayNumber - periodStart.DayNumber), MidpointRounding.ToEven);
        Assert.True(await billing.EventuallyAsync(db => db.CreditNotes.AnyAsync(n => n.InvoiceId == clientsMonth.Id && n.ProviderRefundId != null)), "The client's unused month was never refunded.");
        var note = await billing.QueryAsync(db => db.CreditNotes.AsNoTracking().SingleAsync(n => n.InvoiceId == clientsMonth.Id));
        Assert.Equal((unused, unused), (note.Amount, note.CardRefund));
        Assert.Equal(AccountStatus.Active, (await billing.AccountAsync(accountId)).Status);
    }

    /// <summary>
    /// A retry of the client's renewal on a good card of its own, recorded as under way: <paramref name="sent"/>, its prepaid
    /// part is fixed as it is just before the card is charged (the answer not back yet); otherwise not sent yet.
    /// </summary>
    private async Task<Guid> ClientsRetryAsync(Guid accountId, Invoice clientsRenewal, bool sent)
    {
        var clientsGoodCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        return await billing.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<BillingDb>();
            var payment = Payment.Start(clientsRenewal.Id, partnerId, clientsGoodCard, clientsRenewal.AmountDue, clientsRenewal.Currency, DateTimeOffset.UtcNow);
            db.Payments.Add(payment);
            await db.SaveChangesAsync();
            if (sent)
            {
                await db.Database.ExecuteSqlAsync($"UPDATE payments SET prepaid_amount = 0 WHERE id = {payment.Id}");
            }
            return payment.Id;
        });
    }

    /// <summary>A partner-paid account handed to its client, whose declined card leaves the client's renewal in dunning.</summary>
    private async Task<(Guid AccountId, Invoice ClientsRenewal)> ClientsRenewalInDunningAsync()
    {
        var start = DateTimeOffset.UtcNow.AddMonths(-1).AddDays(-1);
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Plus, start);
        var declinedClientCard = await billing.AddCardAsync(partnerId, "card_declined", accountId);
        // A French client of an agency whose invoices are in English.
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Partner, Payers.Customer, declinedClientCard, "client@client.test", DateTimeOffset.UtcNow.AddSeconds(-10),
            Language: InvoiceLanguages.French));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Payer == Payers.Customer));

        await billing.RunAsync<RenewalJob>(DateTimeOffset.UtcNow);
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.PaymentFailed));
        var renewal = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        Assert.Equal((Payers.Customer, InvoiceStatus.Open, 0, 1), (renewal.Payer, renewal.Status, renewal.DiscountPercent, renewal.FailedAttempts));
        Assert.Equal(InvoiceLanguages.French, renewal.Language);
        return (accountId, renewal);
    }

    private async Task TakePaymentBackAsync(Guid accountId, Guid partnerCard)
    {
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Customer, Payers.Partner, partnerCard, "billing@agency.test", DateTimeOffset.UtcNow.AddSeconds(-1),
            ChangedBy: Payers.Partner));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Payer == Payers.Partner));
    }

    private async Task AssertReissuedAndPaidAsync(Guid accountId, Invoice clientsRenewal, Guid partnerCard)
    {
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Renewal && i.Status == InvoiceStatus.Paid)),
            "The partner's renewal was never paid.");
        var renewals = await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal);
        Assert.Equal(2, renewals.Count);
        Assert.Equal(InvoiceStatus.Void, renewals.Single(i => i.Id == clientsRenewal.Id).Status);
        var partners = renewals.Single(i => i.Id != clientsRenewal.Id);
        Assert.Equal((Payers.Partner, clientsRenewal.PeriodStart, clientsRenewal.PeriodEnd), (partners.Payer, partners.PeriodStart, partners.PeriodEnd));
        // The same lines at list price, less the partner's discount for its one paid account.
        var percent = ResellerDiscount.PercentFor(1);
        Assert.Equal((clientsRenewal.Subtotal, percent, clientsRenewal.Subtotal - clientsRenewal.Subtotal * percent / 100),
            (partners.Subtotal, partners.DiscountPercent, partners.Total));
        // Said in the partner's language, not in its client's: "1 month", where the client's invoice said "1 mois".
        Assert.Equal(InvoiceLanguages.English, partners.Language);
        Assert.All(clientsRenewal.Lines, l => Assert.EndsWith("1 mois", l.Description, StringComparison.Ordinal));
        Assert.Equal(clientsRenewal.Lines.Count, partners.Lines.Count);
        Assert.All(partners.Lines, l => Assert.EndsWith("1 month", l.Description, StringComparison.Ordinal));
        Assert.Contains("Marketing automation plus, 1,000 contacts, 1 month", partners.Lines.Select(l => l.Description));
        var payments = await billing.QueryAsync(db => db.Payments.AsNoTracking().Where(p => p.InvoiceId == partners.Id).ToListAsync());
        var paid = Assert.Single(payments);
        Assert.Equal((partnerCard, PaymentStatus.Succeeded, partners.Total), (paid.BillingProfileId, paid.Status, paid.Amount));
        Assert.Equal(AccountStatus.Active, (await billing.AccountAsync(accountId)).Status);
        Assert.Equal(0, await billing.QueryAsync(db => db.Payments.CountAsync(p => p.InvoiceId == clientsRenewal.Id && p.Status == PaymentStatus.Succeeded)));
    }

    private Task<Invoice> InvoiceAsync(Guid invoiceId) => billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoiceId));
}
