namespace Reseller.Billing.Accounts;

public enum BilledAccountStatus
{
    Pending,
    Trial,
    Active,
    PaymentFailed,
    Cancelled,
    Expired,
    Transferred,
}
