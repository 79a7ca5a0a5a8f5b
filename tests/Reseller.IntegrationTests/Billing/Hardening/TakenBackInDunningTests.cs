using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
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
/// invoice, so the account the partner had taken back expired after its last retry.
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
    public async Task A_client_renewal_whose_charge_was_under_way_when_the_partner_took_payment_back_is_reissued_at_its_next_retry()
    {
        var (accountId, clientsRenewal, partnerCard) = await TakenBackWhileAChargeWasUnderWayAsync();

        await billing.RunAsync<DunningJob>(DateTimeOffset.UtcNow.AddDays(4));

        await AssertReissuedAndPaidAsync(accountId, clientsRenewal, partnerCard);
    }

    [Fact]
    public async Task Renew_pressed_by_the_partner_on_a_client_renewal_it_took_back_pays_it_as_the_partners_own()
    {
        var (accountId, clientsRenewal, partnerCard) = await TakenBackWhileAChargeWasUnderWayAsync();

        await billing.PublishAsync(new AccountRenewalRequested(accountId, partnerId, null, DateTimeOffset.UtcNow));

        await AssertReissuedAndPaidAsync(accountId, clientsRenewal, partnerCard);
    }

    /// <summary>
    /// A retry of the client's card is under way when the partner takes payment back: the switch leaves it to finish, and it
    /// is declined like the first attempt. Returns the partner's card.
    /// </summary>
    private async Task<(Guid AccountId, Invoice ClientsRenewal, Guid PartnerCard)> TakenBackWhileAChargeWasUnderWayAsync()
    {
        var (accountId, clientsRenewal) = await ClientsRenewalInDunningAsync();
        var clientsCard = (await billing.AccountAsync(accountId)).BillingProfileId!.Value;
        var underWay = await billing.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<BillingDb>();
            var payment = Payment.Start(clientsRenewal.Id, partnerId, clientsCard, clientsRenewal.AmountDue, clientsRenewal.Currency, DateTimeOffset.UtcNow);
            db.Payments.Add(payment);
            await db.SaveChangesAsync();
            return payment.Id;
        });
        var partnerCard = await billing.AddCardAsync(partnerId);
        await TakePaymentBackAsync(accountId, partnerCard);
        Assert.Equal(InvoiceStatus.Open, (await InvoiceAsync(clientsRenewal.Id)).Status);

        await billing.WithServicesAsync(async services =>
        {
            await services.GetRequiredService<ChargeProcessor>().ProcessAsync(underWay, CancellationToken.None);
            return underWay;
        });
        var declined = await InvoiceAsync(clientsRenewal.Id);
        Assert.Equal((InvoiceStatus.Open, 2), (declined.Status, declined.FailedAttempts));
        return (accountId, clientsRenewal, partnerCard);
    }

    /// <summary>A partner-paid account handed to its client, whose declined card leaves the client's renewal in dunning.</summary>
    private async Task<(Guid AccountId, Invoice ClientsRenewal)> ClientsRenewalInDunningAsync()
    {
        var start = DateTimeOffset.UtcNow.AddMonths(-1).AddDays(-1);
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Plus, start);
        var declinedClientCard = await billing.AddCardAsync(partnerId, "card_declined", accountId);
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Partner, Payers.Customer, declinedClientCard, "client@client.test", DateTimeOffset.UtcNow.AddSeconds(-10)));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Payer == Payers.Customer));

        await billing.RunAsync<RenewalJob>(DateTimeOffset.UtcNow);
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.PaymentFailed));
        var renewal = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        Assert.Equal((Payers.Customer, InvoiceStatus.Open, 0, 1), (renewal.Payer, renewal.Status, renewal.DiscountPercent, renewal.FailedAttempts));
        return (accountId, renewal);
    }

    private async Task TakePaymentBackAsync(Guid accountId, Guid partnerCard)
    {
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Customer, Payers.Partner, partnerCard, "billing@agency.test", DateTimeOffset.UtcNow.AddSeconds(-1)));
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
        var payments = await billing.QueryAsync(db => db.Payments.AsNoTracking().Where(p => p.InvoiceId == partners.Id).ToListAsync());
        var paid = Assert.Single(payments);
        Assert.Equal((partnerCard, PaymentStatus.Succeeded, partners.Total), (paid.BillingProfileId, paid.Status, paid.Amount));
        Assert.Equal(AccountStatus.Active, (await billing.AccountAsync(accountId)).Status);
        Assert.Equal(0, await billing.QueryAsync(db => db.Payments.CountAsync(p => p.InvoiceId == clientsRenewal.Id && p.Status == PaymentStatus.Succeeded)));
    }

    private Task<Invoice> InvoiceAsync(Guid invoiceId) => billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoiceId));
}
