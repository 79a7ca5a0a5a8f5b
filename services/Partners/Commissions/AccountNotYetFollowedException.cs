using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Commissions;

/// <summary>A paid invoice arrived before its account's AccountCreated; the message is redelivered until it has been.</summary>
public sealed class AccountNotYetFollowedException(Guid accountId) : EarlierEventPendingException($"Account {accountId} is not followed yet.");
