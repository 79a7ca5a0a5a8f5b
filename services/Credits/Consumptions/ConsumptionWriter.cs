using System.Collections.Concurrent;

using Reseller.Credits.Ledger;

namespace Reseller.Credits.Consumptions;

/// <summary>
/// Group commit for consumptions of one holding. A holding's balance row is locked from its debit until commit, so
/// consumptions of one account queue on it one commit at a time; here, while one debit of a holding is being written, the
/// consumptions of that holding that arrive meanwhile wait and are then written together, in arrival order, in one
/// transaction (<see cref="CreditLedger.DebitInOrderAsync"/>). Correctness stays in SQL: the balance is locked and never
/// goes negative, so several instances, or two writers of one holding here, are merely less grouped.
/// </summary>
public sealed class ConsumptionWriter(IServiceScopeFactory scopes, ILogger<ConsumptionWriter> logger)
{
    /// <summary>What a consumption's ledger entry names as its origin.</summary>
    public const string Reference = "product";

    private const int MaxGroup = 500;

    private readonly ConcurrentDictionary<Holding, Waiting> holdings = new();

    /// <summary>Consumes <paramref name="quantity"/> of the holding; returns the balance left, or null when the balance does not cover it.</summary>
    public Task<long?> ConsumeAsync(Guid partnerId, Guid accountId, CreditKind kind, long quantity)
    {
        var holding = new Holding(partnerId, accountId, kind);
        var consumption = new Consumption(quantity);
        var waiting = holdings.GetOrAdd(holding, _ => new Waiting());
        bool leads;
        lock (waiting)
        {
            waiting.Queue.Add(consumption);
            leads = !waiting.Writing;
            waiting.Writing = true;
        }
        if (leads)
        {
            // Not the request's cancellation: the group it writes holds other requests' consumptions.
            _ = Task.Run(() => WriteAllAsync(holding, waiting));
        }
        return consumption.Outcome.Task;
    }

    private async Task WriteAllAsync(Holding holding, Waiting waiting)
    {
        while (true)
        {
            List<Consumption> group;
            lock (waiting)
            {
                if (waiting.Queue.Count == 0)
                {
                    waiting.Writing = false;
                    holdings.TryRemove(new KeyValuePair<Holding, Waiting>(holding, waiting));
                    return;
                }
                group = waiting.Queue[..Math.Min(MaxGroup, waiting.Queue.Count)];
                waiting.Queue.RemoveRange(0, group.Count);
            }
            try
            {
                var undecided = await WriteAsync(holding, group);
                if (undecided.Count > 0)
                {
                    lock (waiting)
                    {
                        waiting.Queue.InsertRange(0, undecided);
                    }
                }
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Writing {Count} consumptions of account {AccountId} failed", group.Count, holding.AccountId);
                group.ForEach(c => c.Outcome.TrySetException(ex));
            }
        }
    }

    /// <summary>Writes a group; returns the consumptions it could not decide (those after a refused one), to write next.</summary>
    private async Task<List<Consumption>> WriteAsync(Holding holding, List<Consumption> group)
    {
        await using var scope = scopes.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<CreditLedger>();
        if (group.Count == 1)
        {
            group[0].Outcome.TrySetResult(await ledger.DebitReturningBalanceAsync(
                holding.PartnerId, holding.AccountId, holding.Kind, EntryTypes.Consumption, group[0].Quantity, Reference, CancellationToken.None));
            return [];
        }
        var decided = await ledger.DebitInOrderAsync(
            holding.PartnerId, holding.AccountId, holding.Kind, EntryTypes.Consumption, group.ConvertAll(c => c.Quantity), Reference, CancellationToken.None);
        for (var i = 0; i < decided.Count; i++)
        {
            group[i].Outcome.TrySetResult(decided[i]);
        }
        return group[decided.Count..];
    }

    private sealed record Holding(Guid PartnerId, Guid AccountId, CreditKind Kind);

    private sealed class Consumption(long quantity)
    {
        public long Quantity { get; } = quantity;
        public TaskCompletionSource<long?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Waiting
    {
        public List<Consumption> Queue { get; } = [];
        public bool Writing { get; set; }
    }
}
