using System.Net.Http.Json;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.InternalCalls;

namespace Reseller.ServiceDefaults.Clock;

/// <summary>One instance's sandbox clock, read over its internal endpoint with the operator's key.</summary>
public static class InstanceClock
{
    /// <summary>The instance's clock; throws <see cref="HttpRequestException"/> when it does not answer 200.</summary>
    public static async Task<InstanceClockReading> ReadAsync(HttpClient http, Uri instance, string adminKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(instance, ClockExtensions.InternalClockPath));
        request.Headers.Add(AdminKeyAuthenticationHandler.HeaderName, adminKey);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<InstanceClockReading>(InternalJson.Options, cancellationToken)
            ?? throw new HttpRequestException($"{instance} answered its clock without a body");
    }
}
