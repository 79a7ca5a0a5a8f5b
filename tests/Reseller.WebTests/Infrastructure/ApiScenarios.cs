using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.WebTests.Infrastructure;

/// <summary>What the browser tests prepare through the API: trials, the sandbox clock, waiting for an asynchronous outcome.</summary>
public static class ApiScenarios
{
    public static async Task<JsonNode> CreateTrialAsync(this GatewayClient api, Partner partner) =>
        await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Post, "/api/v1/accounts", new
        {
            name = GatewayClient.NewAccountName(),
            customer = new { name = "Client Co", email = $"it-{Guid.NewGuid():N}@client.test" },
            notification_email = "billing@agency.test",
            language = "en",
            time_zone = "Europe/Paris",
            plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "trial" },
        }, partner.Token), HttpStatusCode.Created);

    public static async Task<DateTimeOffset> ClockAsync(this GatewayClient api) =>
        (await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Get, "/api/v1/admin/clock", asOperator: true), HttpStatusCode.OK))["now"]!.GetValue<DateTimeOffset>();

    /// <summary>Moves the sandbox clock; the answer comes once every job due until then has run.</summary>
    public static async Task MoveClockAsync(this GatewayClient api, DateTimeOffset to) =>
        await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Post, "/api/v1/admin/clock", new { now = to }, asOperator: true), HttpStatusCode.OK);

    /// <summary>Polls a GET until the condition holds (events reach other services asynchronously); the last answer otherwise.</summary>
    public static Task<JsonNode> WaitForAsync(this GatewayClient api, string path, string token, Func<JsonNode, bool> condition, TimeSpan timeout) =>
        Eventually.ReadAsync(async () => await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Get, path, token: token), HttpStatusCode.OK), condition, timeout);
}
