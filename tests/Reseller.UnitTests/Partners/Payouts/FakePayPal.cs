using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reseller.UnitTests.Partners.Payouts;

/// <summary>
/// An in-process fake of PayPal's REST API (OAuth2 token, Payouts create and read), recording every request. Like PayPal,
/// a batch created again with the same PayPal-Request-Id answers the first batch and pays nothing more. An item's outcome
/// follows its receiver: <c>unclaimed…</c> stays unclaimed, <c>returned…</c> comes back returned, <c>fail…</c> fails,
/// <c>slow…</c> stays pending, any other succeeds; <see cref="Settle"/> moves an item on, as PayPal does later.
/// </summary>
public sealed class FakePayPal : HttpMessageHandler
{
    public const string ClientId = "client-id";
    public const string ClientSecret = "client-secret";
    private readonly ConcurrentDictionary<string, JsonObject> batchesByRequestId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> refusedRequestIds = new(StringComparer.Ordinal);
    private int tokens;

    public ConcurrentQueue<(HttpMethod Method, string Path, string? Authorization, string? RequestId, string Body)> Requests { get; } = new();

    /// <summary>How many of the next batch creations fail with a 503, before PayPal makes anything (an outage).</summary>
    public int PayoutsToFail { get; set; }

    /// <summary>
    /// How many of the next batch creations PayPal refuses for good, as it does when the sender's balance cannot cover them
    /// (422 INSUFFICIENT_FUNDS); like PayPal, a refused request id is answered the same refusal whenever it is sent again.
    /// </summary>
    public int PayoutsToRefuse { get; set; }

    /// <summary>Items paid, over every batch: a retried batch adds none.</summary>
    public int ItemsPaid => batchesByRequestId.Values.Sum(b => b["items"]!.AsArray().Count);

    /// <summary>Every item paid to <paramref name="receiver"/> now stands at <paramref name="status"/> (an unclaimed payout claimed or returned).</summary>
    public void Settle(string receiver, string status)
    {
        foreach (var item in batchesByRequestId.Values.SelectMany(b => b["items"]!.AsArray()).Select(i => i!.AsObject())
            .Where(i => i["payout_item"]!["receiver"]!.GetValue<string>() == receiver))
        {
            item["transaction_status"] = status;
            if (status == "RETURNED")
            {
                item["errors"] = new JsonObject { ["name"] = "RECEIVER_UNREGISTERED", ["message"] = "Unclaimed for 30 days, returned to the sender" };
            }
            else
            {
                item.Remove("errors");
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var requestId = request.Headers.TryGetValues("PayPal-Request-Id", out var ids) ? ids.Single() : null;
        var path = request.RequestUri!.AbsolutePath;
        Requests.Enqueue((request.Method, path, request.Headers.Authorization?.ToString(), requestId, body));

        if (request.Method == HttpMethod.Post && path == "/v1/oauth2/token")
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
            return request.Headers.Authorization?.ToString() == expected && body == "grant_type=client_credentials"
                ? Json(HttpStatusCode.OK, new JsonObject { ["access_token"] = $"A21.token{Interlocked.Increment(ref tokens)}", ["token_type"] = "Bearer", ["expires_in"] = 32400 })
                : Json(HttpStatusCode.Unauthorized, new JsonObject { ["error"] = "invalid_client" });
        }
        if (request.Headers.Authorization?.Scheme != "Bearer" || request.Headers.Authorization.Parameter?.StartsWith("A21.token", StringComparison.Ordinal) != true)
        {
            return Json(HttpStatusCode.Unauthorized, new JsonObject { ["name"] = "AUTHENTICATION_FAILURE" });
        }
        if (request.Method == HttpMethod.Post && path == "/v1/payments/payouts" && requestId is not null)
        {
            if (PayoutsToFail > 0)
            {
                PayoutsToFail--;
                return Json(HttpStatusCode.ServiceUnavailable, new JsonObject { ["name"] = "SERVICE_UNAVAILABLE" });
            }
            if (PayoutsToRefuse > 0 && !batchesByRequestId.ContainsKey(requestId) && refusedRequestIds.TryAdd(requestId, true))
            {
                PayoutsToRefuse--;
            }
            if (refusedRequestIds.ContainsKey(requestId))
            {
                return Json(HttpStatusCode.UnprocessableEntity, new JsonObject { ["name"] = "INSUFFICIENT_FUNDS", ["message"] = "Sender does not have sufficient funds." });
            }
            var items = JsonNode.Parse(body)!["items"]!.AsArray();
            if (items.Any(i => decimal.Parse(i!["amount"]!["value"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) <= 0
                || string.IsNullOrEmpty(i["receiver"]?.GetValue<string>())))
            {
                // As PayPal: the whole batch is refused when one item's amount is not positive or it has no receiver.
                return Json(HttpStatusCode.UnprocessableEntity, new JsonObject { ["name"] = "VALIDATION_ERROR", ["message"] = "Invalid request - see details" });
            }
            var batch = batchesByRequestId.GetOrAdd(requestId, _ => Batch(JsonNode.Parse(body)!.AsObject()));
            return Json(HttpStatusCode.Created, new JsonObject { ["batch_header"] = batch["batch_header"]!.DeepClone() });
        }
        if (request.Method == HttpMethod.Get && path.StartsWith("/v1/payments/payouts/", StringComparison.Ordinal))
        {
            var id = path["/v1/payments/payouts/".Length..];
            var batch = batchesByRequestId.Values.FirstOrDefault(b => b["batch_header"]!["payout_batch_id"]!.GetValue<string>() == id);
            return batch is null ? Json(HttpStatusCode.NotFound, new JsonObject { ["name"] = "INVALID_RESOURCE_ID" }) : Json(HttpStatusCode.OK, (JsonObject)batch.DeepClone());
        }
        return Json(HttpStatusCode.NotFound, new JsonObject { ["name"] = "NOT_FOUND" });
    }

    private static JsonObject Batch(JsonObject created)
    {
        var batchId = "PB" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var items = new JsonArray();
        foreach (var item in created["items"]!.AsArray())
        {
            var receiver = item!["receiver"]!.GetValue<string>();
            var status = receiver.StartsWith("unclaimed", StringComparison.Ordinal) ? "UNCLAIMED"
                : receiver.StartsWith("returned", StringComparison.Ordinal) ? "RETURNED"
                : receiver.StartsWith("fail", StringComparison.Ordinal) ? "FAILED"
                : receiver.StartsWith("slow", StringComparison.Ordinal) ? "PENDING"
                : "SUCCESS";
            var entry = new JsonObject
            {
                ["payout_item_id"] = "PI" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
                ["transaction_status"] = status,
                ["payout_item"] = item.DeepClone(),
            };
            if (status is "UNCLAIMED" or "RETURNED" or "FAILED")
            {
                entry["errors"] = status == "FAILED"
                    ? new JsonObject { ["name"] = "RECEIVER_ACCOUNT_LOCKED", ["message"] = "Receiver account is locked" }
                    : new JsonObject { ["name"] = "RECEIVER_UNREGISTERED", ["message"] = status == "UNCLAIMED" ? "Receiver is unregistered" : "Unclaimed for 30 days, returned to the sender" };
            }
            items.Add(entry);
        }
        return new JsonObject
        {
            ["batch_header"] = new JsonObject { ["payout_batch_id"] = batchId, ["batch_status"] = "PENDING", ["sender_batch_header"] = created["sender_batch_header"]!.DeepClone() },
            ["items"] = items,
        };
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
        new(status) { Content = new StringContent(body.ToJsonString(JsonSerializerOptions.Default), Encoding.UTF8, "application/json") };
}
