using System.Net;

using Reseller.AppHost;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows;

[RunsAlone]
public sealed class SandboxClockTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task The_operator_moves_every_instance_forward_and_never_back()
    {
        var before = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/admin/clock", asOperator: true), HttpStatusCode.OK);
        var target = before["now"]!.GetValue<DateTimeOffset>().AddHours(1);

        var moved = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/admin/clock", new { now = target }, asOperator: true), HttpStatusCode.OK);
        var back = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/admin/clock", new { now = target.AddDays(-2) }, asOperator: true), HttpStatusCode.OK);

        Assert.True(moved["now"]!.GetValue<DateTimeOffset>() >= target);
        var instances = moved["ran"]!.AsObject().Select(i => i.Key).ToList();
        foreach (var service in new[] { ResellerResources.Accounts.Name, ResellerResources.Billing.Name, ResellerResources.Credits.Name, ResellerResources.Partners.Name })
        {
            for (var replica = 0; replica < system.App.ReplicasOf(service); replica++)
            {
                Assert.Contains($"{service}-{replica}", instances);
            }
        }
        for (var replica = 0; replica < system.App.ReplicasOf(ResellerResources.Billing.Name); replica++)
        {
            Assert.NotNull(moved["ran"]![$"billing-{replica}"]!["pending_payments"]);
        }
        Assert.True(back["now"]!.GetValue<DateTimeOffset>() >= target);
        // Told one after another, every instance still runs the very same offset: replicas agree on the time.
        var offsets = await Task.WhenAll(instances.Select(OffsetTicksAsync));
        Assert.True(offsets.Distinct().Count() == 1, string.Join(", ", instances.Zip(offsets, (i, o) => $"{i} {TimeSpan.FromTicks(o)}")));
    }

    [Fact]
    public async Task A_restarted_instance_takes_the_platforms_time_before_it_serves()
    {
        var moved = await SandboxClock.MoveByAsync(client, TimeSpan.FromHours(2));
        var billing = $"{ResellerResources.Billing.Name}-0";

        await system.App.RestartProjectAsync(ResellerResources.Billing.Name, 0);

        var restarted = system.App.Resources.Single(r => r.Name == billing);
        var reading = await InstanceClockAsync(billing);
        Assert.True(reading["now"]!.GetValue<DateTimeOffset>() >= moved, $"{billing} came back at {reading["now"]}, behind the platform's {moved:O}");
        // It takes its peers' offset exactly, not their now rounded to the second.
        Assert.Equal(await OffsetTicksAsync($"{ResellerResources.Accounts.Name}-0"), reading["offset_ticks"]!.GetValue<long>());
        using var http = new HttpClient();
        // It honours a token issued at the platform's time (behind it, the token would not be valid yet).
        var partner = await client.CreatePartnerAsync();
        using var asPartner = new HttpRequestMessage(HttpMethod.Get, $"{restarted.Url}/api/v1/billing-profiles");
        asPartner.Headers.Authorization = new("Bearer", partner.Token);
        await GatewayClient.JsonAsync(await http.SendAsync(asPartner), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Partners_cannot_touch_the_clock()
    {
        var partner = await client.CreatePartnerAsync();

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/admin/clock", new { now = DateTimeOffset.UtcNow.AddYears(1) }, partner.Token), HttpStatusCode.Forbidden);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> InstanceClockAsync(string instance)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{system.App.Resources.Single(r => r.Name == instance).Url}/internal/clock");
        request.Headers.Add("X-Admin-Key", system.App.AdminKey);
        return await GatewayClient.JsonAsync(await http.SendAsync(request), HttpStatusCode.OK);
    }

    private async Task<long> OffsetTicksAsync(string instance) => (await InstanceClockAsync(instance))["offset_ticks"]!.GetValue<long>();

    public void Dispose() => client.Dispose();
}
