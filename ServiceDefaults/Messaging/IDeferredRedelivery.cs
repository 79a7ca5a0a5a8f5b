using MassTransit;

namespace Reseller.ServiceDefaults.Messaging;

/// <summary>Sends a consumed message back to its queue later, through the service's outbox.</summary>
public interface IDeferredRedelivery
{
    /// <summary>Whether the message has deferrals left; one that has none goes to the error queue.</summary>
    bool MayDefer(ConsumeContext context);

    /// <summary>
    /// Whether an <see cref="EarlierEventPendingException"/> thrown now is tried again (an immediate retry, or a deferral)
    /// rather than sent to the error queue: false on the very last attempt, where a consumer that can decide without the
    /// earlier event should.
    /// </summary>
    bool MayWaitAgain(ConsumeContext context);

    /// <summary>Writes the message's next redelivery to the outbox, committed before the caller acknowledges the message.</summary>
    Task DeferAsync<T>(ConsumeContext<T> context) where T : class;
}
