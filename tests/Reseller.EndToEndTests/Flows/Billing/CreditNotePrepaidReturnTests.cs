using System.Net;

using Reseller.EndToEndTests.Flows.Credits;
using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Billing;

/// <summary>A credit note on an invoice paid partly from prepaid credit refunds the card part and returns the prepaid part to the partner's credit.</summary>
public sealed class CreditNotePrepaidReturnTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_credit_note_refunds_the_card_first_then_returns_the_prepaid_part_to_the_partners_prepaid_credit()
    {
        var partner = await client.CreatePartnerAsync();
        await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        await client.PurchaseAsync(partner, "prepaid", 5000);
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "prepaid") == 5000);
        // A 9000 pack: 5000 from prepaid credit, 4000 by card.
        var sms = (await client.PurchaseAsync(partner, "sms", 5000))["invoice"]!;
        Assert.Equal((5000L, 4000L), (sms["prepaid_applied"]!["amount"]!.GetValue<long>(), sms["card_charged"]!["amount"]!.GetValue<long>()));
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "prepaid") == 0 && CreditsScenarios.PoolOf(b, "sms") == 5000);
        var path = $"/api/v1/admin/billing/invoices/{sms["id"]!.GetValue<string>()}/credit-notes";

        var first = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, path, new { amount = 6000, reason = "Pack not delivered" }, asOperator: true), HttpStatusCode.Created);
        Assert.Equal((4000L, 2000L), (first["card_refund"]!["amount"]!.GetValue<long>(), first["prepaid_return"]!["amount"]!.GetValue<long>()));
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "prepaid") == 2000);

        var second = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, path, new { amount = 3000, reason = "The rest" }, asOperator: true), HttpStatusCode.Created);
        Assert.Equal((0L, 3000L), (second["card_refund"]!["amount"]!.GetValue<long>(), second["prepaid_return"]!["amount"]!.GetValue<long>()));
        var balances = await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "prepaid") == 5000);

        Assert.Equal(5000, CreditsScenarios.PoolOf(balances, "prepaid"));
        await client.AssertLedgerMatchesBalancesAsync(partner, "prepaid");
        var refunds = (await client.LedgerAsync(partner, "prepaid")).Where(e => e["type"]!.GetValue<string>() == "refund").ToList();
        Assert.Equal(2, refunds.Count);
    }

    public void Dispose() => client.Dispose();
}
