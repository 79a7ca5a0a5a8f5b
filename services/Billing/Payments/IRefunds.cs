namespace Reseller.Billing.Payments;

/// <summary>Gives back part of a card charge; the idempotency key makes a repeated refund the same refund.</summary>
public interface IRefunds
{
    Task<RefundResult> RefundAsync(string providerChargeId, long amount, string currency, string idempotencyKey, CancellationToken cancellationToken);
}
