namespace Reseller.Accounts.Accounts;

public enum AccountStatus
{
    Pending,
    Trial,
    Active,
    PaymentFailed,
    Cancelled,
    Expired,
    Transferred,
}
