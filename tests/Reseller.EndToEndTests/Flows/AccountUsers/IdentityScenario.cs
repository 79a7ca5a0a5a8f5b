using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.AccountUsers;

/// <summary>Helpers of the account-user tests: trial accounts, account logins and the mail folder.</summary>
public static class IdentityScenario
{
    public static object TrialAccount(string name, string customerEmail = "it@client.test") => new
    {
        name,
        customer = new { name = "Client Co", email = customerEmail },
        notification_email = "billing@agency.test",
        language = "fr",
        time_zone = "Europe/Paris",
        plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "trial" },
    };

    public static async Task<JsonNode> CreateTrialAsync(this GatewayClient client, Partner partner, string? customerEmail = null) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts",
            TrialAccount(GatewayClient.NewAccountName(), customerEmail ?? $"it-{Guid.NewGuid():N}@client.test"), partner.Token), HttpStatusCode.Created);

    public static Task<HttpResponseMessage> AccountLoginAsync(this GatewayClient client, string account, string username, string password) =>
        client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-token", new { account, username, password });

    public static async Task<string> AccountTokenAsync(this GatewayClient client, string account, string username, string password)
    {
        var token = await GatewayClient.JsonAsync(await client.AccountLoginAsync(account, username, password), HttpStatusCode.OK);
        return token["access_token"]!.GetValue<string>();
    }

    /// <summary>Logs in as the account's admin with the password handed out at creation.</summary>
    public static Task<string> AdminTokenAsync(this GatewayClient client, JsonNode account) =>
        client.AccountTokenAsync(account["name"]!.GetValue<string>(), "admin", account["login"]!["password"]!.GetValue<string>());

    public static JsonNode Claims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!;
    }

    /// <summary>Waits for a mail to <paramref name="to"/> whose link path contains <paramref name="segment"/>; returns the link's token, newest mail first.</summary>
    public static async Task<string> WaitForMailedTokenAsync(string to, string segment, int atLeast = 1, TimeSpan? timeout = null)
    {
        var pattern = new Regex($@"https?://\S+/{Regex.Escape(segment)}[/\w-]*\?token=([A-Za-z0-9_-]+)");
        var tokens = await Eventually.ReadAsync(
            () => Task.FromResult(MailFolder.MailsTo(to).Select(m => pattern.Match(m)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList()),
            found => found.Count >= atLeast,
            timeout ?? Eventually.Propagation);
        return tokens.Count >= atLeast
            ? tokens[^1]
            : throw new Xunit.Sdk.XunitException($"No {atLeast} mail(s) to {to} with a /{segment} link arrived; found {tokens.Count}.");
    }
}
