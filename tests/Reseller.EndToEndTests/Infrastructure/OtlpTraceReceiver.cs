using System.Collections.Concurrent;
using System.Diagnostics;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>An OTLP/HTTP (protobuf) receiver in the test host: every process exports its spans here.</summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private long lastPromptedExport = Stopwatch.GetTimestamp();

    private OtlpTraceReceiver(WebApplication app) => this.app = app;

    public ConcurrentBag<ReceivedSpan> Spans { get; } = [];

    /// <summary>Every exported trace and log batch as received, to search for what must never be exported.</summary>
    public ConcurrentQueue<byte[]> Payloads { get; } = new();

    public bool Mentions(string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return Payloads.Any(p => p.AsSpan().IndexOf(needle) >= 0);
    }

    public string Endpoint => app.Urls.First();

    /// <summary>
    /// How long since the last export of logs or of a span that something prompted (a request, a message, a job): an
    /// unprompted client call does not count.
    /// </summary>
    public TimeSpan SinceLastPromptedExport => Stopwatch.GetElapsedTime(Interlocked.Read(ref lastPromptedExport));

    /// <summary>While set, the raw body of every export (traces, logs, metrics) is kept here, for tests that search what left a process.</summary>
    public ConcurrentQueue<byte[]>? Recording { get; set; }

    public static async Task<OtlpTraceReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new OtlpTraceReceiver(app);
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver.Payloads.Enqueue(body.ToArray());
            receiver.Recording?.Enqueue(body.ToArray());
            foreach (var span in OtlpProtobuf.ReadSpans(body.ToArray()))
            {
                receiver.Spans.Add(span);
                if (!span.IsUnprompted)
                {
                    Interlocked.Exchange(ref receiver.lastPromptedExport, Stopwatch.GetTimestamp());
                }
            }
            return Results.Ok();
        });
        app.MapPost("/v1/logs", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver.Payloads.Enqueue(body.ToArray());
            receiver.Recording?.Enqueue(body.ToArray());
            Interlocked.Exchange(ref receiver.lastPromptedExport, Stopwatch.GetTimestamp());
            return Results.Ok();
        });
        app.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            if (receiver.Recording is { } recording)
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                recording.Enqueue(body.ToArray());
            }
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
