using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Partners;

/// <summary>Arrange helpers of the Partners tests: users, API keys, waiting for what reaches Partners by event.</summary>
public static class PartnerScenarios
{
    public const string NewPassword = "another good passphrase";

    public static async Task<string> CreateApiKeyAsync(this GatewayClient client, Partner partner, string name = "CRM sync")
    {
        var created = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/api-keys", new { name }, partner.Token), HttpStatusCode.Created);
        return created["key"]!.GetValue<string>();
    }

    /// <summary>Invites a user with the role, accepts the e-mailed invitation and returns the user's token.</summary>
    public static async Task<(string Email, string Token)> AddUserAsync(this GatewayClient client, Partner partner, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@agency.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners/me/users", new { email, role }, partner.Token), HttpStatusCode.Created);
        var token = MailFolder.TokenFrom(await MailFolder.WaitForMailAsync(email, "invited", Eventually.Propagation));
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/partner-invitations/{token}/accept", new { password = NewPassword }), HttpStatusCode.OK);
        return (email, await client.TokenAsync(email, NewPassword));
    }

    public static async Task<JsonNode> GetAsync(this GatewayClient client, string path, string token) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, path, token: token), HttpStatusCode.OK);

    /// <summary>Polls a GET until the condition holds (events reach Partners asynchronously); the last answer otherwise.</summary>
    public static Task<JsonNode> WaitForAsync(this GatewayClient client, string path, Func<string> token, Func<JsonNode, bool> condition, TimeSpan timeout) =>
        Eventually.ReadAsync(() => client.GetAsync(path, token()), condition, timeout);

    public static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
