using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Reseller.ServiceDefaults.Auth;

namespace Reseller.ServiceDefaults.Clock;

/// <summary>
/// A sandbox instance keeps its clock's offset in memory, so one started again (after a crash, or a replica replaced) would
/// run at the real time, behind the platform by as far as the operator had moved it, and refuse every token issued since.
/// Before it serves, it reads the clocks of the instances it knows (its peers in service discovery) and takes the offset of
/// the one furthest ahead. None answering (the first start of the whole system, when every clock is at the real time) leaves
/// it where it is.
/// </summary>
internal sealed partial class SandboxClockCatchUp(
    PlatformClock clock,
    IConfiguration configuration,
    IOptions<PlatformTokenOptions> platform,
    ILogger<SandboxClockCatchUp> logger) : IHostedService
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var adminKey = platform.Value.AdminKey;
        var peers = PeerInstances(configuration);
        if (adminKey.Length == 0 || peers.Count == 0)
        {
            return;
        }

        // Not the services' resilient client: a peer that is down is simply not asked again, and must not hold the start.
        using var http = new HttpClient { Timeout = AskTimeout };
        var readings = await Task.WhenAll(peers.Select(peer => ReadAsync(http, peer, adminKey, cancellationToken)));
        var furthest = TimeSpan.FromTicks(readings.OfType<InstanceClockReading>().Select(r => r.OffsetTicks).DefaultIfEmpty(0).Max());
        if (furthest > clock.Offset)
        {
            LogCaughtUp(logger, clock.CatchUpWith(furthest), readings.Count(r => r is not null));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static IReadOnlyList<Uri> PeerInstances(IConfiguration configuration) =>
    [
        .. configuration.GetSection("services").GetChildren()
            .SelectMany(service => service.GetSection("http").GetChildren())
            .Select(instance => Uri.TryCreate(instance.Value, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Distinct(),
    ];

    private static async Task<InstanceClockReading?> ReadAsync(HttpClient http, Uri peer, string adminKey, CancellationToken cancellationToken)
    {
        try
        {
            return await InstanceClock.ReadAsync(http, peer, adminKey, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox clock caught up with its peers: now {Now:O} (from {Answered} instances)")]
    private static partial void LogCaughtUp(ILogger logger, DateTimeOffset now, int answered);
}
