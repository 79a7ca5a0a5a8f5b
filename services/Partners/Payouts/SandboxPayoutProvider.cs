using System.Collections.Concurrent;

namespace Reseller.Partners.Payouts;

/// <summary>
/// Pays nothing: every item succeeds, except a receiver whose e-mail starts with <c>unclaimed</c> or <c>fail</c>, which
/// comes back as PayPal ends such a payout: returned after 30 days unclaimed, or failed. A batch sent again answers the
/// first one's id (as PayPal does).
/// </summary>
public sealed class SandboxPayoutProvider : IPayoutProvider
{
    private readonly ConcurrentDictionary<string, (string Id, IReadOnlyList<PayoutItemOutcome> Items)> batches = new(StringComparer.Ordinal);

    public Task<string> SendAsync(PayoutBatchRequest batch, CancellationToken cancellationToken)
    {
        var sent = batches.GetOrAdd(batch.SenderBatchId, id => ("sbx_batch_" + id, batch.Items.Select(Outcome).ToList()));
        return Task.FromResult(sent.Id);
    }

    public Task<IReadOnlyList<PayoutItemOutcome>> OutcomesAsync(string providerBatchId, CancellationToken cancellationToken) =>
        Task.FromResult(batches.Values.FirstOrDefault(b => b.Id == providerBatchId).Items ?? []);

    private static PayoutItemOutcome Outcome(PayoutItemRequest item) => item.Receiver switch
    {
        var r when r.StartsWith("unclaimed", StringComparison.OrdinalIgnoreCase) =>
            new(item.SenderItemId, PayoutItemStatus.Failed, null, "RETURNED: unclaimed for 30 days, the receiver has no PayPal account"),
        var r when r.StartsWith("fail", StringComparison.OrdinalIgnoreCase) =>
            new(item.SenderItemId, PayoutItemStatus.Failed, null, "FAILED: the payout was refused"),
        _ => new(item.SenderItemId, PayoutItemStatus.Succeeded, "sbx_item_" + item.SenderItemId, null),
    };
}
