using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows;

public sealed class TracingTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task One_trace_follows_an_account_from_the_gateway_through_Accounts_RabbitMQ_and_Billing()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var traceId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts")
        {
            Content = System.Net.Http.Json.JsonContent.Create(GatewayClient.MarketingPlusMonthly(GatewayClient.NewAccountName(), profileId)),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", partner.Token);
        request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}-01");
        var created = await GatewayClient.JsonAsync(await client.Http.SendAsync(request), HttpStatusCode.Created);
        await client.WaitForAccountAsync(partner, created["id"]!.GetValue<string>(), a => a["status"]!.GetValue<string>() == "active", TimeSpan.FromSeconds(45));

        // One snapshot of the trace's spans decides the wait and every assertion: spans keep arriving while the test reads,
        // and a condition read after its value could pass on spans the value did not hold.
        var spans = await Eventually.ReadAsync(
            () => Task.FromResult(system.Telemetry.Spans.Where(s => s.TraceId == traceId).Select(s => (s.Service, s.Name)).ToList()),
            seen => seen.Any(s => s.Service == "gateway") && ConsumedIn(seen, "billing") && ConsumedIn(seen, "accounts"),
            Eventually.Propagation);

        var services = spans.Select(s => s.Service).Distinct().Order().ToArray();
        Assert.Contains("gateway", services);
        Assert.Contains("accounts", services);
        Assert.Contains("billing", services);
        Assert.True(ConsumedIn(spans, "billing"), $"no consumer span of Billing in the trace: {string.Join(", ", spans)}");
        Assert.True(ConsumedIn(spans, "accounts"), $"no consumer span of Accounts in the trace: {string.Join(", ", spans)}");
    }

    private static bool ConsumedIn(IEnumerable<(string Service, string Name)> spans, string service) =>
        spans.Any(s => s.Service == service && IsConsume(s.Name));

    /// <summary>MassTransit names a consumer's span "{queue} process" (and "consume" in some versions).</summary>
    private static bool IsConsume(string spanName) =>
        spanName.EndsWith(" process", StringComparison.Ordinal) || spanName.Contains("consume", StringComparison.OrdinalIgnoreCase);

    public void Dispose() => client.Dispose();
}
