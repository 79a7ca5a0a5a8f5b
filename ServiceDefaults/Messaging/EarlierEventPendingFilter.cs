using MassTransit;

namespace Reseller.ServiceDefaults.Messaging;

/// <summary>
/// A message waiting for an earlier event gets the endpoint's immediate retries (the earlier event is usually milliseconds
/// behind); after the last, it is deferred (<see cref="IDeferredRedelivery"/>) instead of falling to the error queue, until
/// its deferrals are spent. Runs inside the endpoint's retry filter, so it sees which attempt this is.
/// </summary>
public sealed class EarlierEventPendingFilter<T>(IDeferredRedelivery redelivery) : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (EarlierEventPendingException) when (context.GetRetryAttempt() >= ConsumerRetry.ImmediateRetries && redelivery.MayDefer(context))
        {
            await redelivery.DeferAsync(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("earlier-event-pending");
}
