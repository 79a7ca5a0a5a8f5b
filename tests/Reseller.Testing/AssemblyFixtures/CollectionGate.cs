namespace Reseller.Testing.AssemblyFixtures;

/// <summary>
/// Lets up to <c>seatCount</c> collections run side by side, and one that must run alone only with nothing beside it.
/// The <c>sideBySideCount</c> collections that may run side by side go first, in the order they ask; the lone ones then run
/// one after another, those that asked to go last after the others. A lone one waits until every side-by-side one has been
/// let in and has finished, even those that have not asked yet (xUnit starts collections a few at a time), so the seats
/// stay full until then: a lone one let in between would make the running ones drain first, once per lone collection.
/// </summary>
internal sealed class CollectionGate(int seatCount, int sideBySideCount)
{
    public const int Unlimited = 1024;

    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource> sideBySide = new();
    private readonly Queue<TaskCompletionSource> alone = new();
    private readonly Queue<TaskCompletionSource> aloneLast = new();
    private readonly int all = seatCount;
    private int free = seatCount;
    private int sideBySideNotYetIn = sideBySideCount;

    public async Task<IAsyncDisposable> EnterAsync(bool runsAlone, bool last = false)
    {
        var seats = runsAlone ? all : 1;
        var admitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            (runsAlone ? last ? aloneLast : alone : sideBySide).Enqueue(admitted);
            AdmitInTurn();
        }
        await admitted.Task;
        return new Leave(() =>
        {
            lock (gate)
            {
                free += seats;
                AdmitInTurn();
            }
        });
    }

    private void AdmitInTurn()
    {
        while (free > 0 && sideBySide.TryDequeue(out var next))
        {
            free--;
            sideBySideNotYetIn--;
            next.SetResult();
        }
        if (sideBySideNotYetIn <= 0 && free == all && (alone.TryDequeue(out var lone) || aloneLast.TryDequeue(out lone)))
        {
            free = 0;
            lone.SetResult();
        }
    }

    private sealed class Leave(Action leave) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            leave();
            return ValueTask.CompletedTask;
        }
    }
}
