using System.Net;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Reseller.ServiceDefaults.Resilience;

/// <summary>
/// How a call to another service survives a dead replica. Each attempt asks service discovery for the next endpoint
/// (services__billing__http__0, __1, …), so a retry goes to another replica; each endpoint has its own circuit breaker, so
/// a dead replica leaves the rotation without taking the live ones with it. An attempt that never reached a replica
/// (connection refused, open circuit) is retried at once for any method; one that may have reached it only when its method
/// is idempotent, so a POST is never sent twice to a replica that may have acted on it.
/// </summary>
public static class InternalCallResilience
{
    public const string FailoverPipeline = "failover";
    public const string EndpointPipeline = "endpoint";
    /// <summary>
    /// Service discovery hands out endpoints round-robin across every call in flight, so a retry is not sure to reach another
    /// replica: with one of two dead, each attempt has about even odds. Seven attempts lost one call in about 128
    /// (ReplicaFailoverTests: 1 or 2 of 200 credit purchases answered 503, every attempt on the dead replica); 21 lose one in
    /// about two million. An attempt that never reached a replica fails within a millisecond (refused, or its circuit open).
    /// </summary>
    public const int MaxRetryAttempts = 20;

    /// <summary>Retries of an idempotent call a replica may have seen (it timed out or answered 502/503/504): few, with back-off.</summary>
    public const int MaxRetriesAfterReaching = 2;
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    /// <summary>Failover around service discovery, then a circuit breaker per resolved endpoint (scheme, host and port).</summary>
    public static IHttpClientBuilder AddInternalCallResilience(this IHttpClientBuilder http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.AddResilienceHandler(FailoverPipeline, pipeline => pipeline
            .AddTimeout(TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = MaxRetryAttempts,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage()?.Method, args.AttemptNumber)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(NeverReachedEndpoint(args.Outcome.Exception)
                    ? TimeSpan.Zero
                    : TimeSpan.FromMilliseconds(100 * Math.Pow(2, args.AttemptNumber))),
            }));
        http.AddServiceDiscovery();
        http.AddResilienceHandler(EndpointPipeline, pipeline => pipeline
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(EndpointFailed(args.Outcome.Exception)),
            })
            .AddTimeout(AttemptTimeout))
            .SelectPipelineByAuthority();
        return http;
    }

    /// <summary>Whether the attempt is worth another try on the next endpoint.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpMethod? method, int attemptNumber)
    {
        if (NeverReachedEndpoint(outcome.Exception))
        {
            return true;
        }
        if (method is null || !IsIdempotent(method) || attemptNumber >= MaxRetriesAfterReaching)
        {
            return false;
        }
        return outcome.Exception is HttpRequestException or TimeoutRejectedException
            || outcome.Result?.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
    }

    /// <summary>The request was refused before any replica saw it: its circuit was open, or no connection was made.</summary>
    public static bool NeverReachedEndpoint(Exception? exception) => exception switch
    {
        BrokenCircuitException => true,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
        _ => false,
    };

    /// <summary>The endpoint itself did not answer; an answer, even a 5xx, shows the replica is alive.</summary>
    private static bool EndpointFailed(Exception? exception) => exception is HttpRequestException or TimeoutRejectedException;

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put || method == HttpMethod.Delete;
}
