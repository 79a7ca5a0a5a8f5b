using Reseller.WebTests.Infrastructure;

namespace Reseller.WebTests.Flows;

public sealed class PaidAccountTests(WebSystem web)
{
    [Fact]
    public Task A_partner_creates_a_paid_account_after_seeing_its_quote_and_downloads_its_invoice() =>
        PaidAccountScenario.RunAsync(web, PaidAccountTexts.English, screenshotPrefix: "");

    [Fact]
    public Task The_same_flow_in_French_shows_no_English_text_and_French_formats() =>
        PaidAccountScenario.RunAsync(web, PaidAccountTexts.French, screenshotPrefix: "fr-", EnglishTexts.AssertNoneOnAsync);
}
