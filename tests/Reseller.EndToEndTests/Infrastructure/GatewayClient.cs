using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Reseller.Testing;

namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>Talks to the gateway the way a front-end or partner integration does, with scenario helpers.</summary>
public sealed class GatewayClient(HttpClient http, string adminKey) : IDisposable
{
    public const string GoodCard = "4242424242424242";

    /// <summary>Far enough ahead that no test's move of the shared, forward-only sandbox clock can expire a test card.</summary>
    public const int CardExpiryYear = 2099;
    public const string DeclinedCard = "4000000000000002";

    public const int OneMegabyte = 1024 * 1024;

    public HttpClient Http => http;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? token = null, bool asOperator = false, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (body is not null)
        {
            request.Content = body is string raw ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body);
            // As a careful client does with a large upload: the server may refuse it by its size before any byte is sent
            // (413), instead of closing the connection in the middle of the upload.
            request.Headers.ExpectContinue = body is string { Length: > OneMegabyte };
        }
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (asOperator)
        {
            request.Headers.Add("X-Admin-Key", adminKey);
        }
        return await http.SendAsync(request);
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<Partner> CreatePartnerAsync(string? name = null)
    {
        var email = $"owner-{Guid.NewGuid():N}@agency.test";
        const string password = "correct horse battery";
        var created = await JsonAsync(await SendAsync(HttpMethod.Post, "/api/v1/partners",
            new { name = name ?? "Agency " + Guid.NewGuid().ToString("N")[..6], email, password, country = "FR", currency = "USD" }, asOperator: true), HttpStatusCode.Created);
        var token = await TokenAsync(email, password);
        return new Partner(created["partner"]!["id"]!.GetValue<string>(), email, password, token);
    }

    public async Task<string> TokenAsync(string email, string password)
    {
        var token = await JsonAsync(await SendAsync(HttpMethod.Post, "/api/v1/auth/token", new { email, password }), HttpStatusCode.OK);
        Assert.Equal("Bearer", token["token_type"]!.GetValue<string>());
        return token["access_token"]!.GetValue<string>();
    }

    public async Task<string> CreateBillingProfileAsync(Partner partner, string cardNumber)
    {
        var profile = await JsonAsync(await SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "Main card", card = new { number = cardNumber, exp_month = 12, exp_year = CardExpiryYear, cvc = "123" } }, partner.Token), HttpStatusCode.Created);
        return profile["id"]!.GetValue<string>();
    }

    /// <summary>Creates a monthly marketing/plus account for the partner and returns it as created (status pending).</summary>
    public async Task<JsonNode> CreateAccountAsync(Partner partner, string billingProfileId) =>
        await JsonAsync(await SendAsync(HttpMethod.Post, "/api/v1/accounts", MarketingPlusMonthly(NewAccountName(), billingProfileId), partner.Token), HttpStatusCode.Created);

    /// <summary>Creates an account charged to the card and waits until its first charge has settled.</summary>
    public async Task<JsonNode> CreateSettledAccountAsync(Partner partner, string billingProfileId)
    {
        var created = await CreateAccountAsync(partner, billingProfileId);
        return await WaitForAccountAsync(partner, created["id"]!.GetValue<string>(), a => a["status"]!.GetValue<string>() != "pending", TimeSpan.FromSeconds(45));
    }

    public async Task<System.Text.Json.Nodes.JsonArray> InvoicesOfAsync(Partner partner, string accountId) =>
        (await JsonAsync(await SendAsync(HttpMethod.Get, $"/api/v1/invoices?account_id={accountId}", token: partner.Token), HttpStatusCode.OK))["data"]!.AsArray();

    public static object MarketingPlusMonthly(string name, string? billingProfileId) => new
    {
        name,
        customer = new { name = "Client Co", email = "it@client.test" },
        notification_email = "billing@agency.test",
        language = "fr",
        time_zone = "Europe/Paris",
        plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly" },
        billing_profile_id = billingProfileId,
    };

    public static string NewAccountName() => "acct-" + Guid.NewGuid().ToString("N")[..16];

    public Task<JsonNode> WaitForAccountAsync(Partner partner, string accountId, Func<JsonNode, bool> condition, TimeSpan timeout) =>
        Eventually.ReadAsync(
            async () => await JsonAsync(await SendAsync(HttpMethod.Get, $"/api/v1/accounts/{accountId}", token: partner.Token), HttpStatusCode.OK),
            condition,
            timeout);

    public void Dispose() => http.Dispose();

    /// <summary>The operator asks for a move-in, once Accounts knows the new partner (its <c>PartnerCreated</c> arrives asynchronously).</summary>
    public Task<HttpResponseMessage> TransferInAsync(string accountId, string partnerId) =>
        Eventually.ReadAsync(
            () => SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{accountId}/transfer-in", new { partner_id = partnerId }, asOperator: true),
            response => response.StatusCode != HttpStatusCode.NotFound,
            Eventually.Propagation);
}
