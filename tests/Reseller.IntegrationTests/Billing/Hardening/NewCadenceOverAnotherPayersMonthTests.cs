using Microsoft.EntityFrameworkCore;

using Reseller.Billing.CreditNotes;
using Reseller.Billing.Invoices;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;
using Reseller.Contracts.Partners;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// A taxed partner pays its client's month, then the client takes over paying and switches to annual. The new year starts
/// that day, so the rest of the month the partner paid is never used: it is the partner's money, given back to the partner
/// by a credit note refunded to its card, tax included. Before, it was credited on the client's year, so the partner paid
/// part of its client's price. So with a former partner's month, when the partner an account moved in to switches it.
/// </summary>
public sealed class NewCadenceOverAnotherPayersMonthTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
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
    public async Task A_client_switching_to_annual_pays_its_whole_year_and_the_partner_gets_back_the_unused_month_it_paid()
    {
        var (accountId, partnersMonth) = await PartnersMonthAsync();
        var clientCard = await ClientTakesOverPayingAsync(accountId, "ok");
        var switchedAt = DateTimeOffset.UtcNow.AddSeconds(-20);

        await SwitchToAnnualAsync(accountId, clientCard, switchedAt);

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.PlanChange && i.Status == InvoiceStatus.Paid)),
            "The client's year was never paid.");
        var clientsYear = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.PlanChange));
        Assert.Equal(Payers.Customer, clientsYear.Payer);
        Assert.DoesNotContain(clientsYear.Lines, l => l.Code == PlanChangeInvoicer.UnusedCreditCode);
        await AssertPartnerRefundedAsync(partnersMonth, switchedAt);
    }

    [Fact]
    public async Task Taken_back_after_the_clients_switch_declined_the_year_is_the_partners_whole_and_each_payer_is_refunded_its_unused_part_once()
    {
        var (accountId, partnersMonth) = await PartnersMonthAsync();
        var clientCard = await ClientTakesOverPayingAsync(accountId, "ok");
        // The client adds a seat on its own card: that proration is the client's part of the month.
        var withSeat = Plus with { Seats = 4 };
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, withSeat, null, DateTimeOffset.UtcNow.AddSeconds(-25), clientCard, Payers.Customer, Revision: 1));
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Proration && i.Status == InvoiceStatus.Paid)),
            "The client's seat was never paid.");
        var clientsProration = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Proration));
        var declinedClientCard = await billing.AddCardAsync(partnerId, "card_declined", accountId);
        await billing.ChooseCardAsync(accountId, partnerId, declinedClientCard, DateTimeOffset.UtcNow.AddSeconds(-22));
        var switchedAt = DateTimeOffset.UtcNow.AddSeconds(-20);
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, withSeat, withSeat with { Cadence = "annual" }, null, switchedAt, declinedClientCard,
            Payers.Customer, Revision: 2));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.PaymentFailed));
        var clientsYear = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.PlanChange));
        Assert.Contains(clientsYear.Lines, l => l.Code == PlanChangeInvoicer.UnusedCreditCode);

        var partnerCard = await billing.AddCardAsync(partnerId);
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Customer, Payers.Partner, partnerCard, "billing@agency.test",
            DateTimeOffset.UtcNow.AddSeconds(-1), ChangedBy: Payers.Partner));

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.PlanChange && i.Status == InvoiceStatus.Paid)),
            "The partner's year was never paid.");
        var partnersYear = (await billing.InvoicesAsync(accountId, InvoicePurposes.PlanChange)).Single(i => i.Id != clientsYear.Id);
        // The unused month went back to the partner when the client switched, so the partner's year credits nothing of it again.
        Assert.DoesNotContain(partnersYear.Lines, l => l.Code == PlanChangeInvoicer.UnusedCreditCode);
        var annual = partnersYear.Lines.Sum(l => l.Amount);
        var discounted = annual - annual * ResellerDiscount.PercentFor(1) / 100;
        var tax = (long)Math.Round(discounted * 0.2m, MidpointRounding.ToEven);
        Assert.Equal((Payers.Partner, 20m, discounted + tax), (partnersYear.Payer, partnersYear.TaxRate, partnersYear.Total));
        await AssertPartnerRefundedAsync(partnersMonth, switchedAt);
        // The client's seat, made that day, was not used at all: refunded whole, once.
        Assert.True(await billing.EventuallyAsync(db => db.CreditNotes.AnyAsync(n => n.InvoiceId == clientsProration.Id && n.ProviderRefundId != null)),
            "The client's unused seat was never refunded.");
        var clientsNote = await billing.QueryAsync(db => db.CreditNotes.AsNoTracking().SingleAsync(n => n.InvoiceId == clientsProration.Id));
        Assert.Equal((clientsProration.Total, clientsProration.Total), (clientsNote.Amount, clientsNote.CardRefund));
        Assert.Equal(2, await billing.QueryAsync(db => db.CreditNotes.CountAsync(n => n.AccountId == accountId)));
    }

    [Fact]
    public async Task A_new_partner_switching_an_account_it_took_in_to_annual_pays_its_whole_year_and_the_former_partner_gets_back_its_unused_month()
    {
        var (accountId, formerPartnersMonth) = await PartnersMonthAsync();
        var newPartnerId = Guid.NewGuid();
        var movedInAt = DateTimeOffset.UtcNow.AddSeconds(-40);
        await billing.MoveOutAsync(accountId, partnerId, movedInAt.AddSeconds(-1));
        await billing.MoveInAsync(accountId, newPartnerId, Plus, movedInAt);
        var newCard = await billing.AddCardAsync(newPartnerId);
        var switchedAt = DateTimeOffset.UtcNow.AddSeconds(-20);

        await billing.PublishAsync(new AccountPlanChanged(accountId, newPartnerId, Plus, Plus with { Cadence = "annual" }, null, switchedAt, newCard, Payers.Partner, Revision: 1));

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.PlanChange && i.Status == InvoiceStatus.Paid)),
            "The new partner's year was never paid.");
        var newPartnersYear = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.PlanChange));
        Assert.Equal(newPartnerId, newPartnersYear.PartnerId);
        Assert.DoesNotContain(newPartnersYear.Lines, l => l.Code == PlanChangeInvoicer.UnusedCreditCode);
        await AssertPartnerRefundedAsync(formerPartnersMonth, switchedAt);
    }

    /// <summary>An account the partner paid a month of, a few days into that month.</summary>
    private async Task<(Guid AccountId, Invoice PartnersMonth)> PartnersMonthAsync()
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
        Assert.Equal((Payers.Partner, 20m), (partnersMonth.Payer, partnersMonth.TaxRate));
        return (accountId, partnersMonth);
    }

    private async Task<Guid> ClientTakesOverPayingAsync(Guid accountId, string cardToken)
    {
        var clientCard = await billing.AddCardAsync(partnerId, cardToken, accountId);
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Partner, Payers.Customer, clientCard, "client@client.test",
            DateTimeOffset.UtcNow.AddSeconds(-30), ChangedBy: Payers.Customer));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Payer == Payers.Customer));
        return clientCard;
    }

    private Task<Guid> SwitchToAnnualAsync(Guid accountId, Guid clientCard, DateTimeOffset switchedAt) =>
        billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, Plus with { Cadence = "annual" }, null, switchedAt, clientCard, Payers.Customer, Revision: 1));

    /// <summary>One note on the partner's month, of the unused rest of what it paid with tax, refunded to its card in the invoice's language.</summary>
    private async Task AssertPartnerRefundedAsync(Invoice partnersMonth, DateTimeOffset switchedAt)
    {
        Assert.True(await billing.EventuallyAsync(db => db.CreditNotes.AnyAsync(n => n.InvoiceId == partnersMonth.Id && n.ProviderRefundId != null)),
            "The partner's unused month was never refunded.");
        var (periodStart, periodEnd, switchedOn) = (partnersMonth.PeriodStart, partnersMonth.PeriodEnd, DateOnly.FromDateTime(switchedAt.UtcDateTime));
        var unused = (long)Math.Round((decimal)partnersMonth.Total * (periodEnd.DayNumber - switchedOn.DayNumber) / (periodEnd.DayNumber - periodStart.DayNumber), MidpointRounding.ToEven);
        var note = await billing.QueryAsync(db => db.CreditNotes.AsNoTracking().SingleAsync(n => n.InvoiceId == partnersMonth.Id));
        Assert.Equal((partnersMonth.Id, unused, unused, NewPeriodReason.In("fr")), (note.InvoiceId, note.Amount, note.CardRefund, note.Reason));
    }
}
