using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Pricing;

namespace Reseller.UnitTests.Billing;

/// <summary>
/// An invoice line keeps what it says in no language yet, so the same line issued again to another payer (a partner that
/// took payment back from its client) says it in that payer's language.
/// </summary>
public sealed class LineTextJsonTests
{
    public static TheoryData<LineText> Texts() =>
    [
        new LineText.Plan("Marketing automation", "plus", 3000, Annual: false),
        new LineText.Plan("CRM", "standard", null, Annual: true),
        new LineText.ExtraSeats(Annual: false),
        new LineText.AddOn("Conversations seats", Annual: true),
        new LineText.Prorated(new LineText.Plan("Marketing automation", "plus", 5000, Annual: false), 12, 30),
        new LineText.UnusedPeriod(new DateOnly(2026, 11, 6), new DateOnly(2026, 12, 6)),
        new LineText.CreditPack("sms", 1000, "USD"),
        new LineText.Written("Goodwill"),
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_stored_text_reads_back_as_the_same_text_and_says_the_same_words_in_every_language(LineText text)
    {
        var read = LineTextJson.Read(LineTextJson.Write(text));

        Assert.Equal(text, read);
        foreach (var language in InvoiceLanguages.All)
        {
            Assert.Equal(text.In(language), read!.In(language));
        }
    }

    [Fact]
    public void A_french_line_stored_reads_back_in_english()
    {
        var line = PriceLine.Of("plan", new LineText.Plan("Marketing automation", "plus", 3000, Annual: false), 1, 4900, discountable: true);

        var stored = LineTextJson.Write(line.Text);

        Assert.Equal("Marketing automation plus, 3 000 contacts, 1 mois", line.DescriptionIn(InvoiceLanguages.French));
        Assert.Equal("Marketing automation plus, 3,000 contacts, 1 month", LineTextJson.Read(stored)!.In(InvoiceLanguages.English));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{\"kind\":\"no_such_kind\"}")]
    [InlineData("not json")]
    public void A_line_without_a_readable_text_has_none(string? stored) => Assert.Null(LineTextJson.Read(stored));

    [Fact]
    public void A_line_without_a_text_stores_none() => Assert.Null(LineTextJson.Write(null));
}
