namespace Reseller.Contracts.Accounts;

/// <summary>
/// The partner asked to renew an account that is not cancelled and not expired (typically payment_failed): Billing charges
/// its open renewal invoice at once, to <see cref="BillingProfileId"/> when given (it is then the account's profile).
/// </summary>
public sealed record AccountRenewalRequested(Guid AccountId, Guid PartnerId, Guid? BillingProfileId, DateTimeOffset RequestedAt);
