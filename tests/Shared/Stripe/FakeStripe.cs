using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Reseller.Testing.Stripe;

/// <summary>
/// An in-process fake of the parts of Stripe's HTTP API Billing uses (customers, payment method attach, PaymentIntents,
/// cancel, refunds), on a loopback port. It records every request, replays a request whose Idempotency-Key it has seen and
/// refuses that key with other parameters (as Stripe does), and signs webhook events with Stripe's scheme (HMAC-SHA256 of
/// "timestamp.payload"). Payment method ids choose the card's behaviour like Stripe's test ids: pm_card_visa pays,
/// pm_card_threeDSecureRequired needs 3-D Secure, pm_card_chargeDeclined is declined.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_fake";
    public const string WebhookSecret = "whsec_fake_secret";
    public const string ThreeDSecureCard = "pm_card_threeDSecureRequired";
    public const string DeclinedCard = "pm_card_chargeDeclined";

    /// <summary>A card whose charge Stripe answers <c>processing</c> (the network has not answered yet); <see cref="Settle"/> finishes it.</summary>
    public const string ProcessingCard = "pm_card_processing";

    private readonly WebApplication app;
    private readonly List<FakeStripeRequest> requests = [];
    private readonly ConcurrentDictionary<string, (string Request, int Status, string Body)> answered = new();
    private readonly ConcurrentDictionary<string, JsonObject> intents = new();
    private int ids;
    private int loseNextChargeAnswer;
    private int loseNextRefundAnswer;
    private long delayNextChargeAnswerTicks;

    private FakeStripe(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeStripe(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    public IReadOnlyList<FakeStripeRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return requests.ToList();
            }
        }
    }

    /// <summary>The PaymentIntents really created (replays excluded), oldest first.</summary>
    public IReadOnlyList<JsonObject> PaymentIntents => intents.Values.OrderBy(i => (string)i["id"]!, StringComparer.Ordinal).ToList();

    /// <summary>The next new PaymentIntent is made (Stripe charged) but its answer never reaches the caller: the connection drops.</summary>
    public void LoseNextChargeAnswer() => Interlocked.Exchange(ref loseNextChargeAnswer, 1);

    /// <summary>The next new PaymentIntent is made (Stripe charged) at once, but its answer reaches the caller only after <paramref name="delay"/>.</summary>
    public void DelayNextChargeAnswer(TimeSpan delay) => Interlocked.Exchange(ref delayNextChargeAnswerTicks, delay.Ticks);

    /// <summary>The next new refund is made (Stripe gave the money back) but its answer never reaches the caller: the connection drops.</summary>
    public void LoseNextRefundAnswer() => Interlocked.Exchange(ref loseNextRefundAnswer, 1);

    /// <summary>The card network answered a processing PaymentIntent: Stripe took the money.</summary>
    public JsonObject Settle(string paymentIntentId)
    {
        var intent = intents[paymentIntentId];
        intent["status"] = "succeeded";
        intent["amount_received"] = intent["amount"]!.GetValue<long>();
        return intent;
    }

    /// <summary>The payer authenticated a PaymentIntent held for 3-D Secure in the browser: Stripe takes the money.</summary>
    public JsonObject Authenticate(string paymentIntentId)
    {
        var intent = intents[paymentIntentId];
        intent["status"] = "succeeded";
        intent["amount_received"] = intent["amount"]!.GetValue<long>();
        intent.Remove("next_action");
        return intent;
    }

    /// <summary>A webhook event about a PaymentIntent as Stripe would POST it: the JSON body and its Stripe-Signature header.</summary>
    public (string Json, string Signature) SignedEvent(string type, JsonObject paymentIntent, DateTimeOffset? signedAt = null, string secret = WebhookSecret)
    {
        var stripeEvent = new JsonObject
        {
            ["id"] = "evt_" + Next(),
            ["object"] = "event",
            ["api_version"] = "2025-01-01",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = type,
            ["data"] = new JsonObject { ["object"] = JsonNode.Parse(paymentIntent.ToJsonString()) },
        };
        var json = stripeEvent.ToJsonString();
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{json}")));
        return (json, $"t={timestamp},v1={signature}");
    }

    /// <summary>POSTs a signed event about the PaymentIntent to a webhook endpoint, as Stripe does; the endpoint's answer.</summary>
    public async Task<HttpStatusCode> SendEventAsync(Uri endpoint, string type, JsonObject paymentIntent)
    {
        (var json, var signature) = SignedEvent(type, paymentIntent);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");
        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        lock (requests)
        {
            requests.Add(new FakeStripeRequest(request.Method, request.Path, key, request.Headers.Authorization.FirstOrDefault(), form, body));
        }
        if (key is not null && answered.TryGetValue($"{request.Path}|{key}", out var replay))
        {
            // As Stripe: a key seen before replays its first answer, and only for the same parameters.
            await (replay.Request == body
                ? WriteAsync(context, replay.Status, replay.Body)
                : WriteAsync(context, 400, new JsonObject
                {
                    ["error"] = new JsonObject
                    {
                        ["type"] = "idempotency_error",
                        ["message"] = "Keys for idempotent requests can only be used with the same parameters they were first used with.",
                    },
                }.ToJsonString()));
            return;
        }
        var (status, answer) = Answer(request.Path.Value ?? "", form);
        if (key is not null)
        {
            answered[$"{request.Path}|{key}"] = (body, status, answer);
        }
        if (request.Path == "/v1/payment_intents" && form.GetValueOrDefault("capture_method") != "manual" && Interlocked.Exchange(ref loseNextChargeAnswer, 0) == 1)
        {
            context.Abort();
            return;
        }
        if (request.Path == "/v1/payment_intents" && form.GetValueOrDefault("capture_method") != "manual"
            && Interlocked.Exchange(ref delayNextChargeAnswerTicks, 0) is > 0 and var delayTicks)
        {
            // Not cancelled with the request: Stripe goes on whether or not its caller still waits.
            await Task.Delay(TimeSpan.FromTicks(delayTicks), CancellationToken.None);
        }
        if (request.Path == "/v1/refunds" && Interlocked.Exchange(ref loseNextRefundAnswer, 0) == 1)
        {
            context.Abort();
            return;
        }
        await WriteAsync(context, status, answer);
    }

    private (int Status, string Body) Answer(string path, Dictionary<string, string> form)
    {
        var segments = path.Trim('/').Split('/');
        return segments switch
        {
            ["v1", "customers"] => (200, new JsonObject { ["id"] = "cus_" + Next(), ["object"] = "customer", ["name"] = form.GetValueOrDefault("name") }.ToJsonString()),
            ["v1", "payment_methods", var method, "attach"] => (200, PaymentMethod(method, form["customer"]).ToJsonString()),
            ["v1", "payment_intents"] => CreateIntent(form),
            ["v1", "payment_intents", var id, "cancel"] => Cancel(id),
            ["v1", "payment_intents", var id] => intents.TryGetValue(id, out var current)
                ? (200, current.ToJsonString())
                : (404, Error("invalid_request_error", "resource_missing", null)),
            ["v1", "refunds"] => (200, new JsonObject
            {
                ["id"] = "re_" + Next(),
                ["object"] = "refund",
                ["amount"] = long.Parse(form["amount"], CultureInfo.InvariantCulture),
                ["payment_intent"] = form["payment_intent"],
                ["status"] = "succeeded",
            }.ToJsonString()),
            _ => (404, Error("invalid_request_error", "resource_missing", null)),
        };
    }

    private (int, string) CreateIntent(Dictionary<string, string> form)
    {
        var method = form["payment_method"];
        var manual = form.GetValueOrDefault("capture_method") == "manual";
        var amount = long.Parse(form["amount"], CultureInfo.InvariantCulture);
        var intent = new JsonObject
        {
            ["id"] = "pi_" + Next(),
            ["object"] = "payment_intent",
            ["amount"] = amount,
            ["amount_received"] = 0,
            ["currency"] = form["currency"],
            ["customer"] = form["customer"],
            ["payment_method"] = method,
            ["capture_method"] = manual ? "manual" : "automatic",
            ["metadata"] = new JsonObject(form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
                .Select(f => KeyValuePair.Create(f.Key["metadata[".Length..^1], (JsonNode?)f.Value))),
        };
        intents[(string)intent["id"]!] = intent;
        switch (method)
        {
            case DeclinedCard:
                intent["status"] = "requires_payment_method";
                return (402, Error("card_error", "card_declined", intent, "generic_decline"));
            case ProcessingCard:
                intent["status"] = "processing";
                return (200, intent.ToJsonString());
            case ThreeDSecureCard:
                intent["status"] = "requires_action";
                intent["next_action"] = new JsonObject
                {
                    ["type"] = "redirect_to_url",
                    ["redirect_to_url"] = new JsonObject { ["url"] = $"https://hooks.stripe.test/3d_secure_2/authenticate/{intent["id"]}", ["return_url"] = null },
                };
                return (200, intent.ToJsonString());
            default:
                intent["status"] = manual ? "requires_capture" : "succeeded";
                intent["amount_received"] = manual ? 0 : amount;
                return (200, intent.ToJsonString());
        }
    }

    private (int, string) Cancel(string id)
    {
        if (!intents.TryGetValue(id, out var intent))
        {
            return (404, Error("invalid_request_error", "resource_missing", null));
        }
        intent["status"] = "canceled";
        return (200, intent.ToJsonString());
    }

    private static JsonObject PaymentMethod(string id, string customer) => new()
    {
        ["id"] = id,
        ["object"] = "payment_method",
        ["type"] = "card",
        ["customer"] = customer,
        ["card"] = new JsonObject
        {
            ["brand"] = "visa",
            ["last4"] = id switch { ThreeDSecureCard => "3155", DeclinedCard => "0002", _ => "4242" },
            ["exp_month"] = 12,
            ["exp_year"] = DateTime.UtcNow.Year + 3,
        },
    };

    private static string Error(string type, string code, JsonObject? intent, string? declineCode = null) => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["type"] = type,
            ["code"] = code,
            ["decline_code"] = declineCode,
            ["message"] = "Refused by the fake.",
            ["payment_intent"] = intent is null ? null : JsonNode.Parse(intent.ToJsonString()),
        },
    }.ToJsonString();

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["Request-Id"] = "req_fake";
        await context.Response.WriteAsync(body);
    }

    private string Next() => Interlocked.Increment(ref ids).ToString("D8", CultureInfo.InvariantCulture) + "fake";

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
