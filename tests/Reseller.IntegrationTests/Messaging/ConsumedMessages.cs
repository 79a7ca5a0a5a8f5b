using System.Collections.Concurrent;

using MassTransit;

namespace Reseller.IntegrationTests.Messaging;

/// <summary>
/// Counts the deliveries a host's consumers have finished handling, per message id, duplicates included: a test waits
/// until every copy it published (and a later marker) was handled, then asserts the effect happened exactly once. Each
/// consumer has a queue of its own, so a message two consumers take is counted once per queue.
/// </summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    /// <summary>The suffix every queue's name ends with.</summary>
    private const string AnyQueue = "";

    private readonly ConcurrentQueue<(Guid? Id, string Queue)> handled = new();
    private readonly ConcurrentQueue<Guid?> faulted = new();

    public static ConsumedMessages ObserveOn(IBus bus)
    {
        var observer = new ConsumedMessages();
        bus.ConnectConsumeObserver(observer);
        return observer;
    }

    /// <summary>How many deliveries of this message id were handled.</summary>
    public int Of(Guid messageId) => HandledAt(AnyQueue, messageId);

    /// <summary>How many deliveries of this message id a consumer failed on after the endpoint's retries (what reseller.consumer.faults counts).</summary>
    public int FaultsOf(Guid messageId) => faulted.Count(id => id == messageId);

    /// <summary>Whether each message id was handled (at least) as often as it is listed.</summary>
    public bool AllHandled(params Guid[] messageIds) => AllHandledBy(AnyQueue, messageIds);

    /// <summary>
    /// Whether each message id was handled (at least) as often as it is listed by the consumer whose queue's name ends with
    /// <paramref name="queue"/>: where another consumer takes the same message, its deliveries do not count.
    /// </summary>
    public bool AllHandledBy(string queue, params Guid[] messageIds) =>
        messageIds.GroupBy(id => id).All(g => HandledAt(queue, g.Key) >= g.Count());

    private int HandledAt(string queue, Guid messageId) =>
        handled.Count(h => h.Id == messageId && h.Queue.EndsWith(queue, StringComparison.Ordinal));

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        handled.Enqueue((context.MessageId, context.ReceiveContext.InputAddress.AbsolutePath));
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        faulted.Enqueue(context.MessageId);
        return Task.CompletedTask;
    }
}
