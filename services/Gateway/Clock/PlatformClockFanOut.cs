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
        // Every instance takes the target as of this one real instant, so each runs the same offset however late it is told.
        var platform = gatewayClock as PlatformClock;
        var realAt = platform?.RealNow ?? gatewayClock.GetUtcNow();
        platform?.AdvanceTo(target, realAt);
        // Every clock moves before any instance runs its jobs. Moved one after another's jobs, an instance would be behind
        // those moved before it by as long as their jobs took (a year's renewals: tens of seconds), and a token an instance
        // ahead issues would not yet be valid at one behind.
        var instances = services.Instances
            .SelectMany(service => service.Value.Select((uri, i) => (Name: $"{service.Key}-{i}", Uri: uri)))
            .ToList();
        foreach (var instance in instances)
        {
            await AdvanceInstanceAsync(instance.Uri, target, realAt, adminKey, runJobs: false, cancellationToken);
        }
        var results = new Dictionary<string, ClockReading>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var instance in instances)
        {
            // Every instance is asked even when one fails, so none is left behind.
            if (await AdvanceInstanceAsync(instance.Uri, target, realAt, adminKey, runJobs: true, cancellationToken) is { } reading)
            {
                results[instance.Name] = reading;
            }
            else
            {
                failures.Add(instance.Name);
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

    private async Task<ClockReading?> AdvanceInstanceAsync(
        Uri instance, DateTimeOffset target, DateTimeOffset realAt, string adminKey, bool runJobs, CancellationToken cancellationToken)
    {
        var path = runJobs ? ClockExtensions.InternalClockPath : ClockExtensions.InternalClockMoveOnlyPath;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance, path))
        {
            // The default serializer keeps both instants to the tick (the API's timestamps are to the second).
            Content = JsonContent.Create(new { now = target, real_at = realAt }),
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

    public async Task<DateTimeOffset> ReadAsync(string adminKey, CancellationToken cancellationToken) =>
        (await InstanceClock.ReadAsync(http, services.Instances.Values.SelectMany(i => i).First(), adminKey, cancellationToken)).Now;
}
