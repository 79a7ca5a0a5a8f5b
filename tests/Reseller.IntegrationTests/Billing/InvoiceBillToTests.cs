using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Billing.Catalog;
using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Billing.Invoices.Documents;
using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Payments;
using Reseller.Billing.Pricing;
using Reseller.Billing.Purchases;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;
using Reseller.Contracts.Credits;
using Reseller.Contracts.Partners;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.IntegrationTests.Billing;

/// <summary>
/// What an issued invoice names: the configured issuer, the payer's bill-to as Billing learnt it from Partners' and
/// Accounts' events, the payer's language and the tax of its country, all copied onto the invoice when it is issued.
/// </summary>
public sealed class InvoiceBillToTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure, new Dictionary<string, string?>
    {
        ["Billing:Issuer:LegalName"] = "Reseller SAS",
        ["Billing:Issuer:Address"] = "12 rue de la Paix | 75002 Paris",
        ["Billing:Issuer:VatId"] = "FR12345678901",
        ["Billing:Issuer:Email"] = "billing@reseller.test",
        ["Billing:Invoices:TaxRates:FR"] = "20",
        ["Billing:Invoices:TaxRates:DE"] = "19",
        ["Billing:Invoices:PaymentTermDays"] = "14",
    });

    public async Task DisposeAsync() => await billing.DisposeAsync();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    [Fact]
    public async Task A_partners_invoice_keeps_the_legal_details_issuer_and_tax_it_was_issued_with()
    {
        await ConsumedAsync(new PartnerLegalDetailsChanged(partnerId, "Étoile", "Agence Étoile SARL", "3 place Bellecour\n69002 Lyon", "FR", "FR98765432109",
            "compta@etoile.test", "fr", Now));
        var accountId = Guid.NewGuid();
        var card = await billing.AddCardAsync(partnerId);
        await billing.PublishAsync(new AccountCreated(accountId, partnerId, "acct-" + accountId.ToString("N")[..8], Plus, "partner", card, "pending", Now, "billing@agency.test"));
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Status == InvoiceStatus.Paid)));

        var invoice = await InvoiceAsync(accountId, InvoicePurposes.FirstPeriod);
        Assert.Equal(("Agence Étoile SARL", "3 place Bellecour\n69002 Lyon", "FR", "FR98765432109"), (invoice.BillTo!.Name, invoice.BillTo.Address, invoice.BillTo.Country, invoice.BillTo.VatId));
        Assert.Equal(("Reseller SAS", "12 rue de la Paix\n75002 Paris", "FR", "FR12345678901"), (invoice.Issuer!.Name, invoice.Issuer.Address, invoice.Issuer.Country, invoice.Issuer.VatId));
        Assert.Equal(("fr", 20m, false), (invoice.Language, invoice.TaxRate, invoice.ReverseCharge));
        var net = invoice.Subtotal - invoice.Discount;
        Assert.Equal((long)Math.Round(net * 0.2m, MidpointRounding.ToEven), invoice.Tax);
        Assert.Equal(net + invoice.Tax, invoice.Total);
        Assert.Equal(invoice.Total, invoice.CardCharged);
        Assert.Equal(invoice.Total, await billing.QueryAsync(db => db.Payments.Where(p => p.InvoiceId == invoice.Id).SumAsync(p => p.Amount)));
        Assert.Equal(DateOnly.FromDateTime(invoice.IssuedAt.UtcDateTime).AddDays(14), invoice.DueDate);
        Assert.Equal(new PaidCard("visa", "4242"), await billing.QueryAsync(db => DocumentDownload.PaidCardAsync(db, invoice, CancellationToken.None)));

        // The partner moves: invoices issued from now on name the new address, the issued one never changes.
        await ConsumedAsync(new PartnerLegalDetailsChanged(partnerId, "Étoile", "Agence Étoile SAS", "8 quai Saint-Antoine\n69002 Lyon", "FR", "FR98765432109",
            "compta@etoile.test", "fr", Now));
        Assert.Equal("Agence Étoile SAS", await billing.QueryAsync(async db => (await db.BilledPartners.SingleAsync(p => p.PartnerId == partnerId)).LegalName));
        Assert.Equal("Agence Étoile SARL", (await InvoiceAsync(accountId, InvoicePurposes.FirstPeriod)).BillTo!.Name);

        // Its renewal, invoiced in a batch whose headings are read together, names the partner as it is now.
        var periodEnd = (await billing.QueryAsync(db => db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId))).CurrentPeriodEnd!.Value;
        await billing.RunAsync<RenewalJob>(new DateTimeOffset(periodEnd.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Renewal && i.Status == InvoiceStatus.Paid)));
        var renewal = await InvoiceAsync(accountId, InvoicePurposes.Renewal);
        Assert.Equal(("Agence Étoile SAS", "8 quai Saint-Antoine\n69002 Lyon", "FR", "FR98765432109"), (renewal.BillTo!.Name, renewal.BillTo.Address, renewal.BillTo.Country, renewal.BillTo.VatId));
        Assert.Equal(("fr", 20m, false), (renewal.Language, renewal.TaxRate, renewal.ReverseCharge));
    }

    [Fact]
    public async Task A_quote_shows_the_tax_of_its_payer_and_the_first_invoice_charges_what_it_quoted()
    {
        await ConsumedAsync(new PartnerLegalDetailsChanged(partnerId, "Étoile", "Agence Étoile SARL", "3 place Bellecour\n69002 Lyon", "FR", "FR98765432109",
            "compta@etoile.test", "fr", Now));
        var card = await billing.AddCardAsync(partnerId);

        var quote = await QuoteAsync(new QuoteRequest(PlusRequest(1000), "partner"));
        Assert.Equal((20m, false), (quote.TaxRate, quote.ReverseCharge));
        Assert.Equal((long)Math.Round(quote.Total.Amount * 0.2m, MidpointRounding.ToEven), quote.Tax.Amount);
        Assert.Equal(quote.Total.Amount + quote.Tax.Amount, quote.TotalWithTax.Amount);

        var accountId = Guid.NewGuid();
        await billing.PublishAsync(new AccountCreated(accountId, partnerId, "acct-" + accountId.ToString("N")[..8], Plus, "partner", card, "pending", Now, "billing@agency.test"));
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Status == InvoiceStatus.Paid)));
        var invoice = await InvoiceAsync(accountId, InvoicePurposes.FirstPeriod);
        Assert.Equal((quote.Tax.Amount, quote.TotalWithTax.Amount), (invoice.Tax, invoice.Total));
        Assert.Equal(quote.TotalWithTax.Amount, invoice.CardCharged);

        // A change of the account is taxed as its invoices are, now and at the renewal.
        var change = await QuoteAsync(new QuoteRequest(PlusRequest(2500), null, PublicId.Format("acc", accountId)));
        Assert.Equal(("now", 20m), (change.Change!.Effective, change.TaxRate));
        Assert.True(change.Total.Amount > 0, "an upgrade charges its prorated difference now");
        Assert.Equal(change.Total.Amount + TaxRule.Tax(change.Total.Amount, 20m), change.TotalWithTax.Amount);
        Assert.Equal(change.Change.Renewal.Total.Amount + TaxRule.Tax(change.Change.Renewal.Total.Amount, 20m), change.Change.Renewal.TotalWithTax.Amount);
    }

    [Fact]
    public async Task A_german_business_partner_is_quoted_under_the_reverse_charge_and_a_new_customer_at_the_issuers_rate()
    {
        await ConsumedAsync(new PartnerLegalDetailsChanged(partnerId, "Kraft", "Kraft Agentur GmbH", "Königstraße 5\n70173 Stuttgart", "DE", "DE123456789",
            "buchhaltung@kraft.test", "de", Now));

        var partners = await QuoteAsync(new QuoteRequest(PlusRequest(1000), "partner"));
        Assert.Equal((0m, true, 0L), (partners.TaxRate, partners.ReverseCharge, partners.Tax.Amount));
        Assert.Equal(partners.Total, partners.TotalWithTax);

        // The customer of a new customer-paid account is known by nothing yet, not by its partner's details: it pays the
        // issuer's country's rate, as its first invoice does until it gives a bill-to address.
        var customers = await QuoteAsync(new QuoteRequest(PlusRequest(1000), "customer"));
        Assert.Equal((0, 20m, false), (customers.DiscountPercent, customers.TaxRate, customers.ReverseCharge));
        Assert.Equal(customers.Total.Amount + TaxRule.Tax(customers.Total.Amount, 20m), customers.TotalWithTax.Amount);
    }

    [Fact]
    public async Task A_german_business_customer_that_took_over_payment_is_invoiced_in_german_under_the_reverse_charge()
    {
        var accountId = Guid.NewGuid();
        var partnerCard = await billing.AddCardAsync(partnerId);
        await billing.PublishAsync(new AccountCreated(accountId, partnerId, "acct-" + accountId.ToString("N")[..8], Plus, "partner", partnerCard, "pending", Now, "billing@agency.test"));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId))?.Status == AccountStatus.Active));
        var ownCard = await billing.AddCardAsync(partnerId, accountId: accountId);

        await ConsumedAsync(new PayerChanged(accountId, partnerId, "partner", "customer", ownCard, "billing@agency.test", Now,
            new CustomerBillTo("Jürgen Müller GmbH", "Königstraße 5\n70173 Stuttgart", "DE", "DE123456789"), "de-DE"));
        var periodEnd = (await billing.QueryAsync(db => db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId))).CurrentPeriodEnd!.Value;
        await billing.RunAsync<RenewalJob>(new DateTimeOffset(periodEnd.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Renewal && i.Status == InvoiceStatus.Paid)));

        var renewal = await InvoiceAsync(accountId, InvoicePurposes.Renewal);
        Assert.Equal("customer", renewal.Payer);
        // Its quotes say the same: no VAT, reverse charge.
        var quote = await QuoteAsync(new QuoteRequest(PlusRequest(2500), null, PublicId.Format("acc", accountId)));
        Assert.Equal((0m, true, 0L), (quote.TaxRate, quote.ReverseCharge, quote.Tax.Amount));
        Assert.Equal((quote.Total.Amount, quote.Change!.Renewal.Total.Amount), (quote.TotalWithTax.Amount, quote.Change.Renewal.TotalWithTax.Amount));
        Assert.Equal(("Jürgen Müller GmbH", "DE", "DE123456789"), (renewal.BillTo!.Name, renewal.BillTo.Country, renewal.BillTo.VatId));
        Assert.Equal(("de", 0m, true, 0L), (renewal.Language, renewal.TaxRate, renewal.ReverseCharge, renewal.Tax));
        Assert.Equal(renewal.Subtotal - renewal.Discount, renewal.Total);
        // The partner's first invoice, issued before, still names the partner (nothing was known of it: an empty bill-to).
        Assert.Equal("", (await InvoiceAsync(accountId, InvoicePurposes.FirstPeriod)).BillTo!.Name);
    }

    [Fact]
    public async Task A_prepaid_credit_pack_is_invoiced_without_vat_and_an_sms_pack_with_it()
    {
        await ConsumedAsync(new PartnerLegalDetailsChanged(partnerId, "Étoile", "Agence Étoile SARL", "3 place Bellecour\n69002 Lyon", "FR", "FR98765432109",
            "compta@etoile.test", "fr", Now));
        await billing.AddCardAsync(partnerId);
        var partner = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PlatformClaims.PartnerId, partnerId.ToString())], "test"));

        // Prepaid credit pays invoices that carry VAT themselves: 50.00 of it costs 50.00, not 60.00.
        var prepaid = await BuyPackAsync(partner, CreditKinds.Prepaid, 5000);
        Assert.Equal((0m, 0L, 5000L, 5000L, InvoiceStatus.Paid), (prepaid.TaxRate, prepaid.Tax, prepaid.Total, prepaid.CardCharged, prepaid.Status));
        var csv = InvoiceCsv.Render(InvoiceDocuments.ForInvoice(prepaid, []));
        Assert.Contains(",prepaid_credit,Le crédit prépayé est un paiement d'avance : pas de TVA à l'achat", csv);

        var sms = await BuyPackAsync(partner, CreditKinds.Sms, 1000);
        Assert.Equal((20m, sms.Subtotal / 5, sms.Subtotal + sms.Subtotal / 5), (sms.TaxRate, sms.Tax, sms.Total));
        Assert.DoesNotContain("prepaid_credit", InvoiceCsv.Render(InvoiceDocuments.ForInvoice(sms, [])));
    }

    private static PlanRequest PlusRequest(int contacts) => new("marketing", "plus", contacts, null, [], "monthly");

    private Task<QuoteResponse> QuoteAsync(QuoteRequest request) => billing.WithServicesAsync(async services =>
    {
        var partner = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PlatformClaims.PartnerId, partnerId.ToString())], "test"));
        var answer = await CatalogApi.QuoteAsync(request, partner, services.GetRequiredService<ProductCatalog>(), services.GetRequiredService<PlanPricer>(),
            services.GetRequiredService<PaidAccountCounter>(), services.GetRequiredService<PlanChangeQuotes>(), services.GetRequiredService<InvoiceHeadings>(),
            CancellationToken.None);
        return answer.Value!;
    });

    private Task<Invoice> BuyPackAsync(ClaimsPrincipal partner, string kind, long pack) => billing.WithServicesAsync(async services =>
    {
        var request = new CreditPurchaseRequest(PublicId.Format("cp", Guid.CreateVersion7()), kind, pack, null);
        var answer = await CreditPurchasesApi.InvoiceAsync(request, partner, services.GetRequiredService<BillingDb>(), services.GetRequiredService<ProductCatalog>(),
            services.GetRequiredService<InvoiceNumbering>(), services.GetRequiredService<InvoiceHeadings>(),
            services.GetRequiredService<ChargeProcessor>(), TimeProvider.System, CancellationToken.None);
        var number = Assert.IsType<Created<InvoiceResponse>>(answer.Result).Value!.Number;
        return await billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Number == number));
    });

    private Task<Invoice> InvoiceAsync(Guid accountId, string purpose) =>
        billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.AccountId == accountId && i.Purpose == purpose));

    private async Task ConsumedAsync<T>(T message) where T : class
    {
        var messageId = await billing.PublishAsync(message);
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(messageId) >= 1, Eventually.Propagation));
    }
}
