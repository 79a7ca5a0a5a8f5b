namespace Reseller.Billing.Payments;

public enum PaymentStatus
{
    Pending,
    Succeeded,
    Failed,

    /// <summary>The provider charged, but the invoice was meanwhile settled otherwise: the charge is refunded (<see cref="Payment.RefundAmount"/>).</summary>
    Unmatched,
}
