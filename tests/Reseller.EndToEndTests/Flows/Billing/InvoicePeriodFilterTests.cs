using System.Globalization;
using System.Net;

using Reseller.EndToEndTests.Flows.Partners;
using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Billing;

public sealed class InvoicePeriodFilterTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    private async Task<System.Text.Json.Nodes.JsonArray> InvoicesAsync(Partner partner, string query) =>
        (await client.GetAsync($"/api/v1/invoices?{query}", partner.Token))["data"]!.AsArray();

    [Fact]
    public async Task Invoices_are_filtered_by_issue_date_beside_the_other_filters_and_a_bad_range_is_a_400()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var accountId = (await client.CreateSettledAccountAsync(partner, card))["id"]!.GetValue<string>();
        var invoice = (await client.WaitForAsync($"/api/v1/invoices?account_id={accountId}", () => partner.Token,
            i => i["data"]!.AsArray().Count > 0, BillingFlows.Settle))["data"]!.AsArray().Single()!;
        var issued = DateOnly.FromDateTime(invoice["issued_at"]!.GetValue<DateTimeOffset>().UtcDateTime);
        var id = invoice["id"]!.GetValue<string>();
        var status = invoice["status"]!.GetValue<string>();

        Assert.Equal(id, Assert.Single(await InvoicesAsync(partner, $"issued_from={Day(issued)}&issued_to={Day(issued)}"))!["id"]!.GetValue<string>());
        Assert.Single(await InvoicesAsync(partner, $"issued_from={Day(issued.AddDays(-3))}&account_id={accountId}&status={status}"));
        Assert.Single(await InvoicesAsync(partner, $"issued_to={Day(issued)}"));
        Assert.Empty(await InvoicesAsync(partner, $"issued_to={Day(issued.AddDays(-1))}"));
        Assert.Empty(await InvoicesAsync(partner, $"issued_from={Day(issued.AddDays(1))}"));
        Assert.Empty(await InvoicesAsync(partner, $"issued_from={Day(issued)}&status={(status == "paid" ? "void" : "paid")}"));
        Assert.Single(await InvoicesAsync(partner, "issued_to=9999-12-31"));

        var reversed = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get,
            $"/api/v1/invoices?issued_from={Day(issued)}&issued_to={Day(issued.AddDays(-1))}", token: partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(reversed["errors"]!["issued_to"]);
        var malformed = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/invoices?issued_from=2026-13-01", token: partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(malformed["errors"]!["issued_from"]);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/invoices?issued_to=yesterday", token: partner.Token), HttpStatusCode.BadRequest);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose() => client.Dispose();
}
