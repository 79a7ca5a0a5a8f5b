using System.Diagnostics;

using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.Credits.Consumptions;

/// <summary>
/// Consumptions that arrive together share a transaction and its commit, whichever accounts they spend. One that finds
/// nothing under way is decided at once by its own request (the one-statement path); those arriving meanwhile queue, and
/// then one writer takes all of them, locks the balances they name, decides each in arrival order against what the earlier
/// ones of its balance left (never below zero), appends their entries and commits once. Each consumption on its own cost a
/// commit: that, not the work, bounded one account's rate (each waited for the previous one's commit on the balance's row
/// lock) and then many accounts' (a transaction per request). One transaction of consumptions is under way at a time in an
/// instance, so the queue gathers while it runs: measured with 32 clients over 1,000 accounts, four queues (by balance)
/// made batches too small to pay for themselves. A writer's transaction is traced as a span of its own, linked to each
/// request it decides, so a slow consumption's trace leads to the commit it waited for.
/// </summary>
public sealed class ConsumptionBatches(IServiceScopeFactory scopes)
{
    /// <summary>The most consumptions one transaction decides; more wait for the next.</summary>
    public const int MaxBatch = 256;

    /// <summary>What a consumption's ledger entry names as its source.</summary>
    public const string Reference = "product";

    /// <summary>The span of one writer's transaction.</summary>
    public const string BatchActivityName = "credits consumption batch";

    private readonly Lock gate = new();
    private readonly Queue<Waiting> queued = new();
    private bool writing;

    /// <summary>
    /// Takes <paramref name="quantity"/> of the account's credit if its balance covers it once the consumptions queued
    /// before it are decided; the balance left, or null (nothing changed) when it does not. When nothing is under way, it is
    /// decided at once with the caller's <paramref name="ledger"/>, as a lone consumption always was.
    /// </summary>
    public async Task<long?> ConsumeAsync(CreditLedger ledger, Guid partnerId, Guid accountId, CreditKind kind, long quantity, CancellationToken cancellationToken)
    {
        if (Join(new AccountDebit(partnerId, accountId, kind, quantity)) is { } waiting)
        {
            return await waiting.Answer.Task;
        }
        try
        {
            return await ledger.DebitReturningBalanceAsync(partnerId, accountId, kind, EntryTypes.Consumption, quantity, Reference, cancellationToken);
        }
        finally
        {
            HandOver();
        }
    }

    /// <summary>This consumption's place in the queue; none when nothing was under way and it is the one to go at once.</summary>
    private Waiting? Join(AccountDebit debit)
    {
        lock (gate)
        {
            if (!writing)
            {
                writing = true;
                return null;
            }
            var waiting = new Waiting(debit, Activity.Current?.Context);
            queued.Enqueue(waiting);
            return waiting;
        }
    }

    /// <summary>After a decision: what queued meanwhile goes to a writer; with nothing queued nothing is under way.</summary>
    private void HandOver()
    {
        lock (gate)
        {
            if (queued.Count == 0)
            {
                writing = false;
                return;
            }
        }
        // The writer serves every request queued, not the one that happened to hand over: it runs outside that request's
        // context (its HttpContext, its trace).
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(WriteAsync);
        }
    }

    private async Task WriteAsync()
    {
        List<Waiting> batch;
        lock (gate)
        {
            batch = new List<Waiting>(Math.Min(queued.Count, MaxBatch));
            while (batch.Count < MaxBatch && queued.TryDequeue(out var next))
            {
                batch.Add(next);
            }
        }
        try
        {
            var left = await DecideAsync(batch);
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
            HandOver();
        }
    }

    private async Task<long?[]> DecideAsync(List<Waiting> batch)
    {
        using var activity = PlatformTelemetry.ActivitySource.StartActivity(ActivityKind.Internal, links: CallersOf(batch), name: BatchActivityName);
        activity?.SetTag("reseller.credits.batch_size", batch.Count);
        // Not the requests' cancellation: once queued, a consumption is decided, as a statement already sent would be.
        await using var scope = scopes.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<CreditLedger>();
        if (batch.Count == 1)
        {
            var (partnerId, accountId, kind, quantity) = batch[0].Debit;
            return [await ledger.DebitReturningBalanceAsync(partnerId, accountId, kind, EntryTypes.Consumption, quantity, Reference, CancellationToken.None)];
        }
        return await ledger.DebitEachReturningBalancesAsync(batch.ConvertAll(w => w.Debit), EntryTypes.Consumption, Reference, CancellationToken.None);
    }

    private static IEnumerable<ActivityLink> CallersOf(List<Waiting> batch) =>
        batch.Where(w => w.Caller is not null).Select(w => new ActivityLink(w.Caller!.Value));

    /// <summary>A queued consumption, and the span of the request that made it (the writer's span links to it).</summary>
    private sealed record Waiting(AccountDebit Debit, ActivityContext? Caller)
    {
        public TaskCompletionSource<long?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
