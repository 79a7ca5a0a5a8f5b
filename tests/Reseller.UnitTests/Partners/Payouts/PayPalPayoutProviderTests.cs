using System.Text.Json.Nodes;

using Microsoft.Extensions.Options;

using Reseller.Partners.Payouts;
using Reseller.Partners.Payouts.PayPal;

namespace Reseller.UnitTests.Partners.Payouts;

public sealed class PayPalPayoutProviderTests : IDisposable
{
    private readonly FakePayPal paypal = new();
    private readonly HttpClient http;
    private readonly PayPalPayoutProvider provider;

    public PayPalPayoutProviderTests()
    {
        http = new HttpClient(paypal);
        provider = new PayPalPayoutProvider(http,
            Options.Create(new PayPalOptions { BaseUrl = new Uri("https://paypal.fake/"), ClientId = FakePayPal.ClientId, ClientSecret = FakePayPal.ClientSecret }),
            TimeProvider.System);
    }

    private static PayoutBatchRequest Batch(params (string Item, string Receiver, long Amount)[] items) =>
        new("pob_" + Guid.NewGuid().ToString("N"), "Your commission payout",
            items.Select(i => new PayoutItemRequest(i.Item, i.Receiver, i.Amount, "USD", "Commission statement 2026-11")).ToList());

    [Fact]
    public async Task A_batch_is_sent_with_a_client_credentials_token_under_our_batch_id()
    {
        var batch = Batch(("cst_1", "agency@example.test", 4410));

        var providerBatchId = await provider.SendAsync(batch, CancellationToken.None);

        var requests = paypal.Requests.ToList();
        Assert.Equal(["/v1/oauth2/token", "/v1/payments/payouts"], requests.Select(r => r.Path).ToArray());
        var payout = requests[1];
        Assert.StartsWith("Bearer A21.token", payout.Authorization, StringComparison.Ordinal);
        Assert.Equal(batch.SenderBatchId, payout.RequestId);
        var body = JsonNode.Parse(payout.Body)!;
        Assert.Equal(batch.SenderBatchId, body["sender_batch_header"]!["sender_batch_id"]!.GetValue<string>());
        var item = body["items"]![0]!;
        Assert.Equal(("EMAIL", "44.10", "USD", "agency@example.test", "cst_1"),
            (item["recipient_type"]!.GetValue<string>(), item["amount"]!["value"]!.GetValue<string>(), item["amount"]!["currency"]!.GetValue<string>(),
             item["receiver"]!.GetValue<string>(), item["sender_item_id"]!.GetValue<string>()));
        Assert.StartsWith("PB", providerBatchId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_batch_answers_the_first_one_and_pays_nothing_more()
    {
        var batch = Batch(("cst_1", "a@example.test", 1000), ("cst_2", "b@example.test", 2000));

        var first = await provider.SendAsync(batch, CancellationToken.None);
        var retried = await provider.SendAsync(batch, CancellationToken.None);

        Assert.Equal(first, retried);
        Assert.Equal(2, paypal.ItemsPaid);
        Assert.Single(paypal.Requests, r => r.Path == "/v1/oauth2/token"); // the token is reused until it expires
    }

    [Fact]
    public async Task Each_items_outcome_is_read_back_with_the_reason_of_a_failure_and_an_unclaimed_payout_is_still_pending()
    {
        var id = await provider.SendAsync(Batch(("cst_ok", "agency@example.test", 100), ("cst_unclaimed", "unclaimed@example.test", 200),
            ("cst_failed", "failing@example.test", 300), ("cst_pending", "slow@example.test", 400), ("cst_returned", "returned@example.test", 500)), CancellationToken.None);

        var outcomes = (await provider.OutcomesAsync(id, CancellationToken.None)).ToDictionary(o => o.SenderItemId);

        Assert.Equal(PayoutItemStatus.Succeeded, outcomes["cst_ok"].Status);
        Assert.StartsWith("PI", outcomes["cst_ok"].ProviderItemId, StringComparison.Ordinal);
        // Claimable for 30 days: paying it again meanwhile would pay twice once the receiver claims it.
        Assert.Equal(PayoutItemStatus.Pending, outcomes["cst_unclaimed"].Status);
        Assert.Equal((PayoutItemStatus.Failed, "RETURNED: Unclaimed for 30 days, returned to the sender"), (outcomes["cst_returned"].Status, outcomes["cst_returned"].Reason));
        Assert.Equal((PayoutItemStatus.Failed, "FAILED: Receiver account is locked"), (outcomes["cst_failed"].Status, outcomes["cst_failed"].Reason));
        Assert.Equal(PayoutItemStatus.Pending, outcomes["cst_pending"].Status);
    }

    [Fact]
    public async Task Wrong_credentials_fail_without_paying()
    {
        var wrong = new PayPalPayoutProvider(http, Options.Create(new PayPalOptions { BaseUrl = new Uri("https://paypal.fake/"), ClientId = "x", ClientSecret = "y" }), TimeProvider.System);

        await Assert.ThrowsAsync<HttpRequestException>(() => wrong.SendAsync(Batch(("cst_1", "a@example.test", 100)), CancellationToken.None));
        Assert.Equal(0, paypal.ItemsPaid);
    }

    [Theory]
    [InlineData(4410, "44.10")]
    [InlineData(5, "0.05")]
    [InlineData(123456, "1234.56")]
    public void Amounts_are_major_units_with_two_decimals(long minor, string value) => Assert.Equal(value, PayPalPayoutProvider.Value(minor));

    public void Dispose()
    {
        http.Dispose();
        paypal.Dispose();
    }
}
