namespace Reseller.Testing.AssemblyFixtures;

/// <summary>
/// Lets collections run side by side, except one that must run alone: it waits for those running to finish, and those
/// that ask after it wait for it (first come, first served, so it is never starved).
/// </summary>
internal sealed class CollectionGate : IDisposable
{
    private const int Seats = 1024;
    private readonly SemaphoreSlim seats = new(Seats, Seats);
    private readonly SemaphoreSlim aloneTurn = new(1, 1);

    public async Task<IAsyncDisposable> EnterAsync(bool alone)
    {
        if (!alone)
        {
            await seats.WaitAsync();
            return new Leave(() => seats.Release());
        }
        await aloneTurn.WaitAsync();
        for (var taken = 0; taken < Seats; taken++)
        {
            await seats.WaitAsync();
        }
        return new Leave(() =>
        {
            seats.Release(Seats);
            aloneTurn.Release();
        });
    }

    public void Dispose()
    {
        seats.Dispose();
        aloneTurn.Dispose();
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
