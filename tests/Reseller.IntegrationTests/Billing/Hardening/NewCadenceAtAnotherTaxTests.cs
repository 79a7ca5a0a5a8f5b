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
/// A French partner pays its client's month with 20 % VAT, then registers in Germany with a VAT id (reverse-charged from
/// then on) and switches the account to annual. The year is taxed at 0 %: credited as a line of it, the unused rest of the
/// month would come back without the VAT paid on it. It goes back by a credit note on the month instead, VAT included.
/// A year taken back by the partner gives its client back only what that year had credited, so nothing twice.
/// </summary>
public sealed class NewCadenceAtAnotherTaxTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure, new Dictionary<string, string?>
    {
        ["Billing:Issuer:Country"] = "FR",
        ["Billing:Issuer:VatId"] = "FR12345678901",
        ["Billing:Invoices:TaxRates:FR"] = "20",
        ["Billing:Invoices:TaxRates:DE"] = "19",
    });

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task A_payer_reverse_charged_since_it_paid_its_month_gets_the_unused_rest_back_with_the_vat_it_paid_and_pays_its_whole_year()
    {
        await LegalDetailsAsync("Agence Étoile SARL", "3 place Bellecour\n69002 Lyon", "FR", null, "fr", DateTimeOffset.UtcNow.AddDays(-40));
        var card = await billing.AddCardAsync(partnerId);
        var accountId = await billing.ActiveAccountAsync(partnerId, card, Plus, DateTimeOffset.UtcNow.AddMonths(-1).AddDays(-1));
        await billing.RunAsync<RenewalJob>(DateTimeOffset.UtcNow);
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Renewal && i.Status == InvoiceStatus.Paid)));
        var month = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        Assert.Equal((20m, false), (month.TaxRate, month.ReverseCharge));
        await LegalDetailsAsync("Stern Agentur GmbH", "Hauptstraße 1\n10115 Berlin", "DE", "DE123456789", "de", DateTimeOffset.UtcNow.AddSeconds(-30));
        var switchedAt = DateTimeOffset.UtcNow.AddSeconds(-20);

        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, Plus with { Cadence = "annual" }, null, switchedAt, card, Payers.Partner, Revision: 1));

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.PlanChange && i.Status == InvoiceStatus.Paid)),
            "The year was never paid.");
        var year = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.PlanChange));
        Assert.Equal((0m, true, 0L), (year.TaxRate, year.ReverseCharge, year.Tax));
        Assert.DoesNotContain(year.Lines, l => l.Code == PlanChangeInvoicer.UnusedCreditCode);
        var annual = year.Lines.Sum(l => l.Amount);
        Assert.Equal(annual - annual * ResellerDiscount.PercentFor(1) / 100, year.Total);

        Assert.True(await billing.EventuallyAsync(db => db.CreditNotes.AnyAsync(n => n.InvoiceId == month.Id && n.ProviderRefundId != null)),
            "The unused rest of the month was never refunded.");
        var (start, end, switchedOn) = (month.PeriodStart, month.PeriodEnd, DateOnly.FromDateTime(switchedAt.UtcDateTime));
        var unused = (long)Math.Round((decimal)month.Total * (end.DayNumber - switchedOn.DayNumber) / (end.DayNumber - start.DayNumber), MidpointRounding.ToEven);
        var note = await billing.QueryAsync(db => db.CreditNotes.AsNoTracking().SingleAsync(n => n.InvoiceId == month.Id));
        Assert.Equal((unused, unused, NewPeriodReason.AtAnotherTaxIn("fr")), (note.Amount, note.CardRefund, note.Reason));
    }

    [Fact]
    public async Task Taken_back_by_the_partner_the_clients_year_refunds_what_it_credited_and_not_again_the_month_refunded_at_the_switch()
    {
        await LegalDetailsAsync("Agence Étoile SARL", "3 place Bellecour\n69002 Lyon", "FR", null, "fr", DateTimeOffset.UtcNow.AddDays(-40));
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Plus, DateTimeOffset.UtcNow.AddMonths(-1).AddDays(-1));
        // The client takes over paying before its renewal, a French consumer: its month is taxed 20 %.
        var clientCard = await billing.AddCardAsync(partnerId, "ok", accountId);
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Partner, Payers.Customer, clientCard, "client@client.test",
            DateTimeOffset.UtcNow.AddDays(-2), new CustomerBillTo("Boulangerie Martin", "1 rue du Four\n75006 Paris", "FR", null), "fr", ChangedBy: Payers.Customer));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Payer == Payers.Customer));
        await billing.RunAsync<RenewalJob>(DateTimeOffset.UtcNow);
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Renewal && i.Status == InvoiceStatus.Paid)));
        var clientsMonth = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        Assert.Equal((Payers.Customer, 20m), (clientsMonth.Payer, clientsMonth.TaxRate));
        // Then it registers as a business in Germany (reverse-charged) and adds a seat the same day it switches to annual.
        var billToId = await billing.PublishAsync(new CustomerBillToChanged(accountId, partnerId,
            new CustomerBillTo("Martin Backwaren GmbH", "Hauptstraße 1\n10115 Berlin", "DE", "DE123456789"), DateTimeOffset.UtcNow.AddSeconds(-30)));
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(billToId) >= 1, Eventually.Propagation));
        var withSeat = Plus with { Seats = 4 };
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, withSeat, null, DateTimeOffset.UtcNow.AddSeconds(-25), clientCard, Payers.Customer, Revision: 1));
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Proration && i.Status == InvoiceStatus.Paid)),
            "The client's seat was never paid.");
        var clientsSeat = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Proration));
        Assert.Equal((0m, true), (clientsSeat.TaxRate, clientsSeat.ReverseCharge));
        var declinedCard = await billing.AddCardAsync(partnerId, "card_declined", accountId);
        await billing.ChooseCardAsync(accountId, partnerId, declinedCard, DateTimeOffset.UtcNow.AddSeconds(-22));
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, withSeat, withSeat with { Cadence = "annual" }, null, DateTimeOffset.UtcNow.AddSeconds(-20),
            declinedCard, Payers.Customer, Revision: 2));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.PaymentFailed));
        var clientsYear = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.PlanChange));
        Assert.Equal(-clientsSeat.Total, clientsYear.Lines.Single(l => l.Code == PlanChangeInvoicer.UnusedCreditCode).Amount);
        Assert.True(await billing.EventuallyAsync(db => db.CreditNotes.AnyAsync(n => n.InvoiceId == clientsMonth.Id && n.ProviderRefundId != null)),
            "The client's month, taxed otherwise than its year, was never refunded at the switch.");

        await billing.PublishAsync(new PayerChanged(accountId, partnerId, Payers.Customer, Payers.Partner, await billing.AddCardAsync(partnerId), "billing@agency.test",
            DateTimeOffset.UtcNow.AddSeconds(-1), ChangedBy: Payers.Partner));

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.PlanChange && i.Status == InvoiceStatus.Paid)),
            "The partner's year was never paid.");
        Assert.True(await billing.EventuallyAsync(db => db.CreditNotes.AnyAsync(n => n.InvoiceId == clientsSeat.Id && n.ProviderRefundId != null)),
            "What the voided year credited of the client's seat was never refunded.");
        var notes = await billing.QueryAsync(db => db.CreditNotes.AsNoTracking().Where(n => n.AccountId == accountId).ToListAsync());
        Assert.Equal(NewPeriodReason.AtAnotherTaxIn("fr"), Assert.Single(notes, n => n.InvoiceId == clientsMonth.Id).Reason);
        Assert.Equal(clientsSeat.Total, Assert.Single(notes, n => n.InvoiceId == clientsSeat.Id).Amount);
        Assert.Equal(2, notes.Count);
    }

    private async Task LegalDetailsAsync(string legalName, string address, string country, string? vatId, string language, DateTimeOffset changedAt)
    {
        var id = await billing.PublishAsync(new PartnerLegalDetailsChanged(partnerId, "Étoile", legalName, address, country, vatId, "compta@etoile.test", language, changedAt));
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(id) >= 1, Eventually.Propagation));
    }
}
