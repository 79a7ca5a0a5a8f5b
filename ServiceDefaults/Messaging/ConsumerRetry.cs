using MassTransit;

namespace Reseller.ServiceDefaults.Messaging;

/// <summary>The retries every consumer endpoint gives a failed message before it goes to the error queue (or is deferred).</summary>
public static class ConsumerRetry
{
    public const int ImmediateRetries = 5;

    public static void Configure(IRetryConfigurator retry) =>
        retry.Exponential(ImmediateRetries, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
}
