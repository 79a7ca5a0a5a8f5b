namespace Reseller.Contracts.Accounts;

public sealed record AddOnQuantity(string Code, int Quantity);
