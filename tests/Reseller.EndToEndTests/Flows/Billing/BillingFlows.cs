using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Billing;

/// <summary>Arrange helpers of the Billing flows, on top of the gateway client.</summary>
public static class BillingFlows
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(45);

    /// <summary>A settled account's first invoice (waits for it to be paid or to fail).</summary>
    public static async Task<JsonNode> FirstInvoiceAsync(GatewayClient client, Partner partner, string accountId) =>
        Assert.Single(await Eventually.ReadAsync(() => client.InvoicesOfAsync(partner, accountId), invoices => invoices.Count > 0, Settle))!;

    /// <summary>A paid first invoice of a new monthly marketing/plus account (4410 at 10 %).</summary>
    public static async Task<(Partner Partner, string AccountId, JsonNode Invoice)> PaidInvoiceAsync(GatewayClient client)
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var account = await client.CreateSettledAccountAsync(partner, card);
        var accountId = account["id"]!.GetValue<string>();
        var invoice = await FirstInvoiceAsync(client, partner, accountId);
        Assert.Equal("paid", invoice["status"]!.GetValue<string>());
        return (partner, accountId, invoice);
    }

    public static async Task<HttpResponseMessage> GetAsync(GatewayClient client, string path, string token, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return await client.Http.SendAsync(request);
    }
}
