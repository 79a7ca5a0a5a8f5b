using System.Collections.Concurrent;
using System.Diagnostics;

using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.Credits.Consumptions;

/// <summary>
/// Consumptions of one balance that arrive together share a transaction. One that finds nothing of its balance under way
/// is decided at once by its own request (the one-statement path); those arriving meanwhile wait in the balance's lane,
/// and then one writer takes all of them, decides each in arrival order against the locked balance (never below zero),
/// appends their entries and commits once. A product spends one account's credit in bursts (a campaign's SMS), and one by
/// one every consumption waited for the previous one's commit on the balance's row lock: that commit, not the work,
/// bounded one account's rate. A writer's transaction is traced as a span of its own, linked to each request it decides,
/// so a slow consumption's trace leads to the commit it waited for.
/// </summary>
public sealed class ConsumptionBatches(IServiceScopeFactory scopes)
{
    /// <summary>The most consumptions one transaction decides; more wait for the next.</summary>
    public const int MaxBatch = 256;

    /// <summary>What a consumption's ledger entry names as its source.</summary>
    public const string Reference = "product";

    /// <summary>The span of one writer's transaction.</summary>
    public const string BatchActivityName = "credits consumption batch";

    private readonly ConcurrentDictionary<Balance, Lane> lanes = new();

    /// <summary>
    /// Takes <paramref name="quantity"/> of the account's credit if its balance covers it once the consumptions queued
    /// before it are decided; the balance left, or null (nothing changed) when it does not. When nothing of this balance is
    /// under way, it is decided at once with the caller's <paramref name="ledger"/>, as a lone consumption always was.
    /// </summary>
    public async Task<long?> ConsumeAsync(CreditLedger ledger, Guid partnerId, Guid accountId, CreditKind kind, long quantity, CancellationToken cancellationToken)
    {
        var balance = new Balance(partnerId, accountId, kind);
        var (lane, waiting) = Join(balance, quantity);
        if (waiting is not null)
        {
            return await waiting.Answer.Task;
        }
        try
        {
            return await ledger.DebitReturningBalanceAsync(partnerId, accountId, kind, EntryTypes.Consumption, quantity, Reference, cancellationToken);
        }
        finally
        {
            HandOver(balance, lane);
        }
    }

    /// <summary>The balance's lane, and this consumption's place in it; no place when it is the one to go at once.</summary>
    private (Lane Lane, Waiting? Waiting) Join(Balance balance, long quantity)
    {
        while (true)
        {
            var lane = lanes.GetOrAdd(balance, _ => new Lane());
            lock (lane)
            {
                if (lane.Retired)
                {
                    continue;
                }
                if (!lane.Writing)
                {
                    lane.Writing = true;
                    return (lane, null);
                }
                var waiting = new Waiting(quantity, Activity.Current?.Context);
                lane.Queued.Enqueue(waiting);
                return (lane, waiting);
            }
        }
    }

    /// <summary>After a decision: what queued meanwhile goes to a writer; a lane with nothing queued leaves the map.</summary>
    private void HandOver(Balance balance, Lane lane)
    {
        lock (lane)
        {
            if (lane.Queued.Count == 0)
            {
                // A consumption that still holds this lane finds it retired and takes a new one.
                lane.Writing = false;
                lane.Retired = true;
                lanes.TryRemove(KeyValuePair.Create(balance, lane));
                return;
            }
        }
        // The writer serves every request queued, not the one that happened to hand over: it runs outside that request's
        // context (its HttpContext, its trace).
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => WriteAsync(balance, lane));
        }
    }

    private async Task WriteAsync(Balance balance, Lane lane)
    {
        List<Waiting> batch;
        lock (lane)
        {
            batch = new List<Waiting>(Math.Min(lane.Queued.Count, MaxBatch));
            while (batch.Count < MaxBatch && lane.Queued.TryDequeue(out var next))
            {
                batch.Add(next);
            }
        }
        try
        {
            var left = await DecideAsync(balance, batch);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Answer.TrySetResult(left[i]);
            }
        }
        catch (Exception ex)
        {
            // Nothing of the batch was committed (one transaction): each consumption fails as it would have alone.
            batch.ForEach(w => w.Answer.TrySetException(ex));
        }
        finally
        {
            HandOver(balance, lane);
        }
    }

    private async Task<long?[]> DecideAsync(Balance balance, List<Waiting> batch)
    {
        using var activity = PlatformTelemetry.ActivitySource.StartActivity(ActivityKind.Internal, links: CallersOf(batch), name: BatchActivityName);
        activity?.SetTag("reseller.credits.kind", balance.Kind.ToString());
        activity?.SetTag("reseller.credits.batch_size", batch.Count);
        // Not the requests' cancellation: once queued, a consumption is decided, as a statement already sent would be.
        await using var scope = scopes.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<CreditLedger>();
        if (batch.Count == 1)
        {
            return [await ledger.DebitReturningBalanceAsync(balance.PartnerId, balance.AccountId, balance.Kind, EntryTypes.Consumption, batch[0].Quantity, Reference, CancellationToken.None)];
        }
        return await ledger.DebitEachReturningBalancesAsync(balance.PartnerId, balance.AccountId, balance.Kind, EntryTypes.Consumption,
            batch.ConvertAll(w => w.Quantity), Reference, CancellationToken.None);
    }

    private static IEnumerable<ActivityLink> CallersOf(List<Waiting> batch) =>
        batch.Where(w => w.Caller is not null).Select(w => new ActivityLink(w.Caller!.Value));

    private readonly record struct Balance(Guid PartnerId, Guid AccountId, CreditKind Kind);

    /// <summary>A queued consumption, and the span of the request that made it (the writer's span links to it).</summary>
    private sealed record Waiting(long Quantity, ActivityContext? Caller)
    {
        public TaskCompletionSource<long?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Lane
    {
        public Queue<Waiting> Queued { get; } = new();
        public bool Writing { get; set; }
        public bool Retired { get; set; }
    }
}
