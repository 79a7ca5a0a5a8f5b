using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.CrossService;

/// <summary>The reseller discount as Billing charges it and Partners shows it; a cadence change billed with its credit.</summary>
public sealed class DiscountAndCadenceTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task The_fifth_paid_account_is_charged_at_20_percent_and_the_summary_says_so_until_one_leaves()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await client.CreateSettledAccountAsync(partner, card))["id"]!.GetValue<string>());
        }
        var fourth = await CrossFlow.WaitForInvoiceAsync(client, partner, ids[3], "first_period");
        Assert.Equal(CrossFlow.LessDiscount(4900, 10), fourth["total"]!["amount"]!.GetValue<long>());
        var summary = await CrossFlow.WaitForSummaryAsync(client, partner, 4);
        Assert.Equal(10, summary["discount_percent"]!.GetValue<int>());
        Assert.Equal(5, summary["next_discount_at"]!.GetValue<int>());

        ids.Add((await client.CreateSettledAccountAsync(partner, card))["id"]!.GetValue<string>());
        var fifth = await CrossFlow.WaitForInvoiceAsync(client, partner, ids[4], "first_period");
        Assert.Equal("paid", fifth["status"]!.GetValue<string>());
        Assert.Equal(20, fifth["discount_percent"]!.GetValue<int>());
        Assert.Equal(CrossFlow.LessDiscount(4900, 20), fifth["total"]!["amount"]!.GetValue<long>());
        summary = await CrossFlow.WaitForSummaryAsync(client, partner, 5);
        Assert.Equal(20, summary["discount_percent"]!.GetValue<int>());

        // An account moved out of the agency no longer counts.
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{ids[0]}/transfer-out",
            new { owner_email = "owner@client.test" }, asOperator: true), HttpStatusCode.OK);
        summary = await CrossFlow.WaitForSummaryAsync(client, partner, 4);
        Assert.Equal(10, summary["discount_percent"]!.GetValue<int>());
    }

    [Fact]
    public async Task Monthly_to_annual_bills_a_year_less_the_unused_part_of_the_month_paid()
    {
        var kit = CrossFlow.Kit(system, client);
        var (partner, _, account) = await kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        var first = await CrossFlow.WaitForInvoiceAsync(client, partner, id, "first_period");

        await kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "annual" } }, partner);
        var today = DateOnly.FromDateTime((await kit.NowAsync()).UtcDateTime);

        var change = await CrossFlow.WaitForInvoiceAsync(client, partner, id, "plan_change", i => i["status"]!.GetValue<string>() == "paid");
        var credit = CrossFlow.Prorate(first["total"]!["amount"]!.GetValue<long>(), today, CrossFlow.Date(first["period_start"]!), CrossFlow.Date(first["period_end"]!));
        Assert.Equal(CrossFlow.LessDiscount(10 * 4900, 10) - credit, change["total"]!["amount"]!.GetValue<long>());
        Assert.Equal(today, CrossFlow.Date(change["period_start"]!));
        Assert.Equal(today.AddYears(1), CrossFlow.Date(change["period_end"]!));
        var annual = await client.WaitForAccountAsync(partner, id,
            a => DateOnly.FromDateTime(a["current_period_end"]!.GetValue<DateTimeOffset>().UtcDateTime) == today.AddYears(1), CrossFlow.Settle);
        Assert.Equal(today.AddYears(1), DateOnly.FromDateTime(annual["current_period_end"]!.GetValue<DateTimeOffset>().UtcDateTime));
    }

    public void Dispose() => client.Dispose();
}
