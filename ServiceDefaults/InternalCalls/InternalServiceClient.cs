using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.ServiceDefaults.InternalCalls;

/// <summary>
/// The one client for calls between services. It carries the call's credential, writes and reads <see cref="InternalJson"/>,
/// and goes through the failover and circuit breakers every HttpClient has (InternalCallResilience). One reading of the
/// answer: 2xx is read as the expected type; a 4xx problem+json of the callee is relayed to our caller as the same problem
/// (a 401 or 403 only when the call carried the caller's own credential: to our own token it means a fault of ours, not of
/// the request); a callee that cannot be reached, fails (5xx) or refuses our own token is 503 dependency-unavailable with
/// Retry-After, never 500. A 2xx answer that cannot be
/// read is an <see cref="HttpRequestException"/> of kind <see cref="HttpRequestError.InvalidResponse"/> (503 as well, unless
/// the caller knows better).
/// </summary>
public sealed class InternalServiceClient(HttpClient http, IHttpContextAccessor httpContext, IServiceProvider services, ILogger<InternalServiceClient> logger)
{
    /// <summary>A command: its answer, or the callee's refusal relayed (a 404 included).</summary>
    public async Task<T> SendAsync<T>(InternalCall call, CancellationToken cancellationToken) =>
        (await SendAsync<T>(call, notFoundIsAnswer: false, cancellationToken))!;

    /// <summary>A look-up: its answer, or null when the callee answers 404.</summary>
    public Task<T?> FindAsync<T>(InternalCall call, CancellationToken cancellationToken) =>
        SendAsync<T>(call, notFoundIsAnswer: true, cancellationToken);

    private async Task<T?> SendAsync<T>(InternalCall call, bool notFoundIsAnswer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var request = new HttpRequestMessage(call.Method, call.Uri);
        if (call.Body is { } body)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: InternalJson.Options);
        }
        request.Headers.Authorization = await AuthorizationAsync(call, cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (DependencyFailures.IsDependencyFailure(e, cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("{Service} could not be reached for {Method} {Path}: {Error}", call.Service, call.Method, call.Path, e.Message);
            throw DependencyFailures.Unavailable();
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return Read<T>(call, text);
            }
            if (notFoundIsAnswer && response.StatusCode == HttpStatusCode.NotFound)
            {
                return default;
            }
            var status = (int)response.StatusCode;
            var refusedOurToken = status is 401 or 403 && call.Credentials != InternalCredentials.Caller;
            if (status is >= 400 and < 500 && !refusedOurToken && ProblemRelay.TryRead(status, text) is { } problem)
            {
                throw problem;
            }
            logger.LogWarning("{Service} answered {Status} to {Method} {Path}", call.Service, status, call.Method, call.Path);
            throw DependencyFailures.Unavailable();
        }
    }

    private static T Read<T>(InternalCall call, string text)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, InternalJson.Options) ?? throw new JsonException("The answer is null.");
        }
        catch (JsonException e)
        {
            throw new HttpRequestException(HttpRequestError.InvalidResponse, $"{call.Service}'s answer to {call.Method} {call.Path} could not be read: {e.Message}", e);
        }
    }

    private async Task<AuthenticationHeaderValue?> AuthorizationAsync(InternalCall call, CancellationToken cancellationToken) => call.Credentials switch
    {
        InternalCredentials.Service => await services.GetRequiredService<ServiceTokens>().ForAsync(call.Service, call.ActingForPartner, cancellationToken),
        InternalCredentials.Caller => AuthenticationHeaderValue.TryParse(httpContext.HttpContext?.Request.Headers.Authorization.ToString(), out var caller) ? caller : null,
        _ => null,
    };
}
