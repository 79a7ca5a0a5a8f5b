using Reseller.Billing.Invoices;
using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Pricing;
using Reseller.Billing.Purchases;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Credits;
using Reseller.UnitTests.Billing.Documents;

namespace Reseller.UnitTests.Billing;

/// <summary>
/// An invoice writes its lines in its own language, as it writes its labels: a French agency's renewal, proration, switch
/// to annual and SMS pack say "mois", "an", "au prorata" and "crédits SMS", where its lines were all in English before. The
/// catalog's names (product, add-on) are the product's own and stay as they are; a quote or the API's price stays English.
/// </summary>
public sealed class InvoiceLineWordsTests
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 3000, 5, [new AddOnQuantity("conversations", 2)], "monthly");
    private readonly PlanPricer pricer = new(TestCatalog.Default);

    [Theory]
    [InlineData(InvoiceLanguages.French, "Marketing automation plus, 3 000 contacts, 1 mois", "Sièges supplémentaires, 1 mois", "Conversations seats, 1 mois")]
    [InlineData(InvoiceLanguages.German, "Marketing automation plus, 3.000 Kontakte, 1 Monat", "Zusätzliche Plätze, 1 Monat", "Conversations seats, 1 Monat")]
    [InlineData(InvoiceLanguages.Italian, "Marketing automation plus, 3.000 contatti, 1 mese", "Postazioni aggiuntive, 1 mese", "Conversations seats, 1 mese")]
    [InlineData(InvoiceLanguages.English, "Marketing automation plus, 3,000 contacts, 1 month", "Extra seats, 1 month", "Conversations seats, 1 month")]
    public void A_renewal_says_its_plan_seats_and_add_ons_in_the_invoices_language(string language, string plan, string seats, string addOn)
    {
        var invoice = Issue(pricer.Price(Plus, 10), language);

        Assert.Equal([plan, seats, addOn], invoice.Lines.Select(l => l.Description));
    }

    [Fact]
    public void A_price_outside_an_invoice_stays_in_english()
    {
        var price = pricer.Price(Plus with { Cadence = "annual" }, 0);

        Assert.Equal("Marketing automation plus, 3,000 contacts, 1 year", price.Lines[0].Description);
    }

    [Fact]
    public void A_french_proration_says_the_days_it_covers_in_french()
    {
        var lines = Proration.Difference(pricer.Price(Plus, 0).Lines, pricer.Price(Plus with { Seats = 6 }, 0).Lines,
            new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 5));

        var line = Assert.Single(Issue(new PriceBreakdown(lines, "EUR", 0), InvoiceLanguages.French).Lines);
        Assert.Equal("Sièges supplémentaires, 1 mois : changement au prorata de 15 jours sur 30", line.Description);
    }

    [Fact]
    public void A_french_switch_to_annual_credits_the_unused_period_with_french_dates()
    {
        var price = pricer.Price(Plus with { Cadence = "annual" }, 0);
        var credit = PriceLine.Of(PlanChangeInvoicer.UnusedCreditCode, new LineText.UnusedPeriod(new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 5)), 1, -2000,
            discountable: false);

        var invoice = Issue(price with { Lines = [.. price.Lines, credit] }, InvoiceLanguages.French);

        Assert.Equal("Marketing automation plus, 3 000 contacts, 1 an", invoice.Lines[0].Description);
        Assert.Equal("Partie non utilisée de la période du 05/11/2026 au 05/12/2026", invoice.Lines[^1].Description);
        Assert.Equal("Unused part of the period 2026-11-05 to 2026-12-05", credit.Description);
    }

    [Theory]
    [InlineData(CreditKinds.Sms, 1000, InvoiceLanguages.French, "1000 crédits SMS")]
    [InlineData(CreditKinds.Compatibility, 100, InvoiceLanguages.German, "100 Kompatibilitäts-Guthaben")]
    [InlineData(CreditKinds.Prepaid, 5000, InvoiceLanguages.Italian, "Credito prepagato di 50,00 USD")]
    [InlineData(CreditKinds.Prepaid, 5000, InvoiceLanguages.English, "Prepaid credit 5000 (minor units)")]
    [InlineData(CreditKinds.Sms, 1000, InvoiceLanguages.English, "1000 sms credits")]
    public void A_credit_pack_is_named_in_the_invoices_language(string kind, long pack, string language, string expected)
    {
        var price = CreditPackInvoices.Price(TestCatalog.Default, kind, pack)!;

        Assert.Equal(expected, Assert.Single(Issue(price, language).Lines).Description);
    }

    private static Invoice Issue(PriceBreakdown price, string language) => Invoice.Issue(
        new IssueInvoice(Guid.NewGuid(), Guid.NewGuid(), Payers.Partner, InvoicePurposes.Renewal, new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 5)),
        "RSL-2026-000200", price, new DateTimeOffset(2026, 11, 5, 8, 0, 0, TimeSpan.Zero),
        new InvoiceHeading(SampleDocuments.Issuer(), SampleDocuments.FrenchAgency(), language, 0m, false, 14));
}
