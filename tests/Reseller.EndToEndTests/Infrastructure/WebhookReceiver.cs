using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>
/// A partner's webhook receiver in the test host (http://127.0.0.1, allowed outside Production): records every POST with its
/// raw body and headers and answers what <see cref="Answer"/> says (200 by default).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The status to answer a request with (called once per request, in arrival order); may wait to be slow.</summary>
    public Func<ReceivedWebhook, CancellationToken, Task<int>> Answer { get; set; } = (_, _) => Task.FromResult(200);

    public string Url => app.Urls.First() + "/hooks";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(cancellationToken);
            var received = new ReceivedWebhook(
                body,
                request.ContentType ?? "",
                request.Headers["Reseller-Event-Id"].ToString(),
                request.Headers["Reseller-Signature"].ToString(),
                DateTimeOffset.UtcNow);
            receiver.Received.Enqueue(received);
            return Results.StatusCode(await receiver.Answer(received, cancellationToken));
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>
    /// The check every receiver makes (the README's example): t within 5 minutes of now, and one v1 equal to
    /// hex(HMAC-SHA256(secret, t + "." + raw body)), compared in constant time.
    /// </summary>
    public static bool SignatureIsValid(string header, string body, string secret)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToList();
        if (!long.TryParse(parts.FirstOrDefault(p => p[0] == "t")?[1], out var t)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - t) > 300)
        {
            return false;
        }
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")));
        return parts.Where(p => p[0] == "v1").Any(p =>
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(p[1]), Encoding.ASCII.GetBytes(expected)));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
