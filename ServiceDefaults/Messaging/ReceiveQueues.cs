using System.Collections.Concurrent;

using MassTransit;

namespace Reseller.ServiceDefaults.Messaging;

/// <summary>The queues this service's receive endpoints read, as the bus starts them (their _error queues are watched).</summary>
public sealed class ReceiveQueues : IReceiveEndpointObserver
{
    private readonly ConcurrentDictionary<string, byte> names = new(StringComparer.Ordinal);
    private long faultsSeen;

    public IReadOnlyCollection<string> Names => [.. names.Keys];

    /// <summary>How many messages this instance's consumers have faulted on: each may have created an <c>_error</c> queue.</summary>
    public long FaultsSeen => Interlocked.Read(ref faultsSeen);

    public void FaultSeen() => Interlocked.Increment(ref faultsSeen);

    public Task Ready(ReceiveEndpointReady ready)
    {
        var name = ready.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (name is not null && !name.StartsWith(Tokens.SessionEvents.QueuePrefix, StringComparison.Ordinal) && !name.Contains("_bus_", StringComparison.Ordinal))
        {
            names.TryAdd(name, 0);
        }
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
