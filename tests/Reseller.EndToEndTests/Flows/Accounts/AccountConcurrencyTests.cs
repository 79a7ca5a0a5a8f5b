using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Accounts;

public sealed class AccountConcurrencyTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();
    private AccountKit Kit => new(system, client);

    [Fact]
    public async Task Of_50_simultaneous_creates_of_one_name_exactly_one_wins()
    {
        var partner = await client.CreatePartnerAsync();
        var name = GatewayClient.NewAccountName();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            client.SendAsync(HttpMethod.Post, "/api/v1/accounts", AccountKit.Trial(name), partner.Token)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await ProblemAssert.IsAsync(loser, HttpStatusCode.Conflict);
            Assert.EndsWith("name-taken", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        var listed = await Kit.SendOkAsync(HttpMethod.Get, $"/api/v1/accounts?q={name}&status=all", null, partner);
        Assert.Single(listed["data"]!.AsArray());
    }

    [Fact]
    public async Task Two_simultaneous_changes_to_one_account_both_apply_in_turn_and_each_is_announced_once()
    {
        const int rounds = 10;
        var partner = await client.CreatePartnerAsync();
        var id = (await Kit.CreateTrialAsync(partner))["id"]!.GetValue<string>();

        for (var round = 0; round < rounds; round++)
        {
            var pair = await Task.WhenAll(
                client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}", new { notification_email = $"a{round}@agency.test" }, partner.Token),
                client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}", new { notification_email = $"b{round}@agency.test" }, partner.Token));
            Assert.All(pair, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        }

        var final = await Kit.SendOkAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", null, partner);
        var announced = await Kit.EventsAsync(id, "AccountNotificationEmailChanged");
        Assert.Equal(2 * rounds, announced.Count);
        Assert.Equal(final["notification_email"]!.GetValue<string>(), announced[^1]["NotificationEmail"]!.GetValue<string>());
    }

    public void Dispose() => client.Dispose();
}
