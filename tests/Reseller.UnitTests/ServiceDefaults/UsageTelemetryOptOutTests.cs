using MassTransit;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using Reseller.ServiceDefaults.Messaging;

namespace Reseller.UnitTests.ServiceDefaults;

// MassTransit posts each bus's configuration to usage-tracking.masstransit.io unless its options say not to.
public sealed class UsageTelemetryOptOutTests
{
    [Fact]
    public void A_service_bus_never_reports_usage_to_masstransit()
    {
        var builder = NewBuilder();

        builder.AddServiceMessaging<HostApplicationBuilder, Reseller.Credits.Data.CreditsDb>(_ => { });

        Assert.False(UsageTelemetryOf(builder).Enabled);
    }

    [Fact]
    public void The_gateway_bus_never_reports_usage_to_masstransit()
    {
        var builder = NewBuilder();

        builder.AddSessionEventsOnly();

        Assert.False(UsageTelemetryOf(builder).Enabled);
    }

    private static HostApplicationBuilder NewBuilder()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "Reseller.Gateway" });
        builder.Configuration[$"ConnectionStrings:{MessagingExtensions.ConnectionName}"] = "amqp://guest:guest@127.0.0.1:5672";
        return builder;
    }

    private static UsageTelemetryOptions UsageTelemetryOf(HostApplicationBuilder builder)
    {
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value;
    }
}
