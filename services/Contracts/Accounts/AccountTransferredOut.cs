namespace Reseller.Contracts.Accounts;

/// <summary>The operator moved an account out of its agency to a stand-alone owner: partner billing and branding stop.</summary>
public sealed record AccountTransferredOut(Guid AccountId, Guid FormerPartnerId, string OwnerEmail, DateTimeOffset TransferredAt);
