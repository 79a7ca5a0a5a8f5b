using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.AccountUsers;

public sealed class TransferBrandingTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    private Task<JsonNode> WaitForBrandingAsync(string accountId, string token, Func<JsonNode?, bool> condition) =>
        Eventually.ReadAsync(
            async () => await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{accountId}/configuration", token: token), HttpStatusCode.OK),
            configuration => condition(configuration["branding"]!["app_name"]),
            Eventually.Propagation);

    [Fact]
    public async Task A_moved_out_account_loses_its_agency_branding_and_a_moved_in_one_takes_the_new_agency_defaults()
    {
        var first = await client.CreatePartnerAsync();
        var second = await client.CreatePartnerAsync();
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Put, "/api/v1/settings/account-defaults",
            new { branding = new { app_name = "First Agency" }, templates = new[] { new { name = "Kept", tags = Array.Empty<string>(), html = "<p/>" } }, apply_to_existing = false }, first.Token), HttpStatusCode.OK);
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Put, "/api/v1/settings/account-defaults",
            new { branding = new { app_name = "Second Agency" }, templates = Array.Empty<object>(), apply_to_existing = false }, second.Token), HttpStatusCode.OK);
        var account = await client.CreateTrialAsync(first);
        var id = account["id"]!.GetValue<string>();

        var owner = $"owner-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out", new { owner_email = owner }, asOperator: true), HttpStatusCode.OK);
        // The stand-alone owner looks at its account: it chose its admin password with the link the move-out mailed it.
        var handover = await IdentityScenario.WaitForMailedTokenAsync(owner, "password-reset");
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset/confirm",
            new { token = handover, new_password = "the owners secret" })).StatusCode);
        var ownerToken = await client.AccountTokenAsync(account["name"]!.GetValue<string>(), "admin", "the owners secret");
        var standAlone = await WaitForBrandingAsync(id, ownerToken, name => name is null);
        Assert.Null(standAlone["branding"]!["app_name"]);
        Assert.Equal("Kept", standAlone["templates"]![0]!["name"]!.GetValue<string>());

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-in", new { partner_id = second.Id }, asOperator: true), HttpStatusCode.Accepted);
        var confirmation = MailFolder.TokenFrom(await MailFolder.WaitForMailAsync(owner, "Confirm the move of", Eventually.Propagation));
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/transfers/{confirmation}/confirm"), HttpStatusCode.OK);
        var movedIn = await WaitForBrandingAsync(id, second.Token, name => name?.GetValue<string>() == "Second Agency");
        Assert.Equal("Second Agency", movedIn["branding"]!["app_name"]!.GetValue<string>());
        var audit = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/audit", token: second.Token), HttpStatusCode.OK);
        var actions = audit["data"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("branding.removed", actions);
        Assert.Contains("branding.applied", actions);
    }

    public void Dispose() => client.Dispose();
}
