using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.AccountUsers;

public sealed class AuditTrailTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    private async Task<JsonArray> AuditAsync(Partner partner, string accountId) =>
        (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{accountId}/audit", token: partner.Token), HttpStatusCode.OK))["data"]!.AsArray();

    [Fact]
    public async Task A_partner_change_is_audited_with_who_what_and_when()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}", new { language = "en", notification_email = "ops@agency.test" }, partner.Token), HttpStatusCode.OK);

        var latest = (await AuditAsync(partner, id))[0]!;
        Assert.Equal("account.updated", latest["action"]!.GetValue<string>());
        Assert.StartsWith("partner_user:", latest["actor"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("language: fr → en", latest["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("notification_email: billing@agency.test → ops@agency.test", latest["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(latest["at"]!.GetValue<DateTimeOffset>() >= account["created_at"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_status_change_made_by_billing_is_audited_as_the_system()
    {
        var partner = await client.CreatePartnerAsync();
        var profile = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var account = await client.CreateSettledAccountAsync(partner, profile);
        var id = account["id"]!.GetValue<string>();
        Assert.Equal("active", account["status"]!.GetValue<string>());

        var entries = await AuditAsync(partner, id);

        Assert.Contains(entries, e => e!["action"]!.GetValue<string>() == "account.status_changed"
            && e["actor"]!.GetValue<string>() == "system"
            && e["detail"]!.GetValue<string>().Contains("status: pending → active", StringComparison.Ordinal));
        Assert.Equal("account.created", entries[^1]!["action"]!.GetValue<string>());
    }

    public void Dispose() => client.Dispose();
}
