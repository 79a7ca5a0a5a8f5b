using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Invoices;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;
using Reseller.Contracts.Partners;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// A taxed partner pays its client's month, the client takes over paying mid-month and switches to annual on a card that
/// declines, and the partner takes payment back. The partner's year credits the unused rest of the month the partner paid,
/// before tax (a line of a taxed invoice), and nothing goes to the client, who paid nothing of that month.
/// </summary>
public sealed class TakenBackTaxedSwitchTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure, new Dictionary<string, string?>
    {
        ["Billing:Issuer:VatId"] = "FR12345678901",
        ["Billing:Invoices:TaxRates:FR"] = "20",
    });

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task The_partners_year_credits_the_unused_rest_of_the_month_it_paid_before_tax()
    {
        var legal = new PartnerLegalDetailsChanged(partnerId, "Étoile", "Agence Étoile SARL", "3 place Bellecour\n69002 Lyon", "FR", null,
            "compta@etoile.test", "fr", DateTimeOffset.UtcNow.AddDays(-40));
        var legalId = await billing.PublishAsync(legal);
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(legalId) >= 1, Eventually.Propagation));
        var start = DateTimeOffset.UtcNow.AddMonths(-1).AddDays(-1);
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Plus, start);
        await billing.RunAsync<RenewalJob>(DateTimeOffset.UtcNow);
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Renewal && i.Status == InvoiceStatus.Paid)));
        var partnersMonth = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        Assert.Equal(20m, partnersMonth.TaxRate);

        // The client takes over paying, then switches to annual on a card that declines.
        var declinedClientCard = await billing.AddCardAsync(partnerId, "card_declined", accountId);
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Partner, Payers.Customer, declinedClientCard, "client@client.test",
            DateTimeOffset.UtcNow.AddSeconds(-30), ChangedBy: Payers.Customer));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Payer == Payers.Customer));
        var switchedAt = DateTimeOffset.UtcNow.AddSeconds(-20);
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, Plus with { Cadence = "annual" }, null, switchedAt, declinedClientCard, Payers.Customer, Revision: 1));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.PaymentFailed));
        var clientsYear = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.PlanChange));

        var partnerCard = await billing.AddCardAsync(partnerId);
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Customer, Payers.Partner, partnerCard, "billing@agency.test",
            DateTimeOffset.UtcNow.AddSeconds(-1), ChangedBy: Payers.Partner));

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.PlanChange && i.Status == InvoiceStatus.Paid)),
            "The partner's year was never paid.");
        var partnersYear = (await billing.InvoicesAsync(accountId, InvoicePurposes.PlanChange)).Single(i => i.Id != clientsYear.Id);
        var (periodStart, periodEnd, switchedOn) = (partnersMonth.PeriodStart, partnersMonth.PeriodEnd, DateOnly.FromDateTime(switchedAt.UtcDateTime));
        var net = partnersMonth.Total - partnersMonth.Tax;
        var unused = (long)Math.Round((decimal)net * (periodEnd.DayNumber - switchedOn.DayNumber) / (periodEnd.DayNumber - periodStart.DayNumber), MidpointRounding.ToEven);
        var credit = Assert.Single(partnersYear.Lines, l => l.Code == PlanChangeInvoicer.UnusedCreditCode);
        Assert.Equal(-unused, credit.Total);
        var annual = partnersYear.Lines.Where(l => l.Code != PlanChangeInvoicer.UnusedCreditCode).Sum(l => l.Amount);
        var discounted = annual - annual * ResellerDiscount.PercentFor(1) / 100 - unused;
        var tax = (long)Math.Round(discounted * 0.2m, MidpointRounding.ToEven);
        Assert.Equal((Payers.Partner, 20m, discounted + tax), (partnersYear.Payer, partnersYear.TaxRate, partnersYear.Total));
        Assert.Equal(0, await billing.QueryAsync(db => db.CreditNotes.CountAsync(n => n.AccountId == accountId)));
    }
}
