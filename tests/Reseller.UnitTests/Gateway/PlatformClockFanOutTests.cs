using System.Net;
using System.Net.Http.Json;

using Microsoft.Extensions.Time.Testing;

using Reseller.Gateway.Clock;
using Reseller.Gateway.Routing;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.InternalCalls;

namespace Reseller.UnitTests.Gateway;

public sealed class PlatformClockFanOutTests
{
    private static readonly TimeSpan JobsTake = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan CallTakes = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Every_instance_ends_on_the_same_time_however_late_it_is_told_and_however_long_the_jobs_of_those_moved_first_take()
    {
        var realTime = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        var instances = ServiceDestinations.Services.ToDictionary(service => service, service => new PlatformClock(realTime));
        using var http = new HttpClient(new Instances(instances, realTime));
        var destinations = new ServiceDestinations(instances.Keys.ToDictionary(
            service => service, service => (IReadOnlyList<Uri>)[new Uri($"http://{service}/")]));
        var gateway = new PlatformClock(realTime);
        var target = realTime.GetUtcNow().AddMonths(13);

        var answer = await new PlatformClockFanOut(http, destinations, gateway).AdvanceAsync(target, "operator-key", CancellationToken.None);

        Assert.All(instances.Values, clock => Assert.Equal(gateway.GetUtcNow(), clock.GetUtcNow()));
        Assert.Equal(ServiceDestinations.Services.Select(service => $"{service}-0").Order(), answer.Ran.Keys.Order());
        Assert.All(answer.Ran.Values, ran => Assert.Equal(1, ran["renewals"]));
    }

    /// <summary>
    /// Each service's internal clock endpoint, reached <see cref="CallTakes"/> of real time after the call before it: a
    /// move, then (unless told not to) due jobs that take <see cref="JobsTake"/> of real time.
    /// </summary>
    private sealed class Instances(IReadOnlyDictionary<string, PlatformClock> clocks, FakeTimeProvider realTime) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var clock = clocks[request.RequestUri!.Host];
            realTime.Advance(CallTakes);
            var move = await request.Content!.ReadFromJsonAsync<InstanceClockMove>(InternalJson.Options, cancellationToken);
            var now = clock.AdvanceTo(move!.Now!.Value, move.RealAt!.Value);
            var runJobs = request.RequestUri.PathAndQuery != ClockExtensions.InternalClockMoveOnlyPath;
            if (runJobs)
            {
                realTime.Advance(JobsTake);
            }
            var ran = runJobs ? new Dictionary<string, int> { ["renewals"] = 1 } : null;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new ClockReading(now, ran), options: InternalJson.Options) };
        }
    }
}
