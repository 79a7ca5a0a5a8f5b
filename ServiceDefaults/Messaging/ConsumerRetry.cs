using MassTransit;

namespace Reseller.ServiceDefaults.Messaging;

/// <summary>
/// The retries every consumer endpoint gives a failed message before it goes to the error queue (or is deferred), section
/// <c>Messaging:Retry</c>: <see cref="ImmediateRetries"/> attempts, the first after <see cref="MinInterval"/>, each wait
/// longer by <see cref="IntervalDelta"/> doubled, at most <see cref="MaxInterval"/>. The defaults wait roughly 0.2, 0.7,
/// 1.7, 3.7 and 7.7 s (MassTransit varies each step by up to a fifth), about 14 s in all.
/// </summary>
public sealed class ConsumerRetry
{
    public const string Section = "Messaging:Retry";

    public const int ImmediateRetries = 5;

    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromMilliseconds(500);

    public void Configure(IRetryConfigurator retry) => retry.Exponential(ImmediateRetries, MinInterval, MaxInterval, IntervalDelta);
}
