using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>An event about an account whose AccountCreated Billing has not consumed yet: redelivered until it has.</summary>
public sealed class AccountNotKnownYetException(Guid accountId) : EarlierEventPendingException($"Account {accountId} is not known to Billing yet.");
