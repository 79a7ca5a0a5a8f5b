using System.Net;

using Reseller.EndToEndTests.Flows.AccountUsers;
using Reseller.EndToEndTests.Flows.Partners;
using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Billing;

public sealed class ReferralCardTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_referred_customers_card_is_its_own_listed_to_its_account_admin_and_never_to_the_partner()
    {
        var partner = await client.CreatePartnerAsync();
        var code = (await client.GetAsync("/api/v1/partners/me/referral-link", partner.Token))["code"]!.GetValue<string>();
        var signedUp = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/referrals/{code}/signup", new
        {
            name = GatewayClient.NewAccountName(),
            customer = new { name = "Jane Customer", email = "jane@customer.test" },
            language = "en",
            time_zone = "Europe/Paris",
            plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly" },
            card = new { number = GatewayClient.GoodCard, exp_month = 12, exp_year = GatewayClient.CardExpiryYear, cvc = "123" },
        }), HttpStatusCode.Created);
        var accountId = signedUp["account_id"]!.GetValue<string>();
        await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() == "active", TimeSpan.FromSeconds(45));
        var customer = await client.AccountTokenAsync(signedUp["name"]!.GetValue<string>(), "admin", signedUp["login"]!["password"]!.GetValue<string>());

        // The card that paid the first period is the customer's own: listed, readable, and in use (not deletable).
        var own = Assert.Single((await client.GetAsync("/api/v1/billing-profiles", customer))["data"]!.AsArray())!;
        Assert.Equal("4242", own["last4"]!.GetValue<string>());
        var id = own["id"]!.GetValue<string>();
        Assert.Equal(id, (await client.GetAsync($"/api/v1/billing-profiles/{id}", customer))["id"]!.GetValue<string>());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/billing-profiles/{id}", token: customer), HttpStatusCode.Conflict);

        // The partner never sees it, nor reaches it by id.
        Assert.Empty((await client.GetAsync("/api/v1/billing-profiles", partner.Token))["data"]!.AsArray());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/billing-profiles/{id}", token: partner.Token), HttpStatusCode.NotFound);
    }

    public void Dispose() => client.Dispose();
}
