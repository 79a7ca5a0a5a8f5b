using System.Net.Http.Json;

using Reseller.Gateway.Routing;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.InternalCalls;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Gateway.Clock;

/// <summary>
/// Moves the sandbox clock of every instance of every service and waits until each has run what became due, so the
/// operator's call answers only when the platform has caught up.
/// </summary>
public sealed class PlatformClockFanOut(HttpClient http, ServiceDestinations services, TimeProvider gatewayClock)
{
    public async Task<PlatformClockResponse> AdvanceAsync(DateTimeOffset target, string adminKey, CancellationToken cancellationToken)
    {
        (gatewayClock as PlatformClock)?.AdvanceTo(target);
        var results = new Dictionary<string, ClockReading>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var (service, instances) in services.Instances)
        {
            for (var i = 0; i < instances.Count; i++)
            {
                // Every instance is moved even when one fails, so their clocks never drift apart.
                var reading = await AdvanceInstanceAsync(instances[i], target, adminKey, cancellationToken);
                if (reading is null)
                {
                    failures.Add($"{service}-{i}");
                }
                else
                {
                    results[$"{service}-{i}"] = reading;
                }
            }
        }
        if (failures.Count > 0)
        {
            throw new ProblemException(502, "clock-not-advanced", "Some services did not finish their due jobs.",
                $"Not caught up: {string.Join(", ", failures)}. Their clocks moved; their jobs run again at the next tick or clock call.");
        }
        var now = results.Count == 0 ? target : results.Values.Min(r => r.Now);
        return new PlatformClockResponse(now, results.ToDictionary(r => r.Key, r => r.Value.Jobs ?? new Dictionary<string, int>()));
    }

    private async Task<ClockReading?> AdvanceInstanceAsync(Uri instance, DateTimeOffset target, string adminKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance, ClockExtensions.InternalClockPath))
        {
            Content = JsonContent.Create(new { now = target }),
        };
        request.Headers.Add(AdminKeyAuthenticationHandler.HeaderName, adminKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode
                ? await response.Content.ReadFromJsonAsync<ClockReading>(InternalJson.Options, cancellationToken)
                : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public Task<DateTimeOffset> ReadAsync(string adminKey, CancellationToken cancellationToken) =>
        InstanceClock.ReadAsync(http, services.Instances.Values.SelectMany(i => i).First(), adminKey, cancellationToken);
}
