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

        var services = await Eventually.ReadAsync(
            () => Task.FromResult(system.Telemetry.Spans.Where(s => s.TraceId == traceId).Select(s => s.Service).Distinct().Order().ToArray()),
            seen => seen.Contains("gateway") && SpansOf(traceId, "billing").Any(IsConsume) && SpansOf(traceId, "accounts").Any(IsConsume),
            Eventually.Propagation);

        Assert.Contains("gateway", services);
        Assert.Contains("accounts", services);
        Assert.Contains("billing", services);
        Assert.Contains(SpansOf(traceId, "billing"), IsConsume);
        Assert.Contains(SpansOf(traceId, "accounts"), IsConsume);
    }

    /// <summary>MassTransit names a consumer's span "{queue} process" (and "consume" in some versions).</summary>
    private static bool IsConsume(string spanName) =>
        spanName.EndsWith(" process", StringComparison.Ordinal) || spanName.Contains("consume", StringComparison.OrdinalIgnoreCase);

    private IEnumerable<string> SpansOf(string traceId, string service) =>
        system.Telemetry.Spans.Where(s => s.TraceId == traceId && s.Service == service).Select(s => s.Name);

    public void Dispose() => client.Dispose();
}
