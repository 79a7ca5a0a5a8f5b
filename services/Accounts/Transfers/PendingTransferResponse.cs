namespace Reseller.Accounts.Transfers;

/// <summary>A move-in into the caller's agency that waits for the account owner's confirmation.</summary>
public sealed record PendingTransferResponse(string AccountId, string AccountName, string OwnerEmail, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt);
