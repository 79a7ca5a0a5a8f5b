using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

using Reseller.AppHost.Hosting;

namespace Reseller.AppHost.Telemetry;

/// <summary>
/// The AppHost's OTLP/gRPC receiver (HTTP/2 without TLS): the three collector services' <c>Export</c> methods into the same
/// <see cref="TelemetryStore"/> as <see cref="OtlpHttpReceiver"/>. A gRPC message is a 5-byte prefix (compressed flag, big-endian
/// length) and the protobuf message the HTTP receiver decodes already; the answer is an empty message and <c>grpc-status</c> 0, or
/// 3 (invalid argument) for a malformed one.
/// </summary>
public sealed class OtlpGrpcReceiver : IAsyncDisposable
{
    public const int DefaultPort = 4317;
    private const int MaxMessageBytes = 16 * 1024 * 1024;
    private const string Grpc = "application/grpc";

    private readonly WebApplication app;

    private OtlpGrpcReceiver(WebApplication app) => this.app = app;

    public Uri Endpoint => new(app.Urls.First());

    public static async Task<OtlpGrpcReceiver> StartAsync(TelemetryStore store, int port, CancellationToken cancellationToken = default)
    {
        var builder = InProcessWebHost.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxMessageBytes + 5;
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        app.MapPost("/opentelemetry.proto.collector.trace.v1.TraceService/Export", context => ReceiveAsync(context, store, OtlpDecoder.Traces));
        app.MapPost("/opentelemetry.proto.collector.logs.v1.LogsService/Export", context => ReceiveAsync(context, store, OtlpDecoder.Logs));
        app.MapPost("/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", context => ReceiveAsync(context, store, OtlpDecoder.Metrics));
        await app.StartAsync(cancellationToken);
        return new OtlpGrpcReceiver(app);
    }

    private static async Task ReceiveAsync(HttpContext context, TelemetryStore store, Action<ReadOnlyMemory<byte>, TelemetryStore> decode)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        context.Response.ContentType = Grpc;
        var (status, message) = Accept(body.GetBuffer().AsMemory(0, (int)body.Length), context.Request.Headers["grpc-encoding"], store, decode);
        if (status == 0)
        {
            // One empty Export*ServiceResponse: not compressed, zero bytes long.
            await context.Response.Body.WriteAsync(new byte[5], context.RequestAborted);
        }
        context.Response.AppendTrailer("grpc-status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (message is not null)
        {
            context.Response.AppendTrailer("grpc-message", message);
        }
    }

    private static (int Status, string? Message) Accept(
        ReadOnlyMemory<byte> frame, string? encoding, TelemetryStore store, Action<ReadOnlyMemory<byte>, TelemetryStore> decode)
    {
        if (frame.Length < 5)
        {
            return (3, "no gRPC message");
        }
        var compressed = frame.Span[0] == 1;
        var length = BinaryPrimitives.ReadUInt32BigEndian(frame.Span[1..5]);
        if (length > MaxMessageBytes || length != frame.Length - 5)
        {
            return (3, "one whole gRPC message expected");
        }
        var message = frame.Slice(5, (int)length);
        if (compressed && !string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            return (12, "only gzip is understood");
        }
        try
        {
            decode(compressed ? Gunzip(message) : message, store);
            return (0, null);
        }
        catch (InvalidDataException)
        {
            return (3, "not an OTLP export request");
        }
    }

    private static ReadOnlyMemory<byte> Gunzip(ReadOnlyMemory<byte> message)
    {
        using var source = new GZipStream(new MemoryStream(message.ToArray()), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        source.CopyTo(plain);
        return plain.ToArray();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
