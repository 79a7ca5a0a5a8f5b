using Reseller.Billing.Invoices.Issuing;

namespace Reseller.UnitTests.Billing.Documents;

public sealed class TaxRuleTests
{
    [Theory]
    [InlineData("FR", "FR98765432109", 20, false)] // same country as the issuer: its VAT
    [InlineData("DE", "DE123456789", 0, true)] // EU business elsewhere: reverse charge
    [InlineData("DE", null, 19, false)] // EU consumer: its country's rate
    [InlineData("IT", "IT12345678901", 0, true)]
    [InlineData("US", "12-3456789", 0, false)] // outside the EU, no rate configured
    [InlineData("IT", "FR98765432109", 22, false)] // a VAT id of another country than the payer's: taxed, no reverse charge
    [InlineData("", null, 20, false)] // country unknown (a client paying without a bill-to address): the issuer's
    public void The_rate_follows_the_payers_country_and_vat_id(string country, string? vatId, int rate, bool reverseCharge)
    {
        var billTo = new InvoiceParty { Name = "x", Country = country, VatId = vatId };

        var result = TaxRule.For(SampleDocuments.Issuer(), billTo, SampleDocuments.Rates);

        Assert.Equal(((decimal)rate, reverseCharge), result);
    }

    /// <summary>The 27 member states (Greece's VAT ids start with EL), written here apart from the rule's own list.</summary>
    public static TheoryData<string, string> MemberStates() => new()
    {
        { "AT", "ATU12345678" }, { "BE", "BE0123456789" }, { "BG", "BG123456789" }, { "CY", "CY12345678X" }, { "CZ", "CZ12345678" },
        { "DE", "DE123456789" }, { "DK", "DK12345678" }, { "EE", "EE123456789" }, { "ES", "ESX1234567X" }, { "FI", "FI12345678" },
        { "FR", "FR98765432109" }, { "GR", "EL123456789" }, { "HR", "HR12345678901" }, { "HU", "HU12345678" }, { "IE", "IE1234567X" }, { "IT", "IT12345678901" },
        { "LT", "LT123456789" }, { "LU", "LU12345678" }, { "LV", "LV12345678901" }, { "MT", "MT12345678" }, { "NL", "NL123456789B01" },
        { "PL", "PL1234567890" }, { "PT", "PT123456789" }, { "RO", "RO1234567" }, { "SE", "SE123456789701" }, { "SI", "SI12345678" },
        { "SK", "SK1234567890" },
    };

    [Theory]
    [MemberData(nameof(MemberStates))]
    public void A_business_of_any_member_state_is_reverse_charged_by_an_issuer_elsewhere(string country, string vatId) =>
        Assert.Equal((0m, true), TaxRule.For(new InvoiceParty { Name = "Reseller Inc.", Country = "US" }, new InvoiceParty { Name = "x", Country = country, VatId = vatId }, SampleDocuments.Rates));

    [Theory]
    [InlineData("GB", "GB123456789")]
    [InlineData("CH", "CHE123456789")]
    [InlineData("NO", "NO123456789")]
    public void A_business_outside_the_eu_is_not_reverse_charged_whatever_its_id(string country, string vatId) =>
        Assert.Equal((0m, false), TaxRule.For(SampleDocuments.Issuer(), new InvoiceParty { Name = "x", Country = country, VatId = vatId }, SampleDocuments.Rates));

    [Fact]
    public void An_issuer_outside_the_eu_reverse_charges_an_eu_business_and_charges_an_eu_consumer_its_countrys_rate()
    {
        // DOMAIN.md: 0 % with the mention for an EU business payer with a VAT id in another country than the issuer's.
        var issuer = new InvoiceParty { Name = "Reseller Inc.", Country = "US" };
        var germanConsumer = new InvoiceParty { Name = "Jürgen Müller", Country = "DE" };

        Assert.Equal((0m, true), TaxRule.For(issuer, SampleDocuments.GermanCustomer(), SampleDocuments.Rates));
        Assert.Equal((19m, false), TaxRule.For(issuer, germanConsumer, SampleDocuments.Rates));
    }

    [Theory]
    [InlineData(5760, 20, 1152)]
    [InlineData(4900, 0, 0)]
    [InlineData(125, 10, 12)] // 12.5 rounds half to even
    [InlineData(135, 10, 14)] // 13.5 rounds half to even
    [InlineData(1000, 8.5, 85)]
    public void Tax_is_the_rate_of_the_net_amount_rounded_to_the_cent(long net, decimal rate, long tax)
    {
        Assert.Equal(tax, TaxRule.Tax(net, rate));
    }

    [Fact]
    public void A_taxed_invoice_charges_its_net_plus_tax_and_snapshots_both_parties()
    {
        var invoice = SampleDocuments.FrenchPartnerInvoice();

        Assert.Equal((6400, 640, 1152, 6912), (invoice.Subtotal, invoice.Discount, invoice.Tax, invoice.Total));
        Assert.Equal((1000, 5912, 0L), (invoice.PrepaidApplied, invoice.CardCharged, invoice.AmountDue));
        Assert.Equal("Agence Étoile SARL", invoice.BillTo!.Name);
        Assert.Equal("FR12345678901", invoice.Issuer!.VatId);
        Assert.Equal(new DateOnly(2026, 11, 19), invoice.DueDate);
    }

    [Theory]
    [InlineData("FR12345678901", "", "FR")]
    [InlineData("EL123456789", "", "GR")] // Greece's VAT ids start with EL
    [InlineData("FR12345678901", "de", "DE")]
    [InlineData("", "", "")]
    public void The_issuer_country_is_configured_or_read_from_its_vat_id(string vatId, string country, string expected)
    {
        Assert.Equal(expected, new IssuerOptions { VatId = vatId, Country = country }.ToParty().Country);
    }

    [Theory]
    [InlineData("fr-BE", "fr")]
    [InlineData("DE", "de")]
    [InlineData("it", "it")]
    [InlineData("es", "en")]
    [InlineData(null, "en")]
    public void A_language_not_offered_falls_back_to_english(string? language, string expected)
    {
        Assert.Equal(expected, InvoiceLanguages.Of(language));
    }
}
