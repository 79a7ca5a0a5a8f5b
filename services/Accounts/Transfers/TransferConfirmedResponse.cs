namespace Reseller.Accounts.Transfers;

/// <summary>What the owner sees after confirming a move-in: the account has joined the partner.</summary>
public sealed record TransferConfirmedResponse(string AccountId, string Name, string PartnerId, string Status);
