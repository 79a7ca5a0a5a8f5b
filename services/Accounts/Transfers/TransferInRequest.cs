namespace Reseller.Accounts.Transfers;

public sealed record TransferInRequest(string? PartnerId);
