namespace Reseller.Contracts.Accounts;

/// <summary>The operator attached a stand-alone account to a partner, after the customer's confirmation.</summary>
public sealed record AccountTransferredIn(Guid AccountId, Guid PartnerId, string Name, AccountPlan Plan, string Payer, DateTimeOffset TransferredAt);
