using System.Net;

using Reseller.EndToEndTests.Flows.Partners;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Accounts;

public sealed class PendingTransfersTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();
    private AccountKit Kit => new(system, client);

    [Fact]
    public async Task A_partner_lists_the_move_ins_waiting_for_their_owners_until_they_are_confirmed()
    {
        // A trial moves like any account and costs no charge to set up.
        var first = await client.CreatePartnerAsync();
        var account = await Kit.CreateTrialAsync(first);
        var id = account["id"]!.GetValue<string>();
        var name = account["name"]!.GetValue<string>();
        var second = await client.CreatePartnerAsync();
        var owner = $"owner-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out",
            new { owner_email = owner }, asOperator: true), HttpStatusCode.OK);
        await GatewayClient.JsonAsync(await client.TransferInAsync(id, second.Id), HttpStatusCode.Accepted);

        var pending = Assert.Single((await client.GetAsync("/api/v1/transfers", second.Token))["data"]!.AsArray())!;
        Assert.Equal(id, pending["account_id"]!.GetValue<string>());
        Assert.Equal(name, pending["account_name"]!.GetValue<string>());
        Assert.Equal(owner, pending["owner_email"]!.GetValue<string>());
        Assert.True(pending["expires_at"]!.GetValue<DateTimeOffset>() > pending["requested_at"]!.GetValue<DateTimeOffset>());
        Assert.Empty((await client.GetAsync("/api/v1/transfers", first.Token))["data"]!.AsArray());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/transfers?page_size=0", token: second.Token), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Get, "/api/v1/transfers")).StatusCode);

        var token = MailFolder.TokenFrom(await MailFolder.WaitForMailAsync(owner, "Confirm the move of", Eventually.Propagation));
        var confirmed = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/transfers/{token}/confirm"), HttpStatusCode.OK);
        Assert.Empty((await client.GetAsync("/api/v1/transfers", second.Token))["data"]!.AsArray());
        // A trial moved in is a trial still, ending when it would have: not an active account no one is ever charged for.
        Assert.Equal("trial", confirmed["status"]!.GetValue<string>());
        var joined = await client.GetAsync($"/api/v1/accounts/{id}", second.Token);
        Assert.Equal("trial", joined["status"]!.GetValue<string>());
        Assert.Equal(account["current_period_end"]!.GetValue<DateTimeOffset>(), joined["current_period_end"]!.GetValue<DateTimeOffset>());
    }

    public void Dispose() => client.Dispose();
}
