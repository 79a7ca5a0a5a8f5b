using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Billing;

/// <summary>Every Billing endpoint answers bad input with 4xx problem details and another tenant's ids with 404, never 500.</summary>
public sealed class BillingBadInputTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Theory]
    [InlineData("{\"plan\": ")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"plan\": 42}")]
    [InlineData("{\"amount\": 10, \"reason\": \"x\", \"surprise\": true}")]
    [InlineData("")]
    public async Task Malformed_bodies_on_every_billing_post_are_400_problem_details(string body)
    {
        var (partner, _, invoice) = await BillingFlows.PaidInvoiceAsync(client);

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/quotes", body, partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles", body, partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/billing/invoices/{invoice["id"]!.GetValue<string>()}/credit-notes", body, asOperator: true), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Invalid_cards_and_plans_list_each_bad_field()
    {
        var partner = await client.CreatePartnerAsync();

        var card = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "", card = new { number = "4242424242424241", exp_month = 13, exp_year = 1999, cvc = "12" } }, partner.Token), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "card.number", "card.exp_month", "card.exp_year", "card.cvc" })
        {
            Assert.NotNull(card["errors"]![field]);
        }
        Assert.DoesNotContain("4242424242424241", card.ToJsonString(), StringComparison.Ordinal);

        var quote = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/quotes",
            new { plan = new { product = "nope", tier = "plus", cadence = "weekly" }, payer = "nobody" }, partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(quote["errors"]!["payer"]);
    }

    [Fact]
    public async Task Another_partners_or_malformed_ids_are_404_problem_details()
    {
        var (owner, _, invoice) = await BillingFlows.PaidInvoiceAsync(client);
        var profile = (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/billing-profiles", token: owner.Token), HttpStatusCode.OK))["data"]![0]!["id"]!.GetValue<string>();
        var stranger = await client.CreatePartnerAsync();

        foreach (var id in new[] { profile, "bp_" + Guid.NewGuid().ToString("N"), "bp_x", "../etc" })
        {
            await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/billing-profiles/{Uri.EscapeDataString(id)}", token: stranger.Token), HttpStatusCode.NotFound);
            await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/billing-profiles/{Uri.EscapeDataString(id)}", token: stranger.Token), HttpStatusCode.NotFound);
        }
        foreach (var id in new[] { invoice["id"]!.GetValue<string>(), "inv_" + Guid.NewGuid().ToString("N"), "inv_x" })
        {
            await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/invoices/{id}", token: stranger.Token), HttpStatusCode.NotFound);
        }
        Assert.Empty(await client.InvoicesOfAsync(stranger, invoice["account_id"]!.GetValue<string>()));
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/admin/billing/invoices/inv_{Guid.NewGuid():N}/credit-notes", asOperator: true), HttpStatusCode.NotFound);
    }

    public void Dispose() => client.Dispose();
}
