using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Billing;

public sealed class DunningNoticeTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_failed_charge_is_mailed_to_the_accounts_notification_address_not_the_customer()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.DeclinedCard);
        var address = $"alerts-{Guid.NewGuid():N}@agency.test";
        var name = GatewayClient.NewAccountName();
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(GatewayClient.MarketingPlusMonthly(name, card)))!.AsObject();
        body["notification_email"] = address;
        var created = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", body.ToJsonString(), partner.Token), HttpStatusCode.Created);
        await client.WaitForAccountAsync(partner, created["id"]!.GetValue<string>(), a => a["status"]!.GetValue<string>() == "payment_failed", BillingFlows.Settle);

        var mailDirectory = Path.Combine(system.App.DataDirectory, "mail");
        var mails = await Eventually.ReadAsync(
            () => Task.FromResult(MailFolder.In(mailDirectory).Where(m => m.To.Contains(address, StringComparison.Ordinal) || m.Subject.Contains(name, StringComparison.Ordinal)).ToList()),
            found => found.Count > 0,
            BillingFlows.Settle);

        var mail = Assert.Single(mails);
        Assert.Contains(address, mail.To, StringComparison.Ordinal);
        Assert.Contains($"Payment failed for account {name}", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("card_declined", mail.Text, StringComparison.Ordinal);
    }

    public void Dispose() => client.Dispose();
}
