using Microsoft.AspNetCore.Mvc;

using Reseller.ServiceDefaults.Problems;

using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Reseller.Gateway.Routing;

/// <summary>
/// A public call that could not reach the replica it was sent to (connection refused: the replica is dead) is sent to the
/// next one, and that replica leaves the rotation at once rather than after the next active health check. Only a call
/// that never reached a replica is resent, so nothing is done twice. When no replica can take it: 503 problem+json with
/// Retry-After, never a bare 502.
/// </summary>
public sealed class ProxyFailover(RequestDelegate next, IDestinationHealthUpdater health, IProblemDetailsService problems, ILogger<ProxyFailover> logger)
{
    public static readonly TimeSpan DeadReplicaRestsFor = TimeSpan.FromSeconds(10);

    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations.ToList();
        // Bodies are small (1 MB at most); buffered so a resend after a refused connection sends the same bytes. With one
        // replica there is nowhere to resend to, so nothing is buffered.
        if (candidates.Count > 1)
        {
            context.Request.EnableBuffering();
        }
        while (true)
        {
            await next(context);
            var error = context.Features.Get<IForwarderErrorFeature>();
            if (error is null || context.Response.HasStarted)
            {
                return;
            }
            if (!NeverReachedReplica(error) || proxy.ProxiedDestination is not { } dead)
            {
                break;
            }
            logger.LogWarning("Replica {Destination} refused the connection; it leaves the rotation for {Seconds} s", dead.DestinationId, DeadReplicaRestsFor.TotalSeconds);
            health.SetPassive(context.GetRouteModel().Cluster!, dead, DestinationHealth.Unhealthy, DeadReplicaRestsFor);
            candidates.Remove(dead);
            if (candidates.Count == 0)
            {
                break;
            }
            context.Features.Set<IForwarderErrorFeature>(null!);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Request.Body.Position = 0;
            proxy.AvailableDestinations = candidates.ToList();
        }
        await AnswerUnavailableAsync(context);
    }

    private static bool NeverReachedReplica(IForwarderErrorFeature error) =>
        error.Error == ForwarderError.Request
        && error.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };

    private async Task AnswerUnavailableAsync(HttpContext context)
    {
        if (context.Response.StatusCode is not (StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout))
        {
            return;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = ((int)DependencyFailures.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = ProblemTypes.Uri(DependencyFailures.Slug),
                Title = "The service for this request is unavailable; try again shortly.",
            },
        });
    }
}
