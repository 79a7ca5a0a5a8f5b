using MassTransit;

namespace Reseller.ServiceDefaults.Messaging;

/// <summary>
/// The retries every consumer endpoint gives a failed message before it goes to the error queue (or is deferred): roughly
/// 0.2, 0.7, 1.7, 3.7 and 7.7 s apart (MassTransit varies each step by up to a fifth), about 14 s in all.
/// </summary>
public static class ConsumerRetry
{
    public const int ImmediateRetries = 5;

    public static void Configure(IRetryConfigurator retry) =>
        retry.Exponential(ImmediateRetries, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
}
