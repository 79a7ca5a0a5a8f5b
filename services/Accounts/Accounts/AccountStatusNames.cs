using Reseller.Contracts.Accounts;

namespace Reseller.Accounts.Accounts;

/// <summary>The word each status is known by outside this service (events, the API, audit and problem texts): the contract's.</summary>
public static class AccountStatusNames
{
    public static string Of(AccountStatus status) => status switch
    {
        AccountStatus.Pending => AccountStatuses.Pending,
        AccountStatus.Trial => AccountStatuses.Trial,
        AccountStatus.Active => AccountStatuses.Active,
        AccountStatus.PaymentFailed => AccountStatuses.PaymentFailed,
        AccountStatus.Cancelled => AccountStatuses.Cancelled,
        AccountStatus.Expired => AccountStatuses.Expired,
        AccountStatus.Transferred => AccountStatuses.Transferred,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "an account status without a contract name"),
    };
}
