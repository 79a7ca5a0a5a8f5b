namespace Reseller.Accounts.Accounts;

public sealed record AddOnResponse(string Code, int Quantity);
