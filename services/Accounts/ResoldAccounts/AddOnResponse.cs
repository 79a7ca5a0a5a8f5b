namespace Reseller.Accounts.ResoldAccounts;

public sealed record AddOnResponse(string Code, int Quantity);
