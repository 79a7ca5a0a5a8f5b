using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Accounts;

[Collection(SystemUnderTest.Name)]
public sealed class TransferTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();
    private AccountKit Kit => new(system, client);

    [Fact]
    public async Task The_operator_moves_an_account_out_of_one_agency_and_into_another()
    {
        var (first, _, account) = await Kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        var second = await client.CreatePartnerAsync();

        var outResponse = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out",
            new { owner_email = "owner@client.test" }, asOperator: true), HttpStatusCode.OK);

        Assert.Equal("transferred", outResponse["account"]!["status"]!.GetValue<string>());
        Assert.Null(outResponse["account"]!["billing_profile_id"]);
        Assert.Equal(first.Id, outResponse["former_partner_id"]!.GetValue<string>());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", token: first.Token), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await Kit.SendOkAsync(HttpMethod.Get, "/api/v1/accounts?status=all", null, first))["data"]!.AsArray(),
            a => a!["id"]!.GetValue<string>() == id);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out",
            new { owner_email = "owner@client.test" }, asOperator: true), HttpStatusCode.Conflict);

        var inResponse = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-in",
            new { partner_id = second.Id }, asOperator: true), HttpStatusCode.OK);

        Assert.Equal("active", inResponse["account"]!["status"]!.GetValue<string>());
        Assert.Equal(id, (await Kit.SendOkAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", null, second))["id"]!.GetValue<string>());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", token: first.Token), HttpStatusCode.NotFound);
        var transferredOut = Assert.Single(await Kit.EventsAsync(id, "AccountTransferredOut"));
        Assert.Equal("owner@client.test", transferredOut["OwnerEmail"]!.GetValue<string>());
        Assert.Single(await Kit.EventsAsync(id, "AccountTransferredIn"));
        var statuses = (await Kit.EventsAsync(id, "AccountStatusChanged")).Select(e => $"{e["PreviousStatus"]}>{e["Status"]}").ToList();
        Assert.Equal(["pending>active", "active>transferred", "transferred>active"], statuses);
    }

    [Fact]
    public async Task Transfers_are_for_the_operator_only_and_check_their_input()
    {
        var partner = await client.CreatePartnerAsync();
        var id = (await Kit.CreateTrialAsync(partner))["id"]!.GetValue<string>();

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out",
            new { owner_email = "owner@client.test" }, partner.Token), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out",
            new { owner_email = "not an address" }, asOperator: true), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-in",
            new { partner_id = partner.Id }, asOperator: true), HttpStatusCode.Conflict);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-in",
            new { partner_id = "someone" }, asOperator: true), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/acc_{Guid.NewGuid():N}/transfer-out",
            new { owner_email = "owner@client.test" }, asOperator: true), HttpStatusCode.NotFound);
    }

    public void Dispose() => client.Dispose();
}
