namespace Reseller.Contracts.Accounts;

/// <summary>An account's status as a service keeps it (its name in events and in the API: <see cref="AccountStatuses"/>).</summary>
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
