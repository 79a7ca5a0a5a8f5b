using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.DomainEvents;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>The account's status changed from <paramref name="Previous"/>, while it belonged to <paramref name="PreviousPartnerId"/>.</summary>
public sealed record AccountStatusChangedDomainEvent(Account Account, AccountStatus Previous, Guid PreviousPartnerId) : IDomainEvent;
