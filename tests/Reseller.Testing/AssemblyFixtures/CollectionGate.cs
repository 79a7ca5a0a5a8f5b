namespace Reseller.Testing.AssemblyFixtures;

/// <summary>
/// Lets up to <c>seatCount</c> collections run side by side, and one that must run alone only with nothing beside it.
/// Those that may run side by side go first, in the order they ask; the lone ones then run one after another. Every
/// collection asks as the run starts, so the lone ones wait only for a finite set, and the seats stay full until then
/// (a lone one let in between would make the running ones drain first, once per lone collection).
/// </summary>
internal sealed class CollectionGate(int seatCount)
{
    public const int Unlimited = 1024;

    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource> sideBySide = new();
    private readonly Queue<TaskCompletionSource> alone = new();
    private readonly int all = seatCount;
    private int free = seatCount;

    public async Task<IAsyncDisposable> EnterAsync(bool runsAlone)
    {
        var seats = runsAlone ? all : 1;
        var admitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            (runsAlone ? alone : sideBySide).Enqueue(admitted);
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
            next.SetResult();
        }
        if (sideBySide.Count == 0 && free == all && alone.TryDequeue(out var lone))
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
