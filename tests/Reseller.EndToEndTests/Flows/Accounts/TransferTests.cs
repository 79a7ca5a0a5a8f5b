using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Accounts;

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
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/snapshots", new { label = "first's setup" }, first.Token),
            HttpStatusCode.Created);

        var owner = $"owner-{Guid.NewGuid():N}@client.test";

        var outResponse = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out",
            new { owner_email = owner }, asOperator: true), HttpStatusCode.OK);

        Assert.Equal("transferred", outResponse["account"]!["status"]!.GetValue<string>());
        Assert.Null(outResponse["account"]!["billing_profile_id"]);
        Assert.Equal(first.Id, outResponse["former_partner_id"]!.GetValue<string>());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", token: first.Token), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await Kit.SendOkAsync(HttpMethod.Get, "/api/v1/accounts?status=all", null, first))["data"]!.AsArray(),
            a => a!["id"]!.GetValue<string>() == id);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out",
            new { owner_email = owner }, asOperator: true), HttpStatusCode.Conflict);

        // The operator's request only records the move-in and mails the owner: the account stays stand-alone until confirmed.
        var pending = await GatewayClient.JsonAsync(await client.TransferInAsync(id, second.Id), HttpStatusCode.Accepted);
        Assert.Equal("transferred", pending["account"]!["account"]!["status"]!.GetValue<string>());
        Assert.Equal(second.Id, pending["pending_partner_id"]!.GetValue<string>());
        Assert.Equal(owner, pending["owner_email"]!.GetValue<string>());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", token: second.Token), HttpStatusCode.NotFound);
        Assert.Empty(await Kit.EventsAsync(id, "AccountTransferredIn"));

        var token = MailFolder.TokenFrom(await MailFolder.WaitForMailAsync(owner, "Confirm the move of", Eventually.Propagation));
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/transfers/{token}x/confirm"), HttpStatusCode.NotFound);
        var confirmed = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/transfers/{token}/confirm"), HttpStatusCode.OK);
        Assert.Equal("active", confirmed["status"]!.GetValue<string>());
        Assert.Equal(second.Id, confirmed["partner_id"]!.GetValue<string>());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/transfers/{token}/confirm"), HttpStatusCode.Gone);

        var inResponse = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/admin/accounts/{id}", asOperator: true), HttpStatusCode.OK);
        Assert.Equal("active", inResponse["account"]!["status"]!.GetValue<string>());
        Assert.Equal(id, (await Kit.SendOkAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", null, second))["id"]!.GetValue<string>());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", token: first.Token), HttpStatusCode.NotFound);
        var transferredOut = Assert.Single(await Kit.EventsAsync(id, "AccountTransferredOut"));
        Assert.Equal(owner, transferredOut["OwnerEmail"]!.GetValue<string>());
        Assert.Single(await Kit.EventsAsync(id, "AccountTransferredIn"));
        var statuses = (await Kit.EventsAsync(id, "AccountStatusChanged")).Select(e => $"{e["PreviousStatus"]}>{e["Status"]}").ToList();
        Assert.Equal(["pending>active", "active>transferred", "transferred>active"], statuses);
        // The snapshot the first agency took (its branding and templates) is its own: the account's new partner does not see it.
        Assert.Empty((await Kit.SendOkAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/snapshots", null, second))["data"]!.AsArray());
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
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/transfers/{new string('a', 43)}/confirm"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_move_in_needs_a_partner_that_exists_and_a_newer_request_kills_the_older_link()
    {
        var (_, _, account) = await Kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        var second = await client.CreatePartnerAsync();
        var third = await client.CreatePartnerAsync();
        var owner = $"owner-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out",
            new { owner_email = owner }, asOperator: true), HttpStatusCode.OK);

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-in",
            new { partner_id = $"prt_{Guid.NewGuid():N}" }, asOperator: true), HttpStatusCode.NotFound);

        await GatewayClient.JsonAsync(await client.TransferInAsync(id, second.Id), HttpStatusCode.Accepted);
        var oldToken = MailFolder.TokenFrom(await MailFolder.WaitForMailAsync(owner, "Confirm the move of", Eventually.Propagation));
        await GatewayClient.JsonAsync(await client.TransferInAsync(id, third.Id), HttpStatusCode.Accepted);

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/transfers/{oldToken}/confirm"), HttpStatusCode.Gone);
        var status = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/admin/accounts/{id}", asOperator: true), HttpStatusCode.OK);
        Assert.Equal("transferred", status["account"]!["status"]!.GetValue<string>());
        Assert.Empty(await Kit.EventsAsync(id, "AccountTransferredIn"));
    }

    public void Dispose() => client.Dispose();
}
