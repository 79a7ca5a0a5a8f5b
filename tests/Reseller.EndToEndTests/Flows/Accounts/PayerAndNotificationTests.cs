using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Accounts;

public sealed class PayerAndNotificationTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();
    private AccountKit Kit => new(system, client);

    [Fact]
    public async Task Switching_the_payer_is_announced_with_the_address_to_notify()
    {
        var (partner, card, account) = await Kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();

        var switched = await Kit.SendOkAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer", new { payer = "customer" }, partner);
        var again = await Kit.SendOkAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer", new { payer = "customer" }, partner);
        var cardNamedForCustomer = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer",
            new { payer = "customer", billing_profile_id = card }, partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(cardNamedForCustomer["errors"]!["billing_profile_id"]);
        var back = await Kit.SendOkAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer", new { payer = "partner" }, partner);

        Assert.Equal("customer", switched["payer"]!.GetValue<string>());
        Assert.Null(switched["billing_profile_id"]);
        Assert.Equal(card, back["billing_profile_id"]!.GetValue<string>());
        Assert.Equal("customer", again["payer"]!.GetValue<string>());
        Assert.Equal("partner", back["payer"]!.GetValue<string>());
        var events = await Kit.EventsAsync(id, "PayerChanged");
        Assert.Equal(2, events.Count);
        Assert.Equal("partner", events[0]["PreviousPayer"]!.GetValue<string>());
        Assert.Equal("customer", events[0]["Payer"]!.GetValue<string>());
        Assert.Equal("billing@agency.test", events[0]["NotificationEmail"]!.GetValue<string>());
        Assert.Null(events[0]["BillingProfileId"]);
        var bad = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer", new { payer = "nobody" }, partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["payer"]);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer",
            new { payer = "partner", billing_profile_id = "bp_" + Guid.NewGuid().ToString("N") }, partner.Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_new_notification_address_is_announced_once()
    {
        var partner = await client.CreatePartnerAsync();
        var id = (await Kit.CreateTrialAsync(partner))["id"]!.GetValue<string>();

        await Kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}", new { notification_email = "alerts@agency.test" }, partner);
        await Kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}", new { notification_email = "alerts@agency.test", language = "de" }, partner);

        var changed = Assert.Single(await Kit.EventsAsync(id, "AccountNotificationEmailChanged"));
        Assert.Equal("alerts@agency.test", changed["NotificationEmail"]!.GetValue<string>());
    }

    public void Dispose() => client.Dispose();
}
