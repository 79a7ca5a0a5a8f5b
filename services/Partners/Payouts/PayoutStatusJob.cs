using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Commissions;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Partners.Payouts;

/// <summary>
/// Sends again the batches whose sending failed (same id: never paid twice), then asks the provider for the outcome of
/// every batch in flight and applies it. Safe on several instances: a statement's row version refuses a second apply.
/// </summary>
public sealed class PayoutStatusJob(PartnersDb db, PayoutBatches batches, ILogger<PayoutStatusJob> logger) : IDueJob
{
    public string Name => "payout-status";

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var processing = db.Statements.AsNoTracking().Where(s => s.Status == StatementStatus.Processing);
        var unsent = await processing.Where(s => s.ProviderBatchId == null).Select(s => s.PayoutBatchId!.Value).Distinct().ToListAsync(cancellationToken);
        foreach (var batchId in unsent)
        {
            await batches.SendAsync(batchId, cancellationToken);
        }
        var sent = await processing.Where(s => s.ProviderBatchId != null).Select(s => s.ProviderBatchId!).Distinct().ToListAsync(cancellationToken);
        var applied = 0;
        foreach (var providerBatchId in sent)
        {
            try
            {
                applied += await batches.ApplyOutcomesAsync(providerBatchId, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                logger.LogWarning(e, "The outcome of payout batch {ProviderBatchId} could not be read; asked again next time", providerBatchId);
            }
        }
        return applied;
    }
}
