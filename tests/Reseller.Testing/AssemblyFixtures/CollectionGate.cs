namespace Reseller.Testing.AssemblyFixtures;

/// <summary>
/// Lets up to <c>seatCount</c> collections run side by side, and one that must run alone only with nothing beside it.
/// The <c>aloneFirstCount</c> lone collections go first, one after another, while the shared fixture is young; the
/// <c>sideBySideCount</c> collections that may run side by side then fill the seats in the order they ask; those that asked
/// to go last run alone after every side-by-side one. Each phase waits for every collection of the phase before, even those
/// that have not asked yet (xUnit starts collections a few at a time), so no phase drains the seats more than once.
/// Lone collections go first because they move the sandbox clock: each move renews every account the side-by-side tests
/// left on the shared system, and a lone collection that ran after 200 other tests waited for that work (the end-to-end
/// <c>ReactivationTests</c> took 41 s last, 8 s on a young system).
/// </summary>
internal sealed class CollectionGate(int seatCount, int aloneFirstCount, int sideBySideCount)
{
    public const int Unlimited = 1024;

    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource> sideBySide = new();
    private readonly Queue<TaskCompletionSource> alone = new();
    private readonly Queue<TaskCompletionSource> aloneLast = new();
    private readonly int all = seatCount;
    private int free = seatCount;
    private int aloneFirstNotYetIn = aloneFirstCount;
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
        if (free == all && alone.TryDequeue(out var first))
        {
            free = 0;
            aloneFirstNotYetIn--;
            first.SetResult();
            return;
        }
        if (aloneFirstNotYetIn > 0)
        {
            return;
        }
        while (free > 0 && sideBySide.TryDequeue(out var next))
        {
            free--;
            sideBySideNotYetIn--;
            next.SetResult();
        }
        if (sideBySideNotYetIn <= 0 && free == all && aloneLast.TryDequeue(out var last))
        {
            free = 0;
            last.SetResult();
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
