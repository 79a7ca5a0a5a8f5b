namespace Reseller.Partners.Commissions;

/// <summary>A paid invoice arrived before its account's AccountCreated; the message is retried a little later.</summary>
public sealed class AccountNotYetFollowedException(Guid accountId) : Exception($"Account {accountId} is not followed yet.");
