using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Accounts;

public sealed class OperatorAccountSearchTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();
    private AccountKit Kit => new(system, client);

    [Fact]
    public async Task The_operator_finds_accounts_of_every_partner_by_a_part_of_a_name_or_by_id_and_a_partner_cannot()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var first = await client.CreatePartnerAsync();
        var second = await client.CreatePartnerAsync();
        var byName = await Kit.CreateTrialAsync(first, $"shop-{tag}");
        var byCustomer = await Kit.CreateTrialAsync(second, customerName: $"Boulangerie {tag.ToUpperInvariant()}");
        await Kit.CreateTrialAsync(first);

        var found = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/admin/accounts?q={tag.ToUpperInvariant()}", asOperator: true),
            HttpStatusCode.OK);
        var data = found["data"]!.AsArray();
        Assert.Equal([Id(byName), Id(byCustomer)], data.Select(a => a!["account"]!["id"]!.GetValue<string>()));
        Assert.Equal([first.Id, second.Id], data.Select(a => a!["partner_id"]!.GetValue<string>()));
        Assert.Null(found["next_page_token"]);

        var paged = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/admin/accounts?q={tag}&page_size=1", asOperator: true),
            HttpStatusCode.OK);
        Assert.Equal(Id(byName), paged["data"]![0]!["account"]!["id"]!.GetValue<string>());
        var token = Uri.EscapeDataString(paged["next_page_token"]!.GetValue<string>());
        var next = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/admin/accounts?q={tag}&page_size=1&page_token={token}", asOperator: true),
            HttpStatusCode.OK);
        Assert.Equal(Id(byCustomer), next["data"]![0]!["account"]!["id"]!.GetValue<string>());

        var byId = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/admin/accounts?q={Id(byCustomer)}", asOperator: true),
            HttpStatusCode.OK);
        Assert.Equal([Id(byCustomer)], byId["data"]!.AsArray().Select(a => a!["account"]!["id"]!.GetValue<string>()));

        var missing = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/admin/accounts", asOperator: true), HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["q"]);
        using var partner = await client.SendAsync(HttpMethod.Get, $"/api/v1/admin/accounts?q={tag}", token: first.Token);
        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
    }

    public void Dispose() => client.Dispose();

    private static string Id(System.Text.Json.Nodes.JsonNode account) => account["id"]!.GetValue<string>();
}
