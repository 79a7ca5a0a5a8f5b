namespace Reseller.Billing.Payments;

public enum PaymentStatus
{
    Pending,
    Succeeded,
    Failed,
}
