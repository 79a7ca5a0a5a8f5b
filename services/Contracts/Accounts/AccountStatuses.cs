namespace Reseller.Contracts.Accounts;

/// <summary>The account status names (docs/business-rules.md) as they travel in events and in the API.</summary>
public static class AccountStatuses
{
    public const string Pending = "pending";
    public const string Trial = "trial";
    public const string Active = "active";
    public const string PaymentFailed = "payment_failed";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";
    public const string Transferred = "transferred";

    /// <summary>The name of a status as it travels: <see cref="AccountStatus.PaymentFailed"/> is payment_failed.</summary>
    public static string NameOf(AccountStatus status) => status switch
    {
        AccountStatus.PaymentFailed => PaymentFailed,
        _ => status.ToString().ToLowerInvariant(),
    };
}
