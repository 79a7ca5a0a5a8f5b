namespace Reseller.AppHost.Telemetry;

/// <summary>A thread-safe buffer of at most <c>capacity</c> items: adding to a full one drops the oldest.</summary>
public sealed class BoundedBuffer<T>(int capacity)
{
    private readonly Queue<T> items = new();
    private readonly Lock gate = new();

    public int Capacity => capacity;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return items.Count;
            }
        }
    }

    /// <summary>How many items were dropped to keep the bound.</summary>
    public long Dropped { get; private set; }

    public void Add(T item)
    {
        lock (gate)
        {
            if (items.Count >= capacity)
            {
                items.Dequeue();
                Dropped++;
            }
            items.Enqueue(item);
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (gate)
        {
            return [.. items];
        }
    }
}
