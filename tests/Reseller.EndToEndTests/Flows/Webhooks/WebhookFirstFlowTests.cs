using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Webhooks;

/// <summary>A partner's receiver hears the first flow (account created, invoice paid, account active), signed, in the documented shape.</summary>
public sealed class WebhookFirstFlowTests(ResellerSystem system) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task The_first_flow_reaches_the_receiver_signed_and_in_the_documented_shape()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var partner = await client.CreatePartnerAsync();
        var endpoint = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/webhook-endpoints",
            new { url = receiver.Url, events = new[] { "account.created", "account.status_changed", "invoice.paid" }, description = "CRM" }, partner.Token),
            HttpStatusCode.Created);
        var secret = endpoint["secret"]!.GetValue<string>();
        Assert.Matches("^whsec_[0-9a-f]{64}$", secret);
        var endpointId = endpoint["id"]!.GetValue<string>();
        var shown = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/webhook-endpoints/{endpointId}", token: partner.Token), HttpStatusCode.OK);
        Assert.Null(shown["secret"]);

        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var account = await client.CreateSettledAccountAsync(partner, profileId);
        var accountId = account["id"]!.GetValue<string>();
        var invoice = Assert.Single(await client.InvoicesOfAsync(partner, accountId))!;

        Assert.True(await EventuallyAsync(() => receiver.Received.Select(r => r.Type).Distinct().Count() == 3), "the receiver did not get the three events");
        var received = receiver.Received.ToList();
        Assert.Equal(3, received.Count);
        foreach (var webhook in received)
        {
            Assert.StartsWith("application/json", webhook.ContentType, StringComparison.Ordinal);
            Assert.True(WebhookReceiver.SignatureIsValid(webhook.Signature, webhook.Body, secret), $"bad signature on {webhook.Type}");
            var json = webhook.Json.AsObject();
            Assert.Equal(["id", "type", "created_at", "api_version", "data"], json.Select(p => p.Key));
            Assert.Equal(webhook.EventId, json["id"]!.GetValue<string>());
            Assert.StartsWith("evt_", webhook.EventId, StringComparison.Ordinal);
            Assert.Equal("v1", json["api_version"]!.GetValue<string>());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", json["created_at"]!.GetValue<string>());
        }

        var created = Object(received, "account.created");
        Assert.Equal(accountId, created["id"]!.GetValue<string>());
        Assert.Equal(account["name"]!.GetValue<string>(), created["name"]!.GetValue<string>());
        Assert.Equal("pending", created["status"]!.GetValue<string>());
        Assert.Equal("partner", created["payer"]!.GetValue<string>());
        Assert.Equal(profileId, created["billing_profile_id"]!.GetValue<string>());
        Assert.Equal(JsonNode.Parse(account["plan"]!.ToJsonString())!.ToJsonString(), created["plan"]!.ToJsonString());
        Assert.Null(created["customer"]);

        var paid = Object(received, "invoice.paid");
        Assert.Equal(invoice["id"]!.GetValue<string>(), paid["id"]!.GetValue<string>());
        Assert.Equal(invoice["number"]!.GetValue<string>(), paid["number"]!.GetValue<string>());
        Assert.Equal("paid", paid["status"]!.GetValue<string>());
        Assert.Equal(accountId, paid["account_id"]!.GetValue<string>());
        Assert.Equal(invoice["total"]!.ToJsonString(), paid["total"]!.ToJsonString());
        Assert.Equal(invoice["period_start"]!.GetValue<string>(), paid["period_start"]!.GetValue<string>());

        var statusEvent = received.Single(r => r.Type == "account.status_changed").Json;
        Assert.Equal(accountId, statusEvent["data"]!["object"]!["id"]!.GetValue<string>());
        Assert.Equal("active", statusEvent["data"]!["object"]!["status"]!.GetValue<string>());
        Assert.Equal("pending", statusEvent["data"]!["previous_attributes"]!["status"]!.GetValue<string>());

        // The delivery log shows the three, delivered at the first attempt with the receiver's 200.
        Assert.True(await EventuallyAsync(async () =>
        {
            var log = await DeliveriesAsync(partner, endpointId);
            return log.Count == 3 && log.All(d => d!["status"]!.GetValue<string>() == "delivered");
        }), "the delivery log does not show three delivered events");
        var attempt = Assert.Single((await DeliveriesAsync(partner, endpointId))[0]!["attempts"]!.AsArray())!;
        Assert.Equal(200, attempt["status_code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Endpoints_are_the_partners_own_limited_to_ten_and_pinged_on_demand()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var partner = await client.CreatePartnerAsync();
        var stranger = await client.CreatePartnerAsync();
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add((await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/webhook-endpoints",
                new { url = receiver.Url, events = new[] { "invoice.paid" } }, partner.Token), HttpStatusCode.Created))["id"]!.GetValue<string>());
        }
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/webhook-endpoints",
            new { url = receiver.Url, events = new[] { "invoice.paid" } }, partner.Token), HttpStatusCode.UnprocessableEntity);
        var unknown = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/webhook-endpoints",
            new { url = receiver.Url, events = new[] { "invoice.eaten" } }, stranger.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["events"]);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/webhook-endpoints/{ids[0]}", token: stranger.Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/webhook-endpoints/{ids[0]}/test", token: stranger.Token), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, $"/api/v1/webhook-endpoints/{ids[1]}", token: partner.Token)).StatusCode);
        var list = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/webhook-endpoints", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal(9, list["data"]!.AsArray().Count);

        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Post, $"/api/v1/webhook-endpoints/{ids[0]}/test", token: partner.Token)).StatusCode);
        Assert.True(await EventuallyAsync(() => receiver.Received.Any(r => r.Type == "ping")), "no ping arrived");
        Assert.Equal(ids[0], receiver.Received.Single(r => r.Type == "ping").Json["data"]!["object"]!["webhook_endpoint_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_redelivery_to_a_disabled_or_deleted_endpoint_is_a_conflict()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var partner = await client.CreatePartnerAsync();
        var endpointId = (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/webhook-endpoints",
            new { url = receiver.Url, events = new[] { "invoice.paid" } }, partner.Token), HttpStatusCode.Created))["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Post, $"/api/v1/webhook-endpoints/{endpointId}/test", token: partner.Token)).StatusCode);
        Assert.True(await EventuallyAsync(async () => (await DeliveriesAsync(partner, endpointId)).Any(d => d!["status"]!.GetValue<string>() == "delivered")),
            "the ping was never delivered");
        var deliveryId = (await DeliveriesAsync(partner, endpointId)).Single()!["id"]!.GetValue<string>();
        var redeliver = $"/api/v1/webhook-deliveries/{deliveryId}/redeliver";

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/webhook-endpoints/{endpointId}", new { enabled = false }, partner.Token),
            HttpStatusCode.OK);
        var disabled = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, redeliver, token: partner.Token), HttpStatusCode.Conflict);
        Assert.Equal("https://reseller.dev/problems/webhook-endpoint-disabled", disabled["type"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, $"/api/v1/webhook-endpoints/{endpointId}", token: partner.Token)).StatusCode);
        var deleted = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, redeliver, token: partner.Token), HttpStatusCode.Conflict);
        Assert.Equal("https://reseller.dev/problems/webhook-endpoint-deleted", deleted["type"]!.GetValue<string>());
        Assert.Single(receiver.Received);

        var document = JsonNode.Parse(await client.Http.GetStringAsync(new Uri("/docs/openapi.json", UriKind.Relative)))!;
        Assert.NotNull(document["paths"]!["/api/v1/webhook-deliveries/{id}/redeliver"]!["post"]!["responses"]!["409"]);
    }

    private static JsonNode Object(IEnumerable<ReceivedWebhook> received, string type) => received.Single(r => r.Type == type).Json["data"]!["object"]!;

    private async Task<JsonArray> DeliveriesAsync(Partner partner, string endpointId) =>
        (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/webhook-endpoints/{endpointId}/deliveries", token: partner.Token),
            HttpStatusCode.OK))["data"]!.AsArray();

    private static Task<bool> EventuallyAsync(Func<bool> condition) => Eventually.HoldsAsync(condition, Timeout);

    private static Task<bool> EventuallyAsync(Func<Task<bool>> condition) => Eventually.HoldsAsync(condition, Timeout);

    public void Dispose() => client.Dispose();
}
