namespace Reseller.Partners.Payouts;

/// <summary>
/// Pays commission statements out to the partners' payout accounts, one batch at a time. Sending the same batch id again
/// never pays twice: it answers the batch already sent.
/// </summary>
public interface IPayoutProvider
{
    /// <summary>Sends the batch; answers the provider's id of it, to ask for its items' outcome later.</summary>
    Task<string> SendAsync(PayoutBatchRequest batch, CancellationToken cancellationToken);

    /// <summary>Where each item of a sent batch stands.</summary>
    Task<IReadOnlyList<PayoutItemOutcome>> OutcomesAsync(string providerBatchId, CancellationToken cancellationToken);
}
