using System.Net;

namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>
/// The platform's sandbox clock, read and moved by the operator (<c>GET/POST /api/v1/admin/clock</c>). Every test shares it
/// and it only moves forward; a move answers once every job due until then has run.
/// </summary>
public static class SandboxClock
{
    private const string Path = "/api/v1/admin/clock";

    public static async Task<DateTimeOffset> NowAsync(GatewayClient client) =>
        Now(await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, Path, asOperator: true), HttpStatusCode.OK));

    /// <summary>Moves the clock to <paramref name="to"/>; returns the platform's now after the move.</summary>
    public static async Task<DateTimeOffset> MoveToAsync(GatewayClient client, DateTimeOffset to) =>
        Now(await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, Path, new { now = to }, asOperator: true), HttpStatusCode.OK));

    /// <summary>Moves the clock forward by <paramref name="by"/> from the platform's now; returns the platform's now after the move.</summary>
    public static async Task<DateTimeOffset> MoveByAsync(GatewayClient client, TimeSpan by) =>
        await MoveToAsync(client, await NowAsync(client) + by);

    private static DateTimeOffset Now(System.Text.Json.Nodes.JsonNode answer) => answer["now"]!.GetValue<DateTimeOffset>();
}
