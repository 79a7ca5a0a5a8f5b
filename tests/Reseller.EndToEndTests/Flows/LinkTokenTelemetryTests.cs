using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;

using Reseller.EndToEndTests.Flows.AccountUsers;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows;

public sealed class LinkTokenTelemetryTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task Accepting_an_invitation_leaves_its_token_in_no_span_and_no_log()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var email = $"traced-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{account["id"]}/invitations",
            new { name = "Traced", email }, partner.Token), HttpStatusCode.Created);
        var token = await IdentityScenario.WaitForMailedTokenAsync(email, "invitations");
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

        using var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invitations/{token}/accept") { Content = JsonContent.Create(new { password = "a traced secret" }) };
        accept.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01");
        await GatewayClient.JsonAsync(await client.Http.SendAsync(accept), HttpStatusCode.OK);

        // Accounts' server span of the acceptance, not only one of its children (its database calls end, and may be exported,
        // before it), and the gateway's spans, which end last.
        await Eventually.HoldsAsync(() => Exported(traceId, "gateway") >= 2 && AcceptanceExportedByAccounts(traceId), Eventually.Propagation);
        Assert.True(Exported(traceId, "gateway") >= 2, "The gateway's spans of the acceptance were not exported.");
        Assert.True(AcceptanceExportedByAccounts(traceId), "Accounts' span of the acceptance was not exported.");

        Assert.False(system.Telemetry.Mentions(token), "An exported span or log holds the invitation's token.");
        Assert.DoesNotContain(system.Logs, line => line.Contains(token, StringComparison.Ordinal));
    }

    private int Exported(string traceId, string service) => system.Telemetry.Spans.Count(s => s.TraceId == traceId && s.Service == service);

    private bool AcceptanceExportedByAccounts(string traceId) =>
        system.Telemetry.Spans.Any(s => s.TraceId == traceId && s.Service == "accounts" && s.Name.Contains("/invitations/{token}/accept", StringComparison.Ordinal));

    public void Dispose() => client.Dispose();
}
