using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.WebTests.Infrastructure;

/// <summary>What the browser tests prepare through the API: trials, waiting for an asynchronous outcome.</summary>
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

    /// <summary>Polls a GET until the condition holds (events reach other services asynchronously); the last answer otherwise.</summary>
    public static Task<JsonNode> WaitForAsync(this GatewayClient api, string path, string token, Func<JsonNode, bool> condition, TimeSpan timeout) =>
        Eventually.ReadAsync(async () => await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Get, path, token: token), HttpStatusCode.OK), condition, timeout);
}
