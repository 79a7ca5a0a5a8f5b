using System.IO.Compression;
using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using Reseller.AppHost.Hosting;

namespace Reseller.AppHost.Telemetry;

/// <summary>
/// The AppHost's OTLP/HTTP receiver (binary protobuf, as the services' exporter sends with <c>http/protobuf</c>):
/// <c>POST /v1/traces</c>, <c>/v1/logs</c> and <c>/v1/metrics</c> into the bounded <see cref="TelemetryStore"/>.
/// A malformed body is refused with 400 and changes nothing.
/// </summary>
public sealed class OtlpHttpReceiver : IAsyncDisposable
{
    public const int DefaultPort = 4318;
    private const string Protobuf = "application/x-protobuf";
    private const int MaxBodyBytes = 16 * 1024 * 1024;

    private readonly WebApplication app;

    private OtlpHttpReceiver(WebApplication app, TelemetryStore store)
    {
        this.app = app;
        Store = store;
    }

    public TelemetryStore Store { get; }

    /// <summary>The base address to give exporters as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri Endpoint => new(app.Urls.First());

    /// <summary>Listens on 127.0.0.1 at the port (0: any free port).</summary>
    public static async Task<OtlpHttpReceiver> StartAsync(TelemetryStore store, int port, CancellationToken cancellationToken = default)
    {
        var builder = InProcessWebHost.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        var receiver = new OtlpHttpReceiver(app, store);
        app.MapPost("/v1/traces", (HttpRequest request) => receiver.ReceiveAsync(request, OtlpDecoder.Traces));
        app.MapPost("/v1/logs", (HttpRequest request) => receiver.ReceiveAsync(request, OtlpDecoder.Logs));
        app.MapPost("/v1/metrics", (HttpRequest request) => receiver.ReceiveAsync(request, OtlpDecoder.Metrics));
        await app.StartAsync(cancellationToken);
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request, Action<ReadOnlyMemory<byte>, TelemetryStore> decode)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), Protobuf, StringComparison.OrdinalIgnoreCase))
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }
        using var body = new MemoryStream();
        var source = string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(request.Body, CompressionMode.Decompress)
            : request.Body;
        await using (source)
        {
            await source.CopyToAsync(body, request.HttpContext.RequestAborted);
        }
        try
        {
            decode(body.GetBuffer().AsMemory(0, (int)body.Length), Store);
        }
        catch (InvalidDataException)
        {
            return Results.BadRequest();
        }
        // An empty Export*ServiceResponse: everything was accepted.
        return Results.Bytes([], Protobuf);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
