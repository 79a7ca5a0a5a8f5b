using Reseller.Billing.CreditNotes;
using Reseller.Billing.Invoices;
using Reseller.Billing.Invoices.Documents;
using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Pricing;
using Reseller.Billing.Purchases;
using Reseller.Contracts.Credits;

namespace Reseller.UnitTests.Billing.Documents;

/// <summary>A French issuer billing a French agency (20 % VAT, paid by prepaid credit and card) and a German business customer (reverse charge).</summary>
public static class SampleDocuments
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 11, 5, 9, 30, 0, TimeSpan.Zero);
    public static readonly Dictionary<string, decimal> Rates = new() { ["FR"] = 20m, ["DE"] = 19m, ["IT"] = 22m };
    public static readonly DocumentBranding Branding = new(null, "", "SAS au capital de 10 000 € · RCS Paris 123 456 789");

    public static InvoiceParty Issuer() => new()
    {
        Name = "Reseller SAS",
        Address = "12 rue de la Paix\n75002 Paris",
        Country = "FR",
        VatId = "FR12345678901",
        Email = "billing@reseller.test",
    };

    public static InvoiceParty FrenchAgency() => new()
    {
        Name = "Agence Étoile SARL",
        Address = "3 place Bellecour\n69002 Lyon",
        Country = "FR",
        VatId = "FR98765432109",
        Email = "compta@etoile.test",
    };

    public static InvoiceParty GermanCustomer() => new()
    {
        Name = "Jürgen Müller GmbH",
        Address = "Königstraße 5\n70173 Stuttgart",
        Country = "DE",
        VatId = "DE123456789",
    };

    public static InvoiceParty ItalianAgency() => new()
    {
        Name = "Società Rossi S.r.l.",
        Address = "Via Roma 1\n20121 Milano",
        Country = "IT",
    };

    /// <summary>Plan 49.00 and 3 × 5.00 of extra seats, each line written in the invoice's language, 10 % reseller discount, 20 % VAT: 57.60 + 11.52 = 69.12, 10.00 prepaid, 59.12 by card.</summary>
    public static Invoice FrenchPartnerInvoice()
    {
        var price = new PriceBreakdown(
            [
                PriceLine.Of("plan", new LineText.Plan("Marketing", "plus", 1000, Annual: false), 1, 4900, discountable: true).WithDiscountPercent(10),
                PriceLine.Of("extra_seats", new LineText.ExtraSeats(Annual: false), 3, 500, discountable: true).WithDiscountPercent(10),
            ],
            "EUR",
            10);
        var invoice = Issue(price, Issuer(), FrenchAgency(), InvoiceLanguages.French, "RSL-2026-000123");
        invoice.ApplyPrepaid(1000);
        invoice.PayByCard(invoice.AmountDue, IssuedAt);
        return invoice;
    }

    /// <summary>A German business customer: reverse charge (0 %), 9.00 of prepaid credit applied, 40.00 still due.</summary>
    public static Invoice GermanCustomerInvoice()
    {
        var price = new PriceBreakdown([PriceLine.Of("plan", new LineText.Plan("Marketing", "plus", 1000, Annual: false), 1, 4900, discountable: false)], "EUR", 0);
        var invoice = Issue(price, Issuer(), GermanCustomer(), InvoiceLanguages.German, "RSL-2026-000124");
        invoice.ApplyPrepaid(900);
        return invoice;
    }

    public static Invoice ItalianPartnerInvoice()
    {
        var price = new PriceBreakdown([PriceLine.Of("plan", new LineText.Plan("Marketing", "plus", 1000, Annual: false), 1, 4900, discountable: true)], "EUR", 0);
        return Issue(price, Issuer(), ItalianAgency(), InvoiceLanguages.Italian, "RSL-2026-000125");
    }

    /// <summary>A French agency's 50.00 prepaid-credit pack, invoiced untaxed under the pack's own rule.</summary>
    public static Invoice FrenchPrepaidPackInvoice()
    {
        var price = CreditPackInvoices.Price(TestCatalog.Default, CreditKinds.Prepaid, 5000)!;
        var (rate, reverseCharge) = TaxRule.For(Issuer(), FrenchAgency(), Rates);
        var heading = CreditPackInvoices.Heading(CreditKinds.Prepaid, new InvoiceHeading(Issuer(), FrenchAgency(), InvoiceLanguages.French, rate, reverseCharge, 14));
        var invoice = Invoice.Issue(
            new IssueInvoice(Guid.NewGuid(), null, "partner", "credit_purchase", new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 5)),
            "RSL-2026-000126", price, IssuedAt, heading);
        invoice.PayByCard(invoice.AmountDue, IssuedAt);
        return invoice;
    }

    public static CreditNote CreditOn(Invoice invoice) =>
        CreditNote.Issue(invoice, CreditedSoFar.Nothing, 1200, "Geste commercial : panne du 3 novembre", "CN-2026-000007", IssuedAt.AddDays(10));

    public static PaidCard Card { get; } = new("visa", "4242");

    private static Invoice Issue(PriceBreakdown price, InvoiceParty issuer, InvoiceParty billTo, string language, string number)
    {
        var (rate, reverseCharge) = TaxRule.For(issuer, billTo, Rates);
        return Invoice.Issue(
            new IssueInvoice(Guid.NewGuid(), Guid.NewGuid(), "partner", "renewal", new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 5)),
            number, price, IssuedAt, new InvoiceHeading(issuer, billTo, language, rate, reverseCharge, 14));
    }
}
