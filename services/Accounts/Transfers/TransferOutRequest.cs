namespace Reseller.Accounts.Transfers;

public sealed record TransferOutRequest(string? OwnerEmail);
