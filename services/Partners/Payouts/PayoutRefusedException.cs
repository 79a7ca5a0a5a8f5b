namespace Reseller.Partners.Payouts;

/// <summary>
/// The payout provider refused a batch for good and made nothing of it (PayPal: a 400 or 422 such as INSUFFICIENT_FUNDS or
/// VALIDATION_ERROR). Sending the same batch again cannot pay it: the provider answers a repeat of the same request id with
/// the same refusal. Its statements go back to pending, to be paid by a new batch once the cause is fixed.
/// </summary>
public sealed class PayoutRefusedException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
