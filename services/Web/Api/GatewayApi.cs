using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

using Reseller.Web.Session;

namespace Reseller.Web.Api;

/// <summary>
/// The public API at the gateway, called with the signed-in user's own token: whatever the dashboard does, an API client
/// can do. Every POST carries an Idempotency-Key, so a resent form never does anything twice.
/// </summary>
public sealed class GatewayApi(HttpClient http, SessionToken session)
{
    private const string AdminKeyHeader = "X-Admin-Key";

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, null, authenticated: true, idempotencyKey: null, cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, body, authenticated: true, idempotencyKey ?? Guid.NewGuid().ToString("N"), cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Put, path, body, authenticated: true, idempotencyKey: null, cancellationToken);

    public Task<ApiResult<T>> PatchAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Patch, path, body, authenticated: true, idempotencyKey: null, cancellationToken);

    public Task<ApiResult<NoContent>> DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync<NoContent>(HttpMethod.Delete, path, null, authenticated: true, idempotencyKey: null, cancellationToken);

    /// <summary>Calls open to anyone (sign in, reset a password, accept an invitation): no session token is sent.</summary>
    public Task<ApiResult<T>> AnonymousPostAsync<T>(string path, object body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, body, authenticated: false, Guid.NewGuid().ToString("N"), cancellationToken);

    /// <summary>A download in another representation (PDF, HTML, CSV), streamed on to the browser by the caller.</summary>
    public async Task<HttpResponseMessage> DownloadAsync(string path, string accept, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        await AuthorizeAsync(request);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, bool authenticated, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Options);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (authenticated)
        {
            await AuthorizeAsync(request);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        if (response.IsSuccessStatusCode)
        {
            var value = response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(NoContent) || response.Content.Headers.ContentLength == 0
                ? default
                : await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken);
            return new ApiResult<T>(response.StatusCode, value, null, retryAfter);
        }
        return new ApiResult<T>(response.StatusCode, default, await ReadProblemAsync(response, cancellationToken), retryAfter);
    }

    /// <summary>A user's token as a bearer; the operator's key in its own header.</summary>
    private async Task AuthorizeAsync(HttpRequestMessage request)
    {
        switch (await session.GetCredentialAsync())
        {
            case { Kind: SessionClaims.OperatorKind, Secret: var adminKey }:
                request.Headers.Add(AdminKeyHeader, adminKey);
                break;
            case { Secret: var token }:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                break;
        }
    }

    /// <summary>Whether the API accepts this operator key: an operator-only read answers anything but 401.</summary>
    public async Task<bool> AcceptsAdminKeyAsync(string adminKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/clock");
        request.Headers.Add(AdminKeyHeader, adminKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
    }

    private static async Task<ApiProblem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ApiProblem>(ApiJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
